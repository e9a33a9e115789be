"""Wagtail's database search backend, with titles weighing more on SQLite as on PostgreSQL.

On PostgreSQL, Wagtail ranks a match in a page's title above one in its body. Its SQLite
backend ranks every column alike, so a page that only mentions a word among its vocabulary
would come before the page named after it. Here SQLite's bm25 gets column weights; on every
other database this is Wagtail's backend unchanged.

Settings: WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends.database".
"""

from functools import cache

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import Not, Phrase, PlainText

# Columns of Wagtail's FTS5 table, in order: autocomplete, body, title.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 4.0)


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for)
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if not isinstance(backend, SQLiteSearchBackend):  # no FTS5: Wagtail's plain fallback
        return backend
    return weighted_sqlite_backend()(params)


@cache
def weighted_sqlite_backend():
    from django.db.models import FloatField, Func
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class WeightedBM25(Func):
        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra):
            weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class WeightedQueryCompiler(SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, (Phrase, PlainText, Not)):
                rank = WeightedBM25()
                return rank * boost if boost != 1.0 else rank
            return super().build_tsrank(vector, query, config=config, boost=boost)

    class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = WeightedQueryCompiler

    return WeightedSQLiteSearchBackend

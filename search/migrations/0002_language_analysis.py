"""Each language's text search configuration with accent folding, and the words' trigram index.

On PostgreSQL: the `unaccent` and `pg_trgm` extensions; for each configuration PostgreSQL ships
(english, italian, greek, arabic, ..., simple) a copy named `portal_<name>` that folds accents
before its stemmer (`search.backends.analysis`); the words of the index (`IndexedWord`) with a
trigram index, for the suggestion made when a search finds nothing. On SQLite, the table only.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

WORD_INDEX = "search_indexedword_trgm"

DICTIONARY_OF_WORDS = """
    SELECT d.dictname FROM pg_ts_config_map m
    JOIN pg_ts_config c ON c.oid = m.mapcfg
    JOIN pg_ts_dict d ON d.oid = m.mapdict
    WHERE c.cfgname = %s AND c.cfgnamespace = 'pg_catalog'::regnamespace
      AND m.maptokentype = (SELECT tokid FROM ts_token_type('default') WHERE alias = 'word')
    ORDER BY m.mapseqno DESC LIMIT 1
"""


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'pg_catalog'::regnamespace"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(DICTIONARY_OF_WORDS, [name])
            (dictionary,) = cursor.fetchone()
            ours = f"portal_{name}"
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {ours}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {ours} (COPY = pg_catalog.{name})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {ours} "
                f"ALTER MAPPING FOR word, hword, hword_part WITH unaccent, {dictionary}"
            )
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {WORD_INDEX} "
            "ON search_indexedword USING gin (word gin_trgm_ops)"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'portal\\_%%'")
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_indexes"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.CreateModel(
            name="IndexedWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=64, unique=True)),
            ],
        ),
        migrations.RunPython(create_configurations, drop_configurations),
    ]

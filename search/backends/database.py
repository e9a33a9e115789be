"""Wagtail's database search backend, reading every language with its own stemmer.

Subclasses of Wagtail's (modelsearch) PostgreSQL and SQLite backends that give the same answers
(`search.backends.analysis` says how words are read):

- indexing: a page's text is read in the page's language (its locale), the fields declared
  with `core.indexing.searched_in_every_language` in each of the portal's languages. On
  PostgreSQL that is `to_tsvector('portal_<language>', text)` for each; on SQLite the index
  holds the words as the same Snowball stemmers leave them, which FTS5 then matches as they are.
  The words met are kept (`search.models.IndexedWord`) for suggestions;
- querying: each of the visitor's words becomes "any of its readings" (on PostgreSQL
  `plainto_tsquery` in each configuration, OR-ed; on SQLite an FTS5 group of the stems), and
  the words are combined as asked (all of them, or any);
- ranking (`core.listing.RankedWords`): the pages with at least half of the words, annotated
  with how many they have (`core.listing.WORDS_MATCHED`), those with the most first, then by
  the backend's rank. On SQLite the rank is one bm25 with column weights: Wagtail's SQLite
  backend ranks every column alike, so a page that only mentions a word among its vocabulary
  would come before the page named after it;
- suggestions (`suggestions`): for words no indexed page has, the closest indexed word, by
  trigram similarity (pg_trgm's `%` on PostgreSQL, its formula in Python on SQLite over the
  words of the same first two letters);
- on PostgreSQL, the directory's listing rows (`ranked_rows`): matched on their pages' words
  through the words' GIN index, or, when every word is among the listed pages' most frequent
  ones, by the bits the rows hold for those (`rows_with_common_words`).

Everything stays one SQL query per search, and one more on the listing rows of PostgreSQL to
know which words are among the most frequent. Any other database gets Wagtail's backend
unchanged.

Settings: WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends.database".
"""

from functools import cache, reduce
from itertools import combinations
from math import comb
from operator import or_

from django.db import connection
from django.db.models import BooleanField, Case, F, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Exact, GreaterThan
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import PlainText

from core.indexing import EveryLanguageField
from core.listing import ROW_SCORE, WORDS_MATCHED, RankedWords

from . import analysis

# A word in the title weighs this much more than one in the rest of the page.
TITLE_WEIGHT = 4.0
# Columns of Wagtail's FTS5 table, in order: autocomplete, body, title.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, TITLE_WEIGHT)
SCORE = "_search_score"
SUGGESTION_SIMILARITY = 0.3  # pg_trgm's default threshold for `%`
LONGEST_WORD = 64
# Past this many ways of choosing half of a search's words, the rows with half of them are found
# by counting each row's words instead (`ranked_rows`).
MOST_HALVES = 20


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for)
    if connection.vendor == "postgresql":
        return postgres_backend()(params)
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if not isinstance(backend, SQLiteSearchBackend):  # no FTS5: Wagtail's plain fallback
        return backend
    return sqlite_backend()(params)


# What both databases share ------------------------------------------------------------------


def query_words(query):
    """The words of a query as the index reads them."""
    return analysis.WORD.findall(analysis.normalise(query.query_string))


def at_least(words):
    """How many of the words a page needs to be listed: half of them, rounded up."""
    return (len(words) + 1) // 2


def object_language(obj, languages):
    """The analysis of an object's own text: its locale's language, else the site's."""
    from django.conf import settings

    code = languages.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE)
    return analysis.language_of(code)


def locale_languages():
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


def field_languages(field, own):
    """The analyses a search field's text is read in."""
    return analysis.portal_languages() if isinstance(field, EveryLanguageField) else [own]


def remember_words(texts):
    """Keep the words of `texts` among the index's words, for suggestions."""
    from search.models import IndexedWord

    words = {
        analysis.fold(word)
        for text in texts
        for word in analysis.WORD.findall(analysis.normalise(text))
        if 3 <= len(word) <= LONGEST_WORD and not word.isdigit()
    }
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=word) for word in sorted(words)], batch_size=1000, ignore_conflicts=True
    )


class Suggestions:
    """The backend's suggestions for words no page has (see the module's docstring)."""

    def suggestions(self, words):
        """{word: the closest indexed word} for each of `words` that no indexed page has."""
        from search.models import IndexedWord

        folded = {word: analysis.fold(word) for word in words}
        unknown = [word for word in dict.fromkeys(folded.values()) if len(word) >= 3]
        if not unknown:
            return {}
        near = reduce(or_, [self.near(word) for word in unknown])
        found = set(
            IndexedWord.objects.filter(Q(word__in=unknown) | near).values_list("word", flat=True)
        )
        closest = {}
        for word in unknown:
            if word in found:
                continue
            scored = [
                (analysis.similarity(word, candidate), -abs(len(candidate) - len(word)), candidate)
                for candidate in found
            ]
            best = max(scored, default=None)
            if best and best[0] >= SUGGESTION_SIMILARITY:
                closest[word] = best[2]
        return {typed: closest[word] for typed, word in folded.items() if word in closest}


class WordsMatched:
    """A compiler that ranks `RankedWords`: at least half the words, the most first."""

    score_order = None  # "-score" where higher is better, "score" where lower is

    def search(self, config, start, stop, score_field=None, **kwargs):
        if not isinstance(self.query, RankedWords):
            return super().search(config, start, stop, score_field=score_field, **kwargs)
        words = query_words(self.query)
        if not words:
            return self.queryset.none()
        queryset = super().search(config, None, None, score_field=SCORE, **kwargs)
        if len(words) > 1:
            matched = sum(
                (Case(When(self.has_word(word), then=1), default=0) for word in words),
                Value(0),
            )
        else:
            matched = Value(1)
        queryset = queryset.annotate(**{WORDS_MATCHED: matched})
        queryset = queryset.filter(**{f"{WORDS_MATCHED}__gte": at_least(words)})
        return queryset.order_by(f"-{WORDS_MATCHED}", self.score_order, "-pk")[start:stop]


# PostgreSQL ---------------------------------------------------------------------------------


@cache
def postgres_backend():
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        SearchVector,
        SearchVectorCombinable,
        SearchVectorField,
    )
    from django.db.models import Func, IntegerField, TextField
    from django.db.models.functions import Cast
    from django.db.models.sql.subqueries import InsertQuery
    from modelsearch.backends.database.postgres.postgres import (
        EMPTY_VECTOR,
        IndexEntry,
        ObjectIndexer,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.weights import get_sql_weights
    from modelsearch.index import SearchField
    from modelsearch.utils import ADD, get_content_type_pk
    from wagtail.models import Page

    # The directory's models are ready only once this backend is first asked for.
    from directory.listing_rows import copy_search_text
    from directory.models import (  # late, as above
        ListingCommonRankWords,
        ListingCommonWord,
        ListingRankWords,
        ListingWords,
    )

    def reading_configs(word):
        # Each configuration that reads the word differently, as Python's stemmers (the same
        # Snowball ones) tell: the same lexeme five times would only cost time and blur the
        # planner's estimate of how many pages have it.
        return [analysis.config(language) for language in analysis.readings(word).values()]

    def word_query(word):
        readings = [
            SearchQuery(word, config=config, search_type="plain")
            for config in reading_configs(word)
        ]
        return reduce(or_, readings)

    def common_masks(words):
        """For each of `words`, the bits (`ListingRow.common_words`) of each of its readings, a
        reading being all of its lexemes, as `word_query` reads them: None unless every lexeme
        of every word is among the common words (`ListingCommonWord`), or when a word has no
        lexeme (a stop word in every reading). One query."""
        readings = [
            (i, config, word) for i, word in enumerate(words) for config in reading_configs(word)
        ]
        values = ", ".join(["(%s, %s, %s)"] * len(readings))
        table = connection.ops.quote_name(ListingCommonWord._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                COMMON_MASKS.format(readings=values, common=table),
                [value for reading in readings for value in reading],
            )
            found = cursor.fetchall()
        masks = {i: [] for i in range(len(words))}
        for i, bits, lexemes in found:
            if lexemes and (bits is None or len(bits) < lexemes):
                return None  # a lexeme that is not a common word
            if lexemes:
                masks[i].append(sum(1 << bit for bit in set(bits)))
        if not all(masks.values()):
            return None
        return [masks[i] for i in range(len(words))]

    class Unseen(SearchVectorCombinable, Func):
        """The lexemes of a vector that another one does not have."""

        function = "ts_delete"
        output_field = SearchVectorField()
        config = None  # what combining vectors asks of each

    def readings(text, weight, languages):
        """`text` read in each of `languages`: as written (folded), then each language's other
        readings only, so that a word no stemmer changes counts once, not once per language."""

        def read(language):
            value = Value(text, output_field=TextField())
            return SearchVector(value, weight=weight, config=analysis.config(language))

        if languages == [analysis.SIMPLE] or len(languages) == 1:
            return read(languages[0])
        written = read(analysis.SIMPLE)
        known = Func(written, function="tsvector_to_array", output_field=TextField())
        others = [
            Unseen(read(language), known) for language in languages if language != analysis.SIMPLE
        ]
        return ADD([written, *others])

    class LanguageIndexer(ObjectIndexer):
        def __init__(self, obj, backend, language):
            super().__init__(obj, backend)
            self.language = language

        def vector(self, title):
            vectors = []
            for field in self.search_fields:
                for current, weight, value in self.prepare_field(self.obj, field):
                    text = analysis.normalise(value).strip()
                    is_title = current.field_name == "title"
                    if not text or not isinstance(current, SearchField) or is_title != title:
                        continue
                    vectors.append(readings(text, weight, field_languages(current, self.language)))
            return ADD(vectors) if vectors else EMPTY_VECTOR

        @property
        def title(self):
            return self.vector(title=True)

        @property
        def body(self):
            return self.vector(title=False)

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Wagtail's `add_items`, with indexers that know each object's language."""
            if not model.get_search_fields() or not objs:
                return
            languages = locale_languages()
            indexers = [
                LanguageIndexer(obj, self.backend, object_language(obj, languages)) for obj in objs
            ]
            compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
            rows, params = [], []
            content_type = get_content_type_pk(model)
            for indexer in indexers:
                params += [content_type, indexer.id]
                columns = []
                for name in ("title", "autocomplete", "body"):
                    value = compiler.prepare_value(
                        IndexEntry._meta.get_field(name), getattr(indexer, name)
                    )
                    sql, value_params = value.as_sql(compiler, self.write_connection)
                    columns.append(sql)
                    params += value_params
                params += [indexer.title_text, indexer.body_text]
                rows.append(f"(%s, %s, {', '.join(columns)}, 1.0, %s, %s)")
            with self.write_connection.cursor() as cursor:
                table = IndexEntry._meta.db_table
                cursor.execute(UPSERT.format(table=table, rows=", ".join(rows)), params)
            self._refresh_title_norms()
            remember_words(
                text for indexer in indexers for text in (indexer.title_text, indexer.body_text)
            )
            if issubclass(model, Page):  # the listings' rows of these pages hold their words
                copy_search_text("id", [obj.pk for obj in objs])

    class LanguageQueryCompiler(WordsMatched, PostgresSearchQueryCompiler):
        score_order = f"-{SCORE}"

        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText) or invert:
                return super().build_tsquery_content(query, config=config, invert=invert)
            queries = [word_query(word) for word in query_words(query)]
            if not queries:
                return None
            if query.operator.lower() == "and":
                return reduce(lambda a, b: a & b, queries)
            return reduce(or_, queries)

        def get_index_vectors(self, search_query):
            # The title weighs as on SQLite. Wagtail multiplies it by its length norm instead,
            # which put a page mentioning the words in its vocabulary before the page whose
            # title is those words, when that title was long.
            return [
                (F("index_entries__title"), TITLE_WEIGHT),
                (F("index_entries__body"), 1.0),
            ]

        def has_word(self, word):
            reading = word_query(word)
            return Q(index_entries__title=reading) | Q(index_entries__body=reading)

    class LanguageSearchBackend(Suggestions, PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        index_class = LanguageIndex

        def ranked_rows(self, rows, words, every=False, known=None):
            """Listing rows with their page's index words (`ListingWords`, joined on the page:
            `directory.listing_rows.copy_search_text`) with at least half of `words` (`every`:
            with all of them), as `RankedWords` ranks pages: aliased with how many of the words
            each has (`WORDS_MATCHED`), for ordering; `scored_rows` adds their relevance.

            Words all among the most frequent ones (`common_masks`) are found by the rows' bits
            (`rows_with_common_words`); any other search looks its words up in the words' GIN
            index, whose few pages for a rare word are quickly looked up.
            `known`: a dict kept for a request, in which the words' bits are kept for its next
            look-ups (one query for them, however many look-ups)."""
            words = query_words(RankedWords(words))
            if not words:
                return rows.none()
            masks = self.known_masks(words, known)
            if masks is not None:
                return self.rows_with_common_words(rows, masks, every)
            readings = [word_query(word) for word in words]
            query = reduce(or_, readings)

            # title || body, as the words' GIN index has it (directory's migration 0017).
            document = Func(
                F("title"),
                F("body"),
                function="listing_row_words",
                output_field=SearchVectorField(),
            )
            # The pages with the words are found from the words' GIN index once (a hashed
            # subquery), never by testing each row's words: joining a page's two vectors, read
            # from their TOAST storage, costs far more than looking it up.
            pages = ListingWords.objects.alias(_search_document=document)

            def having(tsquery):
                return pages.filter(_search_document=tsquery).values("page_id")

            def among(rows, tsquery):
                # The rows of the pages `having` the words. OFFSET 0 keeps the planner from
                # merging the subquery into the rows' query, where it would test the words of
                # each row of the language one by one, taking that for cheap; it still looks a
                # rare word's few rows up by page. A common word's pages (each once: the page is
                # the words' key, so no DISTINCT) come sorted, as the language's rows are in
                # their index (`listing_tally_keys`): the two are merged in one pass, where
                # hashing 36,000 pages and probing it with 60,000 rows took a third longer at
                # 50,000 services.
                sql, params = having(tsquery).order_by("page_id").query.sql_with_params()
                fenced = RawSQL(f"{sql} OFFSET 0", params)  # noqa: S611 (the ORM's own SQL)
                return rows.filter(page_id__in=fenced)

            def every_word(readings):
                return reduce(lambda a, b: a & b, readings)

            if every:
                return among(rows, every_word(readings))
            if len(words) == 1:
                # A row's words are read only to rank the rows of the page of results
                # (`scored_rows`).
                return among(rows, query)

            def with_any(number):
                # The pages with `number` of the words or more: those with every word of some
                # `number` of them, found in one look-up in the words' index.
                return reduce(or_, [every_word(some) for some in combinations(readings, number)])

            least = at_least(words)
            # Half the words can be chosen in the most ways: more of them, in fewer.
            if comb(len(words), least) > MOST_HALVES:
                # Too many ways of choosing the words: each row's words counted one by one.
                matched = sum(
                    (Case(When(page_id__in=having(r), then=1), default=0) for r in readings),
                    Value(0),
                )
                rows = rows.alias(**{WORDS_MATCHED: matched})
                return rows.filter(**{f"{WORDS_MATCHED}__gte": least})
            # The rows listed have half the words or more (one look-up, `among`). How many of
            # the words each has is that half, and one more for each greater number of them it
            # has: a look-up (a hashed subquery) per number above half, rather than one per
            # word. Only worked out where used: to order by, or to count the rows' tiers.
            matched = sum(
                (
                    Case(When(page_id__in=having(with_any(number)), then=1), default=0)
                    for number in range(least + 1, len(words) + 1)
                ),
                Value(least),
            )
            return among(rows.alias(**{WORDS_MATCHED: matched}), with_any(least))

        @staticmethod
        def known_masks(words, known=None):
            """`common_masks` of `words` (as `query_words` gives them), kept in `known` (a dict
            kept for a request) for its next look-ups."""
            known = {} if known is None else known
            if (key := ("common masks", *words)) not in known:
                known[key] = common_masks(words)
            return known[key]

        @staticmethod
        def rows_with_common_words(rows, masks, every=False):
            """`ranked_rows` for words that are all common words (`common_masks`: each word's
            readings' bits): the same rows, found by testing each row's bits
            (`ListingRow.common_words`) as its language's rows are read from their covering
            index, where looking the words up in the GIN index found tens of thousands of pages,
            each read from its table, sorted, and merged with the rows."""

            def has(word_masks):
                # The readings of one lexeme each: any of their bits, one test (above 0: masks
                # leave the sign bit alone), which the planner estimates at a third of the rows;
                # "equal to the mask" it takes for one row in 200, and then ranked a page of the
                # rows with the words testing each row against every tally (24 ms instead of 7
                # for a common word filtered by country at 10,000 services). A reading of
                # several lexemes (rare) needs every bit.
                single = reduce(or_, [mask for mask in word_masks if mask & (mask - 1) == 0], 0)
                tests = [
                    Exact(F("common_words").bitand(mask), Value(mask))
                    for mask in word_masks
                    if mask & (mask - 1)
                ]
                if single:
                    tests.insert(0, GreaterThan(F("common_words").bitand(single), 0))
                return reduce(or_, tests)

            tests = [has(word_masks) for word_masks in masks]
            if every or len(masks) == 1:
                return rows.filter(reduce(lambda a, b: a & b, tests))
            matched = sum(
                (Case(When(test, then=1), default=0) for test in tests),
                Value(0),
            )
            rows = rows.alias(**{WORDS_MATCHED: matched})
            return rows.filter(**{f"{WORDS_MATCHED}__gte": at_least(masks)})

        @staticmethod
        def relevance(words, words_at=""):
            """A row's relevance to `words`, as `RankedWords` ranks pages, read from its words
            (`words_at`: the path to them, "" on the words' table itself); None without words
            to rank."""
            words = query_words(RankedWords(words))
            if not words:
                return None
            query = reduce(or_, [word_query(word) for word in words])
            weights = get_sql_weights()
            score = SearchRank(F(f"{words_at}title"), query, weights=weights) * TITLE_WEIGHT
            return score + SearchRank(F(f"{words_at}body"), query, weights=weights)

        def scored_rows(self, rows, words):
            """`ranked_rows`' rows aliased with their relevance to `words` (`ROW_SCORE`), for
            ordering. Apart, so that the rows are joined to their words only when ordered
            (with one word, their words are joined anyway)."""
            score = self.relevance(words, words_at="words__")
            return rows if score is None else rows.alias(**{ROW_SCORE: score})

        def row_score_sql(self, words, connection, known=None):
            """`scored_rows`' relevance written on a table of the words kept whole in its rows
            (`ListingRankWords`, a copy of `ListingWords`), for a statement that joins it to
            rows already found: (its table, the SQL, its parameters); None without words to
            rank. Ranking on `ListingWords` read each row's body from TOAST storage.

            Words all among the common words (`common_masks`; `known` as for `ranked_rows`)
            are ranked on the common part of the words (`ListingCommonRankWords`): ranking
            reads only the query's lexemes, so the relevance is the same, from rows a quarter
            as wide (a common word's top tier has thousands of rows to rank)."""
            score = self.relevance(words)
            if score is None:
                return None
            common = self.known_masks(query_words(RankedWords(words)), known) is not None
            model = ListingCommonRankWords if common else ListingRankWords
            table = model.objects.all().query
            sql, params = table.get_compiler(connection=connection).compile(
                score.resolve_expression(table)
            )
            return connection.ops.quote_name(model._meta.db_table), sql, params

        def autocompleted_rows(self, rows, model, typed, limit):
            """The pages of `rows` (listing rows), each a `model`, whose index words start as
            `typed` does (its last word as a prefix), as Wagtail's autocomplete finds and
            orders them (its rank, then the newest page): at most `limit` page ids. The
            index's entries are found first and their rows looked up by page. Wagtail's
            autocomplete joins the index to every page of the model, by the page's id written
            as text, which reads them all (12 ms at 10,000 organisations)."""
            compiler = self.autocomplete_query_compiler_class(model.objects.none(), typed)
            config = self.autocomplete_config
            query = compiler.build_tsquery(compiler.query, config=config)
            if query is None:
                return []
            rank = compiler.build_tsrank(F("autocomplete"), compiler.query, config=config)
            entries = IndexEntry.objects.filter(
                content_type_id=get_content_type_pk(model), autocomplete=query
            ).annotate(listed_page=Cast("object_id", IntegerField()))
            found = entries.filter(listed_page__in=rows.values("page_id")).annotate(rank=rank)
            return list(
                found.order_by("-rank", "-listed_page").values_list("listed_page", flat=True)[
                    :limit
                ]
            )

        def near(self, word):
            # `%`: pg_trgm's similarity above its threshold, served by the words' trigram index.
            return Q(RawSQL("word %% %s", [word], output_field=BooleanField()))

    return LanguageSearchBackend


# For each reading (word number, configuration, word): its bits among the common words, and its
# number of lexemes (bits missing where its lexemes are not all common words).
COMMON_MASKS = """
    SELECT reading.i, array_agg(common.bit) FILTER (WHERE common.bit IS NOT NULL),
           count(lexeme.lexeme)
    FROM (VALUES {readings}) AS reading (i, config, word)
    LEFT JOIN LATERAL unnest(tsvector_to_array(to_tsvector(reading.config::regconfig,
                                                           reading.word))) AS lexeme (lexeme)
      ON true
    LEFT JOIN {common} AS common ON common.lexeme = lexeme.lexeme
    GROUP BY reading.i, reading.config
"""  # noqa: S608 (own names)

# As Wagtail's PostgreSQL index writes its entries.
UPSERT = """
    INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm,
                         title_text, body_text)
    (VALUES {rows})
    ON CONFLICT (content_type_id, object_id)
    DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                  body = EXCLUDED.body, title_text = EXCLUDED.title_text,
                  body_text = EXCLUDED.body_text
"""


# SQLite -------------------------------------------------------------------------------------


def fts_group(word):
    """An FTS5 expression for any reading of `word`."""
    return "(" + " OR ".join(f'"{reading}"' for reading in analysis.readings(word)) + ")"


@cache
def sqlite_backend():
    from django.db.models import FloatField, Func
    from modelsearch.backends.database.sqlite.query import (
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
    )
    from modelsearch.backends.database.sqlite.sqlite import (
        IndexEntry,
        ObjectIndexer,
        SQLiteFTSIndexEntry,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.index import SearchField
    from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

    class WeightedBM25(Func):
        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra):
            weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class FTSQuery(Lexeme):
        """An FTS5 query written whole (its words are letters and digits only)."""

        def as_sql(self, compiler, connection):
            return "%s", [self.value]

    class LanguageIndexer(ObjectIndexer):
        """The index's title and body hold the words as the stemmers leave them."""

        def __init__(self, obj, backend, language):
            super().__init__(obj, backend)
            self.language = language
            self.texts = []

        def terms(self, title):
            found = []
            for field in self.search_fields:
                for current, value in self.prepare_field(self.obj, field):
                    is_title = current.field_name == "title"
                    if not isinstance(current, SearchField) or is_title != title:
                        continue
                    self.texts.append(value)
                    found += analysis.terms(value, field_languages(current, self.language))
            return " ".join(found)

        @property
        def title(self):
            return self.terms(title=True)

        @property
        def body(self):
            return self.terms(title=False)

    class LanguageIndex(SQLiteIndex):
        def add_items(self, model, objs):
            """Wagtail's `add_items`, with indexers that know each object's language."""
            if not model.get_search_fields() or not objs:
                return
            languages = locale_languages()
            indexers = [
                LanguageIndexer(obj, self.backend, object_language(obj, languages)) for obj in objs
            ]
            content_type = get_content_type_pk(model)
            entries = self.entries.filter(content_type_id=content_type)
            data = {
                indexer.id: {
                    "title": indexer.title,
                    "autocomplete": indexer.autocomplete,
                    "body": indexer.body,
                }
                for indexer in indexers
            }
            indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
            for object_id in indexed:
                entries.filter(object_id=object_id).update(**data[object_id])
            self.entries.bulk_create(
                [
                    IndexEntry(content_type_id=content_type, object_id=object_id, **values)
                    for object_id, values in data.items()
                    if object_id not in indexed
                ]
            )
            self._refresh_title_norms()
            remember_words(text for indexer in indexers for text in indexer.texts)

    class LanguageQueryCompiler(WordsMatched, SQLiteSearchQueryCompiler):
        score_order = SCORE  # bm25: the lower, the better

        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            groups = [fts_group(word) for word in query_words(query)]
            if not groups:
                return None
            joiner = " AND " if query.operator.upper() == "AND" else " OR "
            return SearchQueryExpression(FTSQuery(joiner.join(groups)))

        def _build_rank_expression(self, vectors, config):
            # One bm25 over the columns with their weights. Wagtail's adds bm25 (of the whole
            # entry, not of its title) multiplied by the title's length norm, which put pages
            # with short titles first whatever the title said.
            return WeightedBM25()

        def has_word(self, word):
            match = MatchExpression(
                self.FTS_TABLE_FIELDS, SearchQueryExpression(FTSQuery(fts_group(word)))
            )
            entries = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(
                        self.queryset.model
                    )
                )
                .values("index_entry__object_id")
            )
            return Q(pk__in=entries)

    class LanguageSearchBackend(Suggestions, SQLiteSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        index_class = LanguageIndex

        def near(self, word):
            # The words of the same first two letters; their similarity is worked out in Python.
            return Q(word__startswith=word[:2])

    return LanguageSearchBackend

"""The rows the directory's listings read (`ListingRow`), kept in step with the page tree.

A listing (the search, the services, a country's organisations) filters, counts, sorts and
pages through every piece of content on each request. Working that out from the page tree
means reading every page, its organisation, its country and its translations: seconds at fifty
thousand services. So each piece of content has one row per visitor language, saying which of
its versions that language's listings show (the visitor's language, else English, else the
language it was first written in) and what the filters look at; its vocabulary terms are rows
of `ListingTerm`. A listing is then a few queries on one table (`core.facets`).

Keeping the rows in step costs one cheap query per change, never a recomputation:

- a page saved (created, edited, published, unpublished), deleted or moved marks stale the
  content it is and the content under it (a country's code, an organisation's city for its
  services); `ListingStale` holds the marks;
- a vocabulary term's slug changed marks the content linked to it;
- `current()`, which every listing calls first, works the marked content out again, in a fixed
  number of queries, then clears the marks.

On PostgreSQL each listed page also has its search index's words (`ListingWords`, one row per
page version, joined to the rows on the page), copied when its rows are worked out and again
whenever that page's index entry is written (`search.backends.database`), so that searches
match, count and rank words on the rows and their words alone. Triggers keep a copy of each
page's words whole in one table row (`ListingRankWords`), which a page of results is ranked on.
Each row also holds a bit for each of the most frequent words its page has (`common_words`,
copied with the words), which a search whose words are all among them tests instead of
looking them up; it ranks on the part of the words that is common words, which the triggers
keep too (`ListingCommonRankWords`). The words are chosen anew when every row is worked out
again (`choose_common_words`, from `refresh` of all the content, each night).

The mark is written in the same transaction as the change, so it is undone with it. Rows are
only ever worked out from the database as it is, so content refreshed too often is merely
wasted work, never wrong. Pages written around the portal's code (in bulk, or straight in the
database) need `manage.py refresh_listings`, which works every row out again.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Case, Min, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale, Page

from core.facets import term_tokens
from core.listing import id_in
from directory import freshness
from directory.listing import ancestor_path
from directory.models import (
    CountryPage,
    ListingCommonRankWords,
    ListingCommonWord,
    ListingRankWords,
    ListingRow,
    ListingStale,
    ListingTally,
    ListingTerm,
    ListingWords,
    OrganisationPage,
    PortfolioProjectPage,
    ServicePage,
)

DIRECTORY = "directory"  # services, opportunities and organisations: the search
GOOD_PRACTICES = "good-practices"  # the portfolio projects marked as good practices
TARGET_GROUP = "target_group"
SINCE = "good_practice_since"
BATCH = 2000  # pieces of content worked out at a time


def country_codes():
    """A function giving the lower-case country code of a page's path ("" outside a country)."""
    codes = {
        path: code.lower()
        for path, code in CountryPage.objects.exclude(code="").values_list("path", "code")
    }
    length = len(next(iter(codes))) if codes else 0
    return lambda path: codes.get(path[:length], "") if length else ""


def term_links(links, page_ids):
    """ListingTerm rows for `links`: (through model, owner column, term name, vocabulary)."""
    terms = []
    for through, owner, term, vocabulary in links:
        pairs = through.objects.filter(id_in(owner, page_ids)).values_list(owner, f"{term}__slug")
        terms += [ListingTerm(page_id=page, vocabulary=vocabulary, slug=s) for page, s in pairs]
    return terms


class Directory:
    """Services, opportunities and organisations, for the search and the countries' lists."""

    listing = DIRECTORY
    models = (OrganisationPage, ServicePage)

    def versions(self, keys):
        """Every live version of the content with these keys, with what its rows say."""
        types = ContentType.objects.get_for_models(*self.models)
        organisation = OrganisationPage.objects.filter(path=ancestor_path(1))
        checked_on = Coalesce("servicepage__checked_on", "organisationpage__checked_on")
        versions = (
            Page.objects.live()
            .filter(translation_key__in=keys, content_type__in=[t.pk for t in types.values()])
            # Content unchecked for too long leaves the listings (`directory.freshness`).
            .annotate(checked_on=checked_on)
            .filter(Q(checked_on__isnull=True) | Q(checked_on__gte=freshness.hidden_before()))
            .annotate(
                # A service's place is its own, else its organisation's.
                service_place=Coalesce(
                    "servicepage__place__slug",
                    Subquery(organisation.values("place__slug")[:1]),
                ),
                service_region=Case(
                    When(servicepage__place__isnull=False, then="servicepage__place__region__slug"),
                    default=Subquery(organisation.values("place__region__slug")[:1]),
                ),
            )
            .values(
                "pk",
                "translation_key",
                "locale_id",
                "content_type_id",
                "path",
                "first_published_at",
                "servicepage__kind",
                "servicepage__delivery",
                "servicepage__is_free",
                "servicepage__application_deadline",
                "servicepage__end_date",
                "service_place",
                "service_region",
                "organisationpage__place__slug",
                "organisationpage__place__region__slug",
                "checked_on",
            )
        )
        note_before = freshness.note_before()
        country_of = country_codes()
        organisation = types[OrganisationPage].pk
        for version in versions:
            if version["content_type_id"] == organisation:
                fields = {
                    "kind": "organisation",
                    "place": version["organisationpage__place__slug"] or "",
                    "region": version["organisationpage__place__region__slug"] or "",
                }
            else:
                fields = {
                    "kind": version["servicepage__kind"],
                    "place": version["service_place"] or "",
                    "region": version["service_region"] or "",
                    "delivery": version["servicepage__delivery"],
                    "is_free": version["servicepage__is_free"],
                    "deadline": version["servicepage__application_deadline"],
                    "end_date": version["servicepage__end_date"],
                }
            fields.update(
                country=country_of(version["path"]),
                published_at=version["first_published_at"],
                checked_recently=not version["checked_on"] or version["checked_on"] >= note_before,
            )
            yield version["pk"], version["translation_key"], version["locale_id"], fields

    def terms(self, page_ids):
        """The category and target group rows of the pages listed, one query per link table."""
        terms = [
            ListingTerm(page_id=page, vocabulary="category", slug=slug)
            for page, slug in ServicePage.objects.filter(
                id_in("page_ptr_id", page_ids), category__isnull=False
            ).values_list("pk", "category__slug")
        ]
        return terms + term_links(
            [
                (
                    ServicePage.target_groups.through,
                    "servicepage_id",
                    "targetgroup",
                    "target_group",
                ),
                (
                    OrganisationPage.target_groups.through,
                    "organisationpage_id",
                    "targetgroup",
                    "target_group",
                ),
                (
                    OrganisationPage.expertise_categories.through,
                    "organisationpage_id",
                    "expertisecategory",
                    "category",
                ),
            ],
            page_ids,
        )

    def using_term(self, vocabulary, term):
        """The pages linked to `term` (of "category" or "target_group")."""
        if vocabulary == "category":
            return [
                ServicePage.objects.filter(category=term),
                OrganisationPage.objects.filter(expertise_categories=term),
            ]
        return [
            ServicePage.objects.filter(target_groups=term),
            OrganisationPage.objects.filter(target_groups=term),
        ]


class GoodPractices:
    """The portfolio projects marked as good practices, for the good practices library."""

    listing = GOOD_PRACTICES
    models = (PortfolioProjectPage,)

    def versions(self, keys):
        versions = (
            PortfolioProjectPage.objects.live()
            .filter(translation_key__in=keys, is_good_practice=True)
            .values_list(
                "pk", "translation_key", "locale_id", "path", "scope", "good_practice_since"
            )
        )
        country_of = country_codes()
        for pk, key, locale_id, path, scope, since in versions:
            fields = {"kind": scope, "country": country_of(path), "listed_since": since}
            yield pk, key, locale_id, fields

    def terms(self, page_ids):
        owner = "portfolioprojectpage_id"
        return term_links(
            [
                (PortfolioProjectPage.categories.through, owner, "expertisecategory", "category"),
                (PortfolioProjectPage.target_groups.through, owner, "targetgroup", "target_group"),
            ],
            page_ids,
        )

    def using_term(self, vocabulary, term):
        if vocabulary == "category":
            return [PortfolioProjectPage.objects.filter(categories=term)]
        return [PortfolioProjectPage.objects.filter(target_groups=term)]


SOURCES = [Directory(), GoodPractices()]


def register(source):
    """Add the rows of an upper app's listing (its `AppConfig.ready`), as the directory's own.

    A source names its `listing` and the page `models` it lists, and gives `versions(keys)`
    ((page id, translation key, locale id, row fields) of every live version of the content
    with these keys it lists), `terms(page_ids)` (the `ListingTerm` rows of the versions
    shown), `using_term(vocabulary, term)` (querysets of the pages linked to a term) and,
    optionally, `in_country(country)` (querysets of the pages whose rows name a country
    without being under it).
    """
    if all(known.listing != source.listing for known in SOURCES):
        SOURCES.append(source)


def listed_types():
    """The content types of every page some listing shows."""
    models = [model for source in SOURCES for model in source.models]
    return ContentType.objects.get_for_models(*models).values()


# Working rows out ------------------------------------------------------------------------------


def refresh(keys=None):
    """Work out again the rows of the content with these translation keys (all when None)."""
    listed = None
    if keys is None:
        types = [t.pk for t in listed_types()]
        keys = Page.objects.filter(content_type__in=types).values_list("translation_key", flat=True)
        keys = list(dict.fromkeys(keys))
        with transaction.atomic():
            listed = first_listed()  # read before the rows go, to be kept
            _delete(ListingRow.objects.all())
            _delete(ListingTerm.objects.all())
            _delete(ListingWords.objects.all())
            # With no row left, none holds bits of the words chosen before.
            choose_common_words()
    keys = list(keys)
    for start in range(0, len(keys), BATCH):
        with transaction.atomic():
            _refresh(keys[start : start + BATCH], listed)
    return len(keys)


def compact():
    """After every row was written again (`refresh` of all the content, as each night), on
    PostgreSQL: the listing tables' indexes built anew and the tables vacuumed. Writing every
    row again leaves the old rows' entries in the indexes, and each language's rows, written
    together, split the pages of the others' half full: the covering index the listings read
    instead of the table (`listing_page_facets`) grew to three times its size at fifty thousand
    services, and a search reads it whole. Built anew concurrently: the listings go on reading
    the old indexes meanwhile. Vacuumed, the rows are marked visible to all, which is what lets
    a listing read the index alone. The tallies of rows that are gone (`ListingTally`, at
    zero) are deleted. Not inside a transaction, where neither can run: False then, and
    elsewhere than on PostgreSQL."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    ListingTally.objects.filter(rows=0).delete()
    tables = [
        connection.ops.quote_name(model._meta.db_table)
        for model in (
            ListingRow,
            ListingTerm,
            ListingWords,
            ListingRankWords,
            ListingCommonRankWords,
            ListingTally,
        )
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"REINDEX TABLE CONCURRENTLY {table}")
        cursor.execute(f"VACUUM (ANALYZE) {', '.join(tables)}")
    return True


def first_listed(keys=None):
    """{(listing, translation key): when the content got its rows} of the content with these
    keys (all when None) that has rows: one query. Its rows worked out again keep that time;
    content that has no row (new, or back in a listing after leaving it) gets the time of its
    refresh, so that "listed since" means what a visitor of the listing saw appear."""
    rows = ListingRow.objects.order_by()
    if keys is not None:
        rows = rows.filter(translation_key__in=keys)
    pairs = rows.values_list("listing", "translation_key").annotate(first=Min("listed_at"))
    return {(listing, key): first for listing, key, first in pairs}


def _refresh(keys, listed=None):
    listed = first_listed(keys) if listed is None else listed
    now = timezone.now()
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    default = settings.LANGUAGE_CODE
    rows, terms = [], []
    for source in SOURCES:
        first = len(rows)  # this source's rows start here
        by_key = defaultdict(list)
        for version in source.versions(keys):
            by_key[version[1]].append(version)
        shown = set()
        for members in by_key.values():
            members.sort()
            by_language = {languages[version[2]]: version for version in members}
            for language in languages.values():
                version = by_language.get(language) or by_language.get(default) or members[0]
                pk, key, _locale, fields = version
                shown.add(pk)
                in_language = version is by_language.get(language)
                rows.append(
                    ListingRow(
                        language=language,
                        listing=source.listing,
                        translation_key=key,
                        page_id=pk,
                        in_language=in_language,
                        listed_at=listed.get((source.listing, key), now),
                        **fields,
                    )
                )
        if shown:
            found = source.terms(list(shown))
            tokens = term_tokens((term.page_id, term.vocabulary, term.slug) for term in found)
            for row in rows[first:]:
                row.terms = tokens.get(row.page_id, "")
            terms += found
    _delete(ListingRow.objects.filter(translation_key__in=keys))
    _delete(
        ListingTerm.objects.filter(
            page__in=Page.objects.filter(translation_key__in=keys).values("pk")
        )
    )
    # Written with their bits, which copying the words then finds unchanged: writing them after
    # wrote every row twice (a full refresh at 10,000 services took 18 to 21 s instead of 11).
    bits = entries_common_bits({row.page_id for row in rows})
    for row in rows:
        row.common_words = bits.get(row.page_id, 0)
    ListingRow.objects.bulk_create(rows, batch_size=1000)
    ListingTerm.objects.bulk_create(terms, batch_size=1000)
    copy_search_text("translation_key", keys, bits=False)
    ListingStale.objects.filter(translation_key__in=keys).delete()


COPY_SEARCH_TEXT = """
    INSERT INTO {words} (page_id, title, body)
    SELECT page.id, entry.title, entry.body
    FROM {pages} AS page JOIN {entries} AS entry
      ON entry.content_type_id = page.content_type_id AND entry.object_id = (page.id)::varchar(50)
    WHERE page.{column} = ANY(%s)
      AND EXISTS (SELECT 1 FROM {rows} AS row WHERE row.page_id = page.id)
    ON CONFLICT (page_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body
"""

# The same pages' rows with the bits of the common words among their words (none without).
COPY_COMMON_BITS = """
    UPDATE {rows} AS row SET common_words = bits.common_words
    FROM (
        SELECT page.id AS page_id, {bits} AS common_words
        FROM {pages} AS page LEFT JOIN {words} AS words ON words.page_id = page.id
        WHERE page.{column} = ANY(%s)
    ) AS bits
    WHERE row.page_id = bits.page_id AND row.common_words <> bits.common_words
"""

# The bits (`ListingRow.common_words`) of the common words among a page's words, as the words'
# GIN index reads them (`listing_row_words`: no words when its title or body has none).
COMMON_BITS = """(
    SELECT coalesce(bit_or(1::bigint << common.bit), 0)
    FROM unnest(tsvector_to_array(listing_row_words({title}, {body}))) AS words (lexeme)
    JOIN {common} AS common ON common.lexeme = words.lexeme
)"""

# The `COMMON_WORDS` lexemes in most of the listed pages' index entries (ts_stat's `ndoc`).
MOST_FREQUENT = """
    INSERT INTO {common} (lexeme, bit)
    SELECT word, (row_number() OVER (ORDER BY ndoc DESC, word) - 1)
    FROM ts_stat(%s)
    ORDER BY ndoc DESC, word
    LIMIT %s
"""
COMMON_WORDS = 63  # a bigint's bits but its sign


# Each page's bits as its search index entry gives them (`copy_search_text` copies its words).
ENTRIES_COMMON_BITS = """
    SELECT page.id, {bits}
    FROM {pages} AS page JOIN {entries} AS words
      ON words.content_type_id = page.content_type_id AND words.object_id = (page.id)::varchar(50)
    WHERE page.id = ANY(%s)
"""


def entries_common_bits(page_ids):
    """On PostgreSQL, {page id: the bits of the common words among its words} of these pages,
    from their search index entries, as `copy_search_text` writes them on their rows: one
    query. Empty elsewhere."""
    from wagtail.search.models import IndexEntry

    if connection.vendor != "postgresql" or not page_ids:
        return {}
    sql = ENTRIES_COMMON_BITS.format(
        bits=common_bits("words.title", "words.body"),
        pages=Page._meta.db_table,
        entries=IndexEntry._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(page_ids)])
        return dict(cursor.fetchall())


def common_bits(title, body):
    """The SQL of `COMMON_BITS` for the words in the columns `title` and `body`."""
    return COMMON_BITS.format(
        title=title, body=body, common=connection.ops.quote_name(ListingCommonWord._meta.db_table)
    )


def choose_common_words():
    """On PostgreSQL, the listed pages' `COMMON_WORDS` most frequent words, chosen anew from
    their search index entries (`ListingCommonWord`), for rows written from then on. Called with
    no listing row left (`refresh` of all the content), so that no row holds a bit of a word
    chosen before: a search tests these bits only once its words are among the ones chosen."""
    from wagtail.search.models import IndexEntry

    if connection.vendor != "postgresql":
        return
    types = ", ".join(str(t.pk) for t in listed_types())
    entries = IndexEntry._meta.db_table
    table = connection.ops.quote_name(ListingCommonWord._meta.db_table)
    documents = (
        f"SELECT listing_row_words(title, body) FROM {entries} "  # noqa: S608 (own names)
        f"WHERE content_type_id IN ({types or 'NULL'})"
    )
    ListingCommonWord.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(MOST_FREQUENT.format(common=table), [documents, COMMON_WORDS])


def copy_search_text(column, values, bits=True):
    """On PostgreSQL, the search index's words of the listed pages whose `column`
    ("translation_key" or "id") is one of `values` into their `ListingWords`, and the bits of
    the common words among them onto their rows (`ListingRow.common_words`; not when `bits` is
    False: rows just written with them, `entries_common_bits`): two queries. Elsewhere
    nothing."""
    from wagtail.search.models import IndexEntry

    if connection.vendor != "postgresql" or not values:
        return
    names = {
        "words": ListingWords._meta.db_table,
        "rows": ListingRow._meta.db_table,
        "pages": Page._meta.db_table,
        "entries": IndexEntry._meta.db_table,
        "column": {"translation_key": "translation_key", "id": "id"}[column],
        "bits": common_bits("words.title", "words.body"),
    }
    with connection.cursor() as cursor:
        cursor.execute(COPY_SEARCH_TEXT.format(**names), [list(values)])
        if bits:
            cursor.execute(COPY_COMMON_BITS.format(**names), [list(values)])


def _delete(rows):
    """One DELETE: rows have nothing depending on them, and no one listens for their deletion
    (Django would otherwise read them all first, because some receivers listen to every
    model's deletions)."""
    rows._raw_delete(rows.db)


def current():
    """Work out again the content marked stale (see the module's docstring), then return.

    One query when nothing is marked. With several processes, each works out what it could
    lock and the others go on without waiting for it.
    """
    marked = ListingStale.objects.all()
    if not marked.exists():
        return
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            keys = list(
                marked.select_for_update(skip_locked=True).values_list("translation_key", flat=True)
            )
            if keys:
                refresh(keys)
        return
    refresh(list(marked.values_list("translation_key", flat=True)))


# Marking content stale ---------------------------------------------------------------------------


def mark(keys):
    """Mark stale the content with these translation keys (a list or a subquery)."""
    if not isinstance(keys, list):
        keys = list(keys)
    if keys:
        ListingStale.objects.bulk_create(
            [ListingStale(translation_key=key) for key in dict.fromkeys(keys)],
            ignore_conflicts=True,
            batch_size=1000,
        )


def mark_around(page, subtree=None):
    """Mark stale the listed content `page` is and, for an organisation (its city is its
    services' place) or when `subtree` says so (a move, a country's new code), the listed
    content under it: one query to find them, one to mark.

    A change to any other page (the home page, a country's introduction) changes no row.
    """
    path = page.path or ""
    if not path:
        return
    if subtree is None:
        subtree = isinstance(page, OrganisationPage)
    types = [t.pk for t in listed_types()]
    if not subtree and page.content_type_id not in types:
        return
    condition = Q(pk=page.pk)
    if subtree:
        condition |= Q(path__startswith=path, depth__gt=page.depth)
    keys = Page.objects.filter(condition, content_type__in=types).values_list(
        "translation_key", flat=True
    )
    mark(keys)


def country_changes(country):
    """Whether a country page about to be saved changes its content's rows (code, live)."""
    if country.pk is None:
        return False
    old = CountryPage.objects.filter(pk=country.pk).values("code", "live").first()
    return old is not None and (old["code"] != country.code or old["live"] != country.live)


def mark_using_term(vocabulary, term):
    """Mark stale the content linked to `term` (whose slug changed), of "category" or
    "target_group"."""
    for source in SOURCES:
        for pages in source.using_term(vocabulary, term):
            mark(pages.values_list("translation_key", flat=True))


def mark_in_country(country):
    """Mark stale the content that names `country` (whose code changed) from elsewhere in the
    tree (the countries a call seeks partners from)."""
    for source in SOURCES:
        if hasattr(source, "in_country"):
            for pages in source.in_country(country):
                mark(pages.values_list("translation_key", flat=True))


def mark_using_place(place):
    """Mark stale the content in `place` (in any of its languages), directly or through its
    organisation: its slug or its region may have changed."""
    from django.db.models import Exists

    key = place.translation_key
    in_place = OrganisationPage.objects.filter(place__translation_key=key)
    mark(in_place.values_list("translation_key", flat=True))
    through_organisation = Exists(in_place.filter(path=ancestor_path(1)))
    services = ServicePage.objects.filter(
        Q(place__translation_key=key) | Q(place__isnull=True) & through_organisation
    )
    mark(services.values_list("translation_key", flat=True))

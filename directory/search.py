"""One search over services, opportunities and organisations, in the visitor's language.

Every piece of content has a row per visitor language (`directory.listing_rows`): the version
that language's listings show (the visitor's language, else English, else the language it was
first written in) and what the filters look at. A search is then a few queries on those rows
(`core.facets.FacetedRows`), whatever the size of the directory:

- the words are matched on the rows themselves on PostgreSQL (each holds its page's index
  words), else go through Wagtail's search backend (SQLite FTS5, or Elasticsearch/OpenSearch by
  setting) once, restricted to the rows' pages: the matches with the most words first, then by
  relevance. When nothing has any of them, the backend's closest indexed words are searched
  instead, and the page says so (`corrected`);
- each filter's counts are one `GROUP BY` query, with every other filter applied (with words on
  PostgreSQL, one query for them all);
- the results come in the order asked for, pages in the visitor's language first; only the page
  of results shown is read, except with words where the backend gives ids, where their ids are;
- only the page of results shown is loaded as pages, for its cards.

A page's index entry holds the names of its category and target groups in every language
(`directory.indexing`), so a search in Arabic finds an Italian service whose category is called
"تدريب" in Arabic.
"""

import hashlib
import json
import time
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Case, Count, F, IntegerField, Q, When
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.facets import (
    CheckFacet,
    Facet,
    FacetedRows,
    LazyResults,
    Only,
    RowSearch,
    TermFacet,
)
from directory.addresses import attach_visitor_urls
from directory.filters import ALL, ANY_SERVICE_KIND, ORGANISATION_KIND, ORGANISATIONS

RELEVANCE = "relevance"
NEWEST = "newest"
CLOSING = "closing"
SORTS = [
    (RELEVANCE, _("Best match")),
    (NEWEST, _("Newest first")),
    (CLOSING, _("Closing soon")),
]
NOT_ORGANISATION = ~Q(kind=ORGANISATION_KIND)
#: The one ordering term freshness adds to the listings: content checked in the last
#: PORTAL_FRESHNESS_NOTE_MONTHS first (`directory.freshness`).
FRESH_FIRST = "-checked_recently"

# The directory's models import this module (the services index and the country pages list with
# it), so the models are imported inside the functions that use them.


class KindFacet(Facet):
    """A row's kind; "services and opportunities" is every kind but an organisation."""

    def __init__(self):
        super().__init__("kind")

    def condition(self, value):
        if value == ANY_SERVICE_KIND:
            return NOT_ORGANISATION
        return super().condition(value)

    def tally(self, counts):
        counts[ANY_SERVICE_KIND] = sum(n for kind, n in counts.items() if kind != ORGANISATION_KIND)
        return counts


class PlaceFacet(Facet):
    """A town, or a region (its towns). A row is counted under its town and under that town's
    region (`regions`: {town: its region}), once each."""

    def __init__(self, regions=None):
        super().__init__("place")
        self.regions = regions or {}

    def condition(self, value):
        return Q(place=value) | Q(region=value)

    def counts(self, rows):
        towns = rows.order_by().values_list("place").annotate(n=Count("pk"))
        return self.tally(Counter(dict(towns)))

    def tally(self, counts):
        """The towns' counts with their regions' added."""
        counts.pop("", None)
        for town, n in list(counts.items()):
            if region := self.regions.get(town):
                counts[region] += n
        return Counter(dict(counts.most_common()))  # the most common first


def is_open(today):
    """No deadline passed, no end date passed."""
    return (Q(deadline__isnull=True) | Q(deadline__gte=today)) & (
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )


def directory_facets(today, regions=None):
    """The directory's filters; `regions` {town: its region}, for the regions' counts."""
    from directory.models import ListingTerm

    return {
        "country": Facet("country"),
        "place": PlaceFacet(regions),
        "category": TermFacet(ListingTerm, "category", column="terms"),
        "target_group": TermFacet(ListingTerm, "target_group", column="terms"),
        "kind": KindFacet(),
        "delivery": Only(NOT_ORGANISATION, Facet("delivery")),
        "free": Only(NOT_ORGANISATION, CheckFacet(Q(is_free=True))),
        "open": Only(NOT_ORGANISATION, CheckFacet(is_open(today))),
    }


VERSION_KEY = "search:version"


def cache_seconds():
    return settings.PORTAL_SEARCH_CACHE_SECONDS


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
    return version


def content_changed(**kwargs):
    """Forget every cached search: pages or vocabularies have changed."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def forget_searches_on_changes():
    """Any page saved, published, moved or deleted, or a term renamed: cached searches go."""
    from directory.models import ExpertiseCategory, Place, TargetGroup

    def page_changed(sender, instance, **kwargs):
        if isinstance(instance, Page):
            content_changed()

    post_save.connect(page_changed, weak=False, dispatch_uid="search_page_saved")
    post_delete.connect(page_changed, weak=False, dispatch_uid="search_page_deleted")
    for model in (ExpertiseCategory, TargetGroup, Place):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"search_{model}_saved")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"search_{model}_deleted")


class DirectorySearch(RowSearch):
    """A search of the directory for one request: its results and counts."""

    groups_facets = True

    @property
    def ranked_by_relevance(self):
        return self.sort == RELEVANCE

    def __init__(self, form, locales, scope=ALL, window=None):
        """`window` (start, stop): the results the page asked for shows, read with the counts
        when it can be (`RowSearch.window`)."""
        super().__init__(form, getattr(form, "cleaned_data", {}).get("q", ""))
        self.scope = scope
        self.locales = locales
        self.today = timezone.localdate()
        self.window = window
        self._shown = None  # (start, stop, ids) read with the counts; never cached
        key = self._cache_key()
        cached = cache.get(key) if key else None
        if cached:
            self._restore(cached)
            return
        from directory import listing_rows

        listing_rows.current()
        faceted = self.faceted()
        self._ids = self._ordered_ids(faceted) if faceted is not None else []
        self._facets = self.count(faceted)
        self._total = faceted.total if faceted is not None else None
        self._tiers = faceted.tier_counts if faceted is not None else None
        self._shown = faceted.shown if faceted is not None else None
        if key:
            cache.set(key, {name: getattr(self, name) for name in self.CACHED}, cache_seconds())

    # What a cached search keeps: its results' ids (with words the backend gives), counts, total
    # and what was searched.
    CACHED = ("_ids", "_facets", "_total", "_tiers", "any_word", "corrected", "searched_words")

    def _restore(self, cached):
        for name in self.CACHED:
            setattr(self, name, cached.get(name))  # `_tiers` may be missing: none is fine

    def _cache_key(self):
        """The same search, in the same language, on the same content: the same answer."""
        if not cache_seconds():
            return None
        state = {
            "locale": self.locales.active.language_code,
            "scope": self.scope,
            "words": self.query_text,
            "filters": {name: str(value) for name, value in self.form.values.items()},
            "sort": self.sort,
            "today": self.today.isoformat(),
        }
        digest = hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
        return f"search:{content_version()}:{digest}"

    # Rows and words ----------------------------------------------------------------------------

    def rows(self):
        """The rows this search may list: one per piece of content, in the visitor's language."""
        from directory.models import ListingRow

        return self._listed(ListingRow.objects.all())

    def tallies(self):
        """On PostgreSQL, the tallies of `rows`, which its filters are counted on (see
        `ListingTally`)."""
        from directory.models import ListingTally

        return self._listed(ListingTally.objects.filter(rows__gt=0))

    def _listed(self, rows):
        from directory.listing_rows import DIRECTORY

        rows = rows.filter(language=self.locales.active.language_code, listing=DIRECTORY)
        if self.scope == ORGANISATIONS:
            rows = rows.filter(kind=ORGANISATION_KIND)
        return rows

    def facet_filters(self):
        return directory_facets(self.today, getattr(self.form, "regions", None))

    def searched_pages(self):
        from directory.listing_rows import Directory

        types = ContentType.objects.get_for_models(*Directory.models).values()
        return Page.objects.live().filter(content_type__in=[t.pk for t in types])

    # Order -------------------------------------------------------------------------------------

    @property
    def sort(self):
        chosen = getattr(self.form, "cleaned_data", {}).get("sort")
        if chosen:
            return chosen
        return RELEVANCE if self.query_text else NEWEST

    def _order(self):
        """The rows' order: without words, pages in the visitor's language first; with words
        (ranked on the rows), the most words first, then as asked, then by relevance. Among the
        pages in one language, content not checked recently comes after the rest
        (`directory.freshness`): it ranks lower without leaving the visitor's language first."""
        newest = F("published_at").desc(nulls_last=True)
        if self.searched_words:
            if self.sort == CLOSING:
                order = ["closing", "open_deadline", F("past_deadline").desc(nulls_last=True)]
                order += ["-in_language", FRESH_FIRST]
            elif self.sort == NEWEST:
                order = ["-in_language", FRESH_FIRST, newest]
            else:
                order = ["-in_language", FRESH_FIRST]
            return self.word_order([*order, "-page_id"])
        if self.sort != CLOSING:
            return ["-in_language", FRESH_FIRST, newest, "-page_id"]
        return [
            "closing",
            "open_deadline",
            F("past_deadline").desc(nulls_last=True),
            "-in_language",
            FRESH_FIRST,
            F("published_at").desc(nulls_last=True),
            "-page_id",
        ]

    def _closing(self, rows):
        today = self.today
        return rows.annotate(
            closing=Case(
                When(deadline__gte=today, then=0),
                When(deadline__isnull=True, then=1),
                default=2,
                output_field=IntegerField(),
            ),
            open_deadline=Case(When(deadline__gte=today, then=F("deadline"))),
            past_deadline=Case(When(deadline__lt=today, then=F("deadline"))),
        )

    def _ordered_ids(self, faceted):
        """Without words: None (`results` reads a page at a time). With words: the ids of the
        rows that pass every filter, the most words first, then in the order asked for. With
        words ranked on the rows (`RowSearch.ranks_rows`), None too."""
        if not self.words or self.ranks_rows:
            return None
        if self.sort == RELEVANCE:
            return self.by_relevance(faceted)
        passing = faceted.passing().values_list(
            "page_id", "in_language", "published_at", "deadline", "checked_recently"
        )
        today = self.today

        def key(row):
            pk, in_language, published, deadline, fresh = row
            matched, position = self.matched[pk]
            if self.sort == CLOSING:
                if deadline and deadline >= today:
                    return (-matched, not fresh, 0, deadline.toordinal(), position)
                if deadline is None:
                    return (-matched, not fresh, 1, 0, position)
                return (-matched, not fresh, 2, -deadline.toordinal(), position)
            stamp = published.timestamp() if published else 0  # newest first
            return (-matched, not fresh, not in_language, -stamp, position)

        return [row[0] for row in sorted(passing, key=key)]

    def results(self):
        """The ids of the pages that pass every filter, in the order asked for."""
        if self._ids is not None:
            return self._ids
        faceted = FacetedRows(self.searched_rows(), self.facet_filters(), self.form.values)
        if self.searched_words and self.ranks_rows and self.sort == RELEVANCE:
            order = self._order()
            return self.relevance_results(
                faceted, self._tiers, self._total, order, shown=self._shown
            )
        rows = self.scored(faceted.passing())
        if self.sort == CLOSING:
            rows = self._closing(rows)
        ids = rows.order_by(*self._order()).values_list("page_id", flat=True)
        return LazyResults(ids, count=self._total)

    def facets(self):
        """{filter name: {value: count}}: for each filter, with every other filter applied."""
        return self._facets

    @staticmethod
    def cards(ids):
        """The specific pages of `ids`, ready for their cards, in the same order."""
        from directory.models import OrganisationPage, ServicePage
        from directory.models.services_index import service_cards

        ids = list(ids)
        services = service_cards(
            ServicePage.objects.filter(pk__in=ids).select_related("locale", "category"),
            addresses=False,
        )
        organisations = OrganisationPage.prefetch_cards(
            OrganisationPage.objects.filter(pk__in=ids).select_related("locale", "logo"),
            addresses=False,
        )
        attach_visitor_urls([*services, *organisations])  # their addresses: in two queries
        by_id = {page.pk: page for page in [*services, *organisations]}
        for page in services:
            page.result_kind = "service"
        for page in organisations:
            page.result_kind = "organisation"
        return [by_id[pk] for pk in ids if pk in by_id]


class ListingSearch(RowSearch):
    """A listing with one order and no cache (the good practices, the calls): its results and
    counts, worked out on creation. Subclasses give `order()` (without words), besides what
    `RowSearch` asks for."""

    def __init__(self, form, locales, typed):
        super().__init__(form, typed)
        self.locales = locales
        self.today = timezone.localdate()
        from directory import listing_rows

        listing_rows.current()
        faceted = self.faceted()
        self._facets = self.count(faceted)
        if faceted is None:
            self._results = []
        elif self.words:
            self._results = self.by_relevance(faceted)
        else:
            passing = faceted.passing().order_by(*self.order())
            self._results = LazyResults(passing.values_list("page_id", flat=True))

    def order(self):
        raise NotImplementedError

    def results(self):
        """The ids of the pages that pass every filter, in order."""
        return self._results

    def facets(self):
        """{filter name: {value: count}}: for each filter, with every other filter applied."""
        return self._facets


__all__ = ["DirectorySearch", "ListingSearch", "SORTS", "RELEVANCE", "NEWEST", "CLOSING"]


#: How long the directory's figures are kept for one content version: also how long the nightly
#: refresh of the listings (content crossing the freshness thresholds) may take to show there.
FIGURES_SECONDS = 600


def kept_for_content(key, work_out):
    """`work_out()`, kept in the shared cache under `key` for the current content version
    (`content_changed`: any page saved or deleted, a term changed, a check recorded) and at
    most FIGURES_SECONDS: for figures of the whole directory, which change only with it."""
    key = f"figures:{content_version()}:{key}"
    kept = cache.get(key)
    if kept is None:
        kept = work_out()
        cache.set(key, kept, FIGURES_SECONDS)
    return kept


def listed_figures():
    """How many organisations and services the directory lists, and in how many countries its
    organisations are: one query on the rows (each language has a row of each piece of
    content, so any language's give the same figures), kept per content version: at fifty
    thousand services counting them costs more than the rest of the home page."""
    from directory import listing_rows
    from directory.models import ListingRow

    def work_out():
        listing_rows.current()
        organisation = Q(kind=ORGANISATION_KIND)
        return ListingRow.objects.filter(
            language=settings.LANGUAGE_CODE, listing=listing_rows.DIRECTORY
        ).aggregate(
            organisations=Count("pk", filter=organisation),
            services=Count("pk", filter=NOT_ORGANISATION),
            countries=Count("country", distinct=True, filter=organisation & ~Q(country="")),
        )

    return kept_for_content("listed", work_out)


def home_figures(language, count):
    """What the home page reads from the listing rows: the directory's figures
    (`listed_figures`) and the ids of the `count` newest services and opportunities still open
    in `language`'s listings, those written in it first (one query, kept per content version
    and day)."""
    from directory import listing_rows
    from directory.models import ListingRow

    today = timezone.localdate()

    def latest():
        listing_rows.current()
        rows = ListingRow.objects.filter(language=language, listing=listing_rows.DIRECTORY)
        rows = rows.filter(NOT_ORGANISATION & is_open(today))
        order = ["-in_language", F("published_at").desc(nulls_last=True), "-page_id"]
        return list(rows.order_by(*order).values_list("page_id", flat=True)[:count])

    return listed_figures(), kept_for_content(f"latest:{language}:{count}:{today}", latest)


def organisations_by_country():
    """{lower-case country code: how many organisations are there}: one query."""
    from directory import listing_rows
    from directory.models import ListingRow

    listing_rows.current()
    rows = ListingRow.objects.filter(
        language=settings.LANGUAGE_CODE, listing=listing_rows.DIRECTORY, kind=ORGANISATION_KIND
    )
    return dict(rows.order_by().values_list("country").annotate(n=Count("pk")))

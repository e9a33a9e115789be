"""One search over services, opportunities and organisations, in the visitor's language.

The words go through Wagtail's search backend (PostgreSQL full text, SQLite FTS5, or
Elasticsearch/OpenSearch by setting); the rest is done on one list of rows:

- the candidates are one page per translation set (`one_per_translation`): the visitor's
  language, else English, else the language the page was written in. So a result is never
  listed twice, and a page that is not translated still shows, in its own language;
- one query fetches, for every candidate that matches the words, in order of relevance, what
  the filters look at (kind, delivery, cost, dates, category, place, country); three more fetch
  the vocabulary links. The filters (`directory.filters.DirectoryFilterForm`) and the counts
  beside their values are then worked out on those rows, each count with every other filter
  applied. The number of queries does not grow with the directory, and the database runs the
  text search once per request rather than once per count;
- only the page of results shown is loaded as pages, for its cards.

Searching is done on the candidates only. A page's index entry holds the names of its
category and target groups in every language (`directory.indexing`), so a search in Arabic
finds an Italian service whose category is called "تدريب" in Arabic.
"""

import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from directory.filters import ALL, ORGANISATION_KIND, ORGANISATIONS, SERVICES, place_condition
from directory.listing import ancestor_path, attach_country_codes, one_per_translation

from . import query as text

RELEVANCE = "relevance"
NEWEST = "newest"
CLOSING = "closing"
SORTS = [
    (RELEVANCE, _("Best match")),
    (NEWEST, _("Newest first")),
    (CLOSING, _("Closing soon")),
]
PLACES_SHOWN = 30
# With Elasticsearch/OpenSearch the matching ids come from the index: at most this many.
MAX_INDEX_MATCHES = 10_000


@dataclass
class Row:
    """What the filters and the sorting need to know of one candidate."""

    pk: int
    kind: str  # "service", "opportunity" or "organisation"
    path: str
    position: int = 0  # in the order the database returned: relevance, else newest
    delivery: str = ""
    is_free: bool = False
    deadline: date | None = None
    end_date: date | None = None
    place: str = ""
    in_place: bool = True
    country: str = ""
    categories: set = field(default_factory=set)
    target_groups: set = field(default_factory=set)

    def is_open(self, today):
        return (self.deadline is None or self.deadline >= today) and (
            self.end_date is None or self.end_date >= today
        )


def id_in(column, ids):
    """`column IN ids` as one parameter, however many ids (SQLite takes 32,766 at most).

    `column` is one of this module's own names, never input; the ids are a parameter.
    """
    name = connection.ops.quote_name(column)
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        sql, value = f"{name} = ANY(%s)", ids
    else:
        sql, value = f"{name} IN (SELECT value FROM json_each(%s))", json.dumps(ids)  # noqa: S608
    return RawSQL(sql, [value], output_field=BooleanField())  # noqa: S611


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


class DirectorySearch:
    """A search of the directory for one request: its rows, results and counts."""

    def __init__(self, form, locales, scope=ALL):
        self.form = form
        self.scope = scope
        self.locales = locales
        self.today = timezone.localdate()
        typed = text.words(getattr(form, "cleaned_data", {}).get("q", ""))
        self.words = text.meaningful(typed)
        self.query_text = " ".join(self.words)
        self.any_word = False  # True when no page has every word and any word is enough
        self.operator = "and"
        key = self._cache_key()
        cached = cache.get(key) if key else None
        if cached:
            self._results, self._facets, self.any_word = cached
            return
        rows = self._fetch_rows()
        if self.query_text and len(self.words) > 1 and not rows:
            self.operator = "or"
            self.any_word = True
            rows = self._fetch_rows()
        self.rows = rows
        self._results = self._sorted_results()
        self._facets = self._count()
        if key:
            cache.set(key, (self._results, self._facets, self.any_word), cache_seconds())

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

    # Fetching ----------------------------------------------------------------------------------

    def _pages(self):
        from directory.models import OrganisationPage, ServicePage

        models = []
        if self.scope != ORGANISATIONS:
            models.append(ServicePage)
        if self.scope != SERVICES:
            models.append(OrganisationPage)
        types = ContentType.objects.get_for_models(*models).values()
        return Page.objects.live().filter(content_type__in=[t.pk for t in types])

    def matching(self):
        """The candidates that match the words, in order of relevance (newest without words)."""
        pages = self._pages()
        if not self.query_text:
            # Every candidate: the translation sets are worked out once, in bulk.
            locale, default = self.locales.active, self.locales.default
            return one_per_translation(pages, locale, default).order_by(
                "-first_published_at", "-pk"
            )
        else:
            results = pages.search(self.query_text, operator=self.operator)
            if hasattr(results, "get_queryset"):  # the database backends: one SQL query
                matching = results.get_queryset()
                if self.sort != RELEVANCE:
                    matching = matching.order_by("-first_published_at", "-pk")
            else:  # Elasticsearch/OpenSearch: the ids, in order, from the index
                ids = [page.pk for page in results[:MAX_INDEX_MATCHES]]
                self._index_order = {pk: position for position, pk in enumerate(ids)}
                matching = Page.objects.filter(pk__in=ids)
        return matching.filter(self._representative())

    def _representative(self):
        """The page is the one listed for its translation set (see `one_per_translation`)."""
        locale, default = self.locales.active, self.locales.default
        siblings = Page.objects.live().filter(translation_key=OuterRef("translation_key"))
        in_locale = Exists(siblings.filter(locale=locale))
        if locale.pk == default.pk:
            in_default = in_locale
        else:
            in_default = Exists(siblings.filter(locale=default))
        earlier = Exists(siblings.filter(pk__lt=OuterRef("pk")))
        return (
            Q(locale=locale)
            | (Q(locale=default) & ~in_locale)
            | (~in_locale & ~in_default & ~earlier)
        )

    def _fetch_rows(self):
        from directory.models import OrganisationPage, ServicePage

        self._index_order = None
        matching = self.matching()
        organisation_city = OrganisationPage.objects.filter(path=ancestor_path(1)).values("city")[
            :1
        ]
        columns = {
            "service_place": Coalesce(
                NullIf("servicepage__location", Value("")), Subquery(organisation_city)
            ),
        }
        place = self.form.values.get("place")
        if place:
            columns["in_place"] = ExpressionWrapper(
                place_condition(place), output_field=BooleanField()
            )
        else:
            columns["in_place"] = Value(True, output_field=BooleanField())
        values = matching.annotate(**columns).values_list(
            "pk",
            "content_type_id",
            "path",
            "servicepage__kind",
            "servicepage__delivery",
            "servicepage__is_free",
            "servicepage__application_deadline",
            "servicepage__end_date",
            "servicepage__category__slug",
            "service_place",
            "organisationpage__city",
            "in_place",
        )
        service_type = ContentType.objects.get_for_model(ServicePage).pk
        rows = []
        for (
            pk,
            content_type,
            path,
            kind,
            delivery,
            is_free,
            deadline,
            end_date,
            category,
            service_place,
            city,
            in_place,
        ) in values:
            if content_type == service_type:
                row = Row(
                    pk,
                    kind,
                    path,
                    delivery=delivery,
                    is_free=is_free,
                    deadline=deadline,
                    end_date=end_date,
                    place=service_place or "",
                    in_place=bool(in_place),
                    categories={category} if category else set(),
                )
            else:
                row = Row(pk, ORGANISATION_KIND, path, place=city or "", in_place=bool(in_place))
            row.position = len(rows)
            rows.append(row)
        if self._index_order is not None:
            rows.sort(key=lambda row: self._index_order[row.pk])
        self._attach_vocabulary(rows)
        attach_country_codes(rows, self.form.all_countries)
        return rows

    def _attach_vocabulary(self, rows):
        from directory.models import OrganisationPage, ServicePage

        by_pk = {row.pk: row for row in rows}
        services = [row.pk for row in rows if row.kind != ORGANISATION_KIND]
        organisations = [row.pk for row in rows if row.kind == ORGANISATION_KIND]
        links = [
            (ServicePage.target_groups.through, services, "servicepage_id", "targetgroup"),
            (
                OrganisationPage.target_groups.through,
                organisations,
                "organisationpage_id",
                "targetgroup",
            ),
            (
                OrganisationPage.expertise_categories.through,
                organisations,
                "organisationpage_id",
                "expertisecategory",
            ),
        ]
        for through, ids, owner, term in links:
            attribute = "categories" if term == "expertisecategory" else "target_groups"
            if not ids:
                continue
            pairs = through.objects.filter(id_in(owner, ids)).values_list(owner, f"{term}__slug")
            for pk, slug in pairs:
                getattr(by_pk[pk], attribute).add(slug)

    # Filtering ---------------------------------------------------------------------------------

    def _tests(self):
        """{filter name: test of a row} for the filters in force."""
        values = self.form.values
        today = self.today
        tests = {}
        if "country" in values:
            tests["country"] = lambda row: row.country == values["country"]
        if "place" in values:
            tests["place"] = lambda row: row.in_place
        if "category" in values:
            tests["category"] = lambda row: values["category"] in row.categories
        if "target_group" in values:
            tests["target_group"] = lambda row: values["target_group"] in row.target_groups
        if "kind" in values:
            tests["kind"] = lambda row: row.kind == values["kind"]
        if "delivery" in values:
            tests["delivery"] = lambda row: row.delivery == values["delivery"]
        if "free" in values:
            tests["free"] = lambda row: row.kind != ORGANISATION_KIND and row.is_free
        if "open" in values:
            tests["open"] = lambda row: row.kind != ORGANISATION_KIND and row.is_open(today)
        return tests

    @cached_property
    def _passes(self):
        """For each row, the names of the filters in force that it fails."""
        tests = self._tests()
        return [
            (row, frozenset(name for name, test in tests.items() if not test(row)))
            for row in self.rows
        ]

    @property
    def sort(self):
        chosen = getattr(self.form, "cleaned_data", {}).get("sort")
        if chosen:
            return chosen
        return RELEVANCE if self.query_text else NEWEST

    def results(self):
        """The ids of the pages that pass every filter, in the order asked for."""
        return self._results

    def facets(self):
        """{filter name: {value: count}}: for each filter, with every other filter applied."""
        return self._facets

    def _sorted_results(self):
        rows = [row for row, failed in self._passes if not failed]
        if self.sort == CLOSING:
            today = self.today

            def closing(row):
                if row.deadline and row.deadline >= today:
                    return (0, row.deadline.toordinal(), row.position)
                if row.deadline is None:
                    return (1, 0, row.position)
                return (2, -row.deadline.toordinal(), row.position)

            rows.sort(key=closing)
        return [row.pk for row in rows]

    @staticmethod
    def cards(ids):
        """The specific pages of `ids`, ready for their cards, in the same order."""
        from directory.models import OrganisationPage, ServicePage
        from directory.models.services_index import service_cards

        ids = list(ids)
        services = service_cards(
            ServicePage.objects.filter(pk__in=ids).select_related("locale", "category")
        )
        organisations = OrganisationPage.prefetch_cards(
            OrganisationPage.objects.filter(pk__in=ids).select_related("locale", "logo")
        )
        by_id = {page.pk: page for page in [*services, *organisations]}
        for page in services:
            page.result_kind = "service"
        for page in organisations:
            page.result_kind = "organisation"
        return [by_id[pk] for pk in ids if pk in by_id]

    # Counts beside each filter value -----------------------------------------------------------

    def _count(self):
        fields = self.form.fields
        counts = {name: Counter() for name in self.form.filter_names if name in fields}
        today = self.today
        for row, failed in self._passes:
            if len(failed) > 1:
                continue
            for name, counter in counts.items():
                if failed and name not in failed:
                    continue
                if name == "country":
                    counter[row.country] += 1
                elif name == "place":
                    counter[row.place] += 1
                elif name == "category":
                    counter.update(row.categories)
                elif name == "target_group":
                    counter.update(row.target_groups)
                elif name == "kind":
                    counter[row.kind] += 1
                elif row.kind == ORGANISATION_KIND:
                    continue
                elif name == "delivery":
                    counter[row.delivery] += 1
                elif name == "free":
                    counter[True] += row.is_free
                elif name == "open":
                    counter[True] += row.is_open(today)
        if "place" in counts:
            counts["place"].pop("", None)
            counts["place"] = dict(counts["place"].most_common(PLACES_SHOWN))
        return counts


__all__ = ["DirectorySearch", "SORTS", "RELEVANCE", "NEWEST", "CLOSING"]

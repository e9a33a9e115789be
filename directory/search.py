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
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import listing
from core.listing import (
    WORDS_MATCHED,
    CheckFilter,
    FacetedListing,
    Filter,
    SetFilter,
    attach_vocabulary,
    ranked_matches,
)
from directory.filters import (
    ALL,
    ANY_SERVICE_KIND,
    ORGANISATION_KIND,
    ORGANISATIONS,
    place_condition,
)
from directory.listing import ancestor_path, attach_country_codes, one_per_translation

RELEVANCE = "relevance"
NEWEST = "newest"
CLOSING = "closing"
SORTS = [
    (RELEVANCE, _("Best match")),
    (NEWEST, _("Newest first")),
    (CLOSING, _("Closing soon")),
]
PLACES_SHOWN = 30

# The directory's models import this module (the services index and the country pages list with
# it), so the models are imported inside the functions that use them.


@dataclass(kw_only=True)
class Row(listing.Row):
    """What the filters and the sorting need to know of one candidate."""

    kind: str  # "service", "opportunity" or "organisation"
    delivery: str = ""
    is_free: bool = False
    deadline: date | None = None
    end_date: date | None = None
    place: str = ""
    in_place: bool = True

    def is_open(self, today):
        return (self.deadline is None or self.deadline >= today) and (
            self.end_date is None or self.end_date >= today
        )


class PlaceFilter(Filter):
    """The place is matched in the database (`place_condition`); rows count under their place."""

    def test(self, value):
        return lambda row: row.in_place


class KindFilter(Filter):
    """A row's kind; "services and opportunities" is every kind but an organisation."""

    def __init__(self):
        super().__init__("kind")

    def test(self, value):
        if value == ANY_SERVICE_KIND:
            return lambda row: row.kind != ORGANISATION_KIND
        return super().test(value)

    def count(self, counter, row):
        super().count(counter, row)
        if row.kind != ORGANISATION_KIND:
            counter[ANY_SERVICE_KIND] += 1


class ServicesOnly(Filter):
    """A filter that only a service has: organisations fail it and are not counted for it."""

    def __init__(self, inner):
        self.inner = inner

    def test(self, value):
        test = self.inner.test(value)
        return lambda row: row.kind != ORGANISATION_KIND and test(row)

    def count(self, counter, row):
        if row.kind != ORGANISATION_KIND:
            self.inner.count(counter, row)


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


class DirectorySearch(FacetedListing):
    """A search of the directory for one request: its rows, results and counts."""

    def __init__(self, form, locales, scope=ALL):
        super().__init__(form, getattr(form, "cleaned_data", {}).get("q", ""))
        self.scope = scope
        self.locales = locales
        self.today = timezone.localdate()
        self.filters = self._filters_of(self.today)
        key = self._cache_key()
        cached = cache.get(key) if key else None
        if cached:
            self._results, self._facets, self.any_word, self.corrected = cached
            return
        self.find()
        self._results = self._sorted_results()
        self._facets = self._count()
        if key:
            state = (self._results, self._facets, self.any_word, self.corrected)
            cache.set(key, state, cache_seconds())

    @staticmethod
    def _filters_of(today):
        return {
            "country": Filter("country"),
            "place": PlaceFilter("place"),
            "category": SetFilter("categories"),
            "target_group": SetFilter("target_groups"),
            "kind": KindFilter(),
            "delivery": ServicesOnly(Filter("delivery")),
            "free": ServicesOnly(CheckFilter(lambda row: row.is_free)),
            "open": ServicesOnly(CheckFilter(lambda row: row.is_open(today))),
        }

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

        models = [OrganisationPage]
        if self.scope != ORGANISATIONS:
            models.append(ServicePage)
        types = ContentType.objects.get_for_models(*models).values()
        return Page.objects.live().filter(content_type__in=[t.pk for t in types])

    def matching(self):
        """The candidates that match the words, in order of relevance (newest without words)."""
        return self._matching(self.words)[0]

    def _matching(self, words):
        """`matching`, and the search index's order of the matches if it gives one."""
        pages = self._pages()
        if not words:
            # Every candidate: the translation sets are worked out once, in bulk.
            locale, default = self.locales.active, self.locales.default
            return one_per_translation(pages, locale, default).order_by(
                "-first_published_at", "-pk"
            ), None
        matching, index_order = ranked_matches(pages, words)
        if index_order is None and self.sort != RELEVANCE:
            matching = matching.order_by("-first_published_at", "-pk")
        return matching.filter(self._representative()), index_order

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

    def fetch_rows(self, words):
        from directory.models import OrganisationPage, ServicePage

        matching, index_order = self._matching(words)
        # A row's place is its place's slug: a service's own place, else its organisation's.
        organisation_place = OrganisationPage.objects.filter(path=ancestor_path(1)).values(
            "place__slug"
        )[:1]
        columns = {
            "service_place": Coalesce("servicepage__place__slug", Subquery(organisation_place)),
        }
        place = self.form.values.get("place")
        if place:
            columns["in_place"] = ExpressionWrapper(
                place_condition(place), output_field=BooleanField()
            )
        else:
            columns["in_place"] = Value(True, output_field=BooleanField())
        if not words:
            columns[WORDS_MATCHED] = Value(0)
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
            "organisationpage__place__slug",
            "in_place",
            WORDS_MATCHED,
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
            matched,
        ) in values:
            if content_type == service_type:
                row = Row(
                    pk,
                    path,
                    kind=kind,
                    delivery=delivery,
                    is_free=is_free,
                    deadline=deadline,
                    end_date=end_date,
                    place=service_place or "",
                    in_place=bool(in_place),
                    categories={category} if category else set(),
                )
            else:
                row = Row(
                    pk, path, kind=ORGANISATION_KIND, place=city or "", in_place=bool(in_place)
                )
            row.position = len(rows)
            row.matched = matched
            rows.append(row)
        if index_order is not None:
            rows.sort(key=lambda row: index_order[row.pk])
        self._attach_vocabulary(rows)
        attach_country_codes(rows, self.form.all_countries)
        return rows

    def _attach_vocabulary(self, rows):
        from directory.models import OrganisationPage, ServicePage

        services = [row.pk for row in rows if row.kind != ORGANISATION_KIND]
        organisations = [row.pk for row in rows if row.kind == ORGANISATION_KIND]
        service_groups = ServicePage.target_groups.through
        organisation_groups = OrganisationPage.target_groups.through
        expertise = OrganisationPage.expertise_categories.through
        attach_vocabulary(
            rows,
            [
                (service_groups, "servicepage_id", "targetgroup", "target_groups", services),
                (
                    organisation_groups,
                    "organisationpage_id",
                    "targetgroup",
                    "target_groups",
                    organisations,
                ),
                (
                    expertise,
                    "organisationpage_id",
                    "expertisecategory",
                    "categories",
                    organisations,
                ),
            ],
        )

    # Filtering and counting --------------------------------------------------------------------

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
        rows = self.passing()
        if self.sort == CLOSING:
            today = self.today

            def closing(row):  # within the pages with as many of the words
                if row.deadline and row.deadline >= today:
                    return (-row.matched, 0, row.deadline.toordinal(), row.position)
                if row.deadline is None:
                    return (-row.matched, 1, 0, row.position)
                return (-row.matched, 2, -row.deadline.toordinal(), row.position)

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

    def _count(self):
        counts = self.count()
        if "place" in counts:
            counts["place"].pop("", None)
            counts["place"] = dict(counts["place"].most_common(PLACES_SHOWN))
        return counts


__all__ = ["DirectorySearch", "SORTS", "RELEVANCE", "NEWEST", "CLOSING"]

"""The list of news, on the directory's faceted engine (`core.facets`, `directory.listing_rows`).

Each piece of news has a row per visitor language (`News`, registered with
`directory.listing_rows`): its version in the visitor's language where it has been translated,
else English, else the language it was written in; its country (the country it is filed under,
itself or through its organisation; none for the portal's own news), its date and, as
`ListingTerm` rows, its categories and target groups. So the news index lists every live piece of
news once, wherever it sits in the page tree (under the news index, a country or an
organisation), those in the visitor's language first, then the newest; the home page and the
feeds read the same rows.
"""

from django import forms
from django.conf import settings
from django.db.models import Case, F, Q, Value, When, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.facets import Facet, TermFacet
from core.text import MAX_LENGTH, cut_to_length
from directory import listing_rows
from directory.addresses import attach_visitor_urls
from directory.countries import country_names
from directory.filters import FilterForm
from directory.listing import TermLabels, one_per_translation, request_locales
from directory.listing_rows import country_codes, term_links
from directory.models import (
    CountryPage,
    ExpertiseCategory,
    ListingRow,
    ListingTerm,
    OrganisationPage,
    TargetGroup,
)
from directory.presentation import listing_context
from directory.search import ListingSearch

from .models import NewsIndexPage, NewsPage

NEWS = "news"  # the listing rows' name for the news
FEED_LENGTH = 20  # pieces of news in a feed


# The rows ---------------------------------------------------------------------------------------


class News:
    """Every live piece of news, for the news index, the home page and the feeds (a source of
    `directory.listing_rows`)."""

    listing = NEWS
    models = (NewsPage,)

    def versions(self, keys):
        versions = (
            NewsPage.objects.live()
            .filter(translation_key__in=keys)
            .values_list("pk", "translation_key", "locale_id", "path", "date", "first_published_at")
        )
        country_of = country_codes()
        for pk, key, locale_id, path, date, published in versions:
            fields = {
                "country": country_of(path),  # its country's, or its organisation's
                "listed_since": date,
                "published_at": published,
            }
            yield pk, key, locale_id, fields

    def terms(self, page_ids):
        owner = "newspage_id"
        return term_links(
            [
                (NewsPage.categories.through, owner, "expertisecategory", "category"),
                (NewsPage.target_groups.through, owner, "targetgroup", "target_group"),
            ],
            page_ids,
        )

    def using_term(self, vocabulary, term):
        if vocabulary == "category":
            return [NewsPage.objects.filter(categories=term)]
        return [NewsPage.objects.filter(target_groups=term)]


#: Those written in the visitor's language first, then the newest.
ORDER = [
    "-in_language",
    F("listed_since").desc(nulls_last=True),
    F("published_at").desc(nulls_last=True),
    "-page_id",
]


def news_rows(language, worked_out=False):
    """The rows of every piece of news as `language`'s visitors read them; `worked_out`: the
    caller has just had the rows worked out (`listing_rows.current()`)."""
    if not worked_out:
        listing_rows.current()
    return ListingRow.objects.filter(language=language, listing=NEWS)


# The filters ------------------------------------------------------------------------------------


class NewsFilterForm(FilterForm):
    q = forms.CharField(
        label=_("Search the news"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)

    filter_names = ("country", "category", "target_group")

    def __init__(self, data, locales):
        super().__init__(cut_to_length(data))
        locale, default = locales.active, locales.default
        countries = one_per_translation(
            CountryPage.objects.live().exclude(code=""), locale, default
        ).order_by("title")
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.code.lower(), country.title) for country in countries
        ]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (term.slug, term.name)
            for term in one_per_translation(
                ExpertiseCategory.objects.all(), locale, default
            ).order_by("name")
        ]
        self.fields["target_group"].choices = [("", _("Everyone"))] + [
            (term.slug, term.name)
            for term in one_per_translation(TargetGroup.objects.all(), locale, default).order_by(
                "name"
            )
        ]
        self.is_valid()

    @property
    def words(self):
        return getattr(self, "cleaned_data", {}).get("q", "")


# The search -------------------------------------------------------------------------------------


class NewsSearch(ListingSearch):
    """The news for one request: the results in order, and the filters' counts."""

    def __init__(self, form, locales):
        super().__init__(form, locales, form.words)

    def order(self):
        return ORDER

    def rows(self):
        return ListingRow.objects.filter(language=self.locales.active.language_code, listing=NEWS)

    def facet_filters(self):
        return {
            "country": Facet("country"),
            "category": TermFacet(ListingTerm, "category", column="terms"),
            "target_group": TermFacet(ListingTerm, "target_group", column="terms"),
        }

    def searched_pages(self):
        return NewsPage.objects.live()

    @staticmethod
    def cards(ids):
        """The news of `ids`, ready for their cards, in the same order."""
        ids = list(ids)
        by_id = {page.pk: page for page in news_cards(NewsPage.objects.filter(pk__in=ids))}
        return [by_id[pk] for pk in ids if pk in by_id]


# Cards and pages --------------------------------------------------------------------------------

COUNTRY_DEPTH = 4  # root, home, directory, country


def attach_places(pages):
    """Each piece of news' `country_page` and `organisation` (None where it has none): one query
    each for a whole list. A piece of news sits under the news index (neither), a country, or an
    organisation of a country."""
    step = Page.steplen
    country_paths = {p.path[: COUNTRY_DEPTH * step] for p in pages if p.depth > COUNTRY_DEPTH}
    organisation_paths = {
        p.path[: (COUNTRY_DEPTH + 1) * step] for p in pages if p.depth > COUNTRY_DEPTH + 1
    }
    countries = {}
    if country_paths:
        countries = {c.path: c for c in CountryPage.objects.filter(path__in=country_paths)}
    organisations = {}
    if organisation_paths:
        organisations = {
            o.path: o
            for o in OrganisationPage.objects.filter(path__in=organisation_paths).select_related(
                "locale"
            )
        }
    for page in pages:
        page.country_page = countries.get(page.path[: COUNTRY_DEPTH * step])
        page.organisation = organisations.get(page.path[: (COUNTRY_DEPTH + 1) * step])
    return pages


def news_cards(news):
    """Everything a news card shows, for a whole list of news, in a fixed number of queries."""
    news = list(news.select_related("locale"))
    prefetch_related_objects(news, "categories")
    attach_places(news)
    labels = TermLabels(ExpertiseCategory)
    names = country_names()
    for item in news:
        item.category_labels = labels.names_here(item.categories.all())
        item.country_label = country_label(item, names)
    return attach_visitor_urls(news)


def country_label(page, names):
    """The name of the country `page` is filed under, in the visitor's language ("" if none)."""
    country = page.country_page
    if country is None or not country.code:
        return ""
    return names.get(country.code, country.title)


def related_for_visitor(page, request):
    """The live organisations, services and good practices `page` is about, each in the
    visitor's language where translated (else English, else as written), in its editor's order."""
    locales = request_locales(request)
    links = list(page.related_pages.select_related("page"))
    keys = [link.page.translation_key for link in links]
    if not keys:
        return []
    shown = one_per_translation(
        Page.objects.live().filter(translation_key__in=keys), locales.active, locales.default
    ).select_related("locale")
    by_key = {item.translation_key: item for item in shown}
    pages = [by_key[key] for key in dict.fromkeys(keys) if key in by_key]
    return attach_visitor_urls(pages, request)


def news_context(page, request):
    """What a piece of news' page shows besides its own fields."""
    attach_places([page])
    page.country_label = country_label(page, country_names())
    labels = TermLabels(ExpertiseCategory, TargetGroup)
    return {
        "category_labels": labels.names_here(page.categories.all()),
        "target_group_labels": labels.names_here(page.target_groups.all()),
        "related": related_for_visitor(page, request),
        "news_index": news_index_for(request_locales(request)),
    }


def news_index_for(locales):
    """The live news index in the visitor's language, else in the default language's: one query."""
    here = Case(When(locale=locales.active, then=Value(0)), default=Value(1))
    pages = NewsIndexPage.objects.live().filter(
        Q(locale=locales.active) | Q(locale__language_code=settings.LANGUAGE_CODE)
    )
    return pages.select_related("locale").order_by(here, "pk").first()


def index_context(request):
    locales = request_locales(request)
    form = NewsFilterForm(request.GET, locales)
    return listing_context(request, form, NewsSearch(form, locales), "news")


def latest_news(language, count, worked_out=False):
    """The `count` latest pieces of news as `language`'s visitors read them, those written in it
    first, ready for their cards (`worked_out`: as for `news_rows`)."""
    rows = news_rows(language, worked_out).order_by(*ORDER)
    ids = list(rows.values_list("page_id", flat=True)[:count])
    return NewsSearch.cards(ids) if ids else []


def feed_news(language, count=FEED_LENGTH):
    """The `count` newest pieces of news for `language`'s feed, each once, in that language where
    translated: the newest first, whatever their language."""
    order = [F("listed_since").desc(nulls_last=True), F("published_at").desc(nulls_last=True)]
    rows = news_rows(language).order_by(*order, "-page_id")
    ids = list(rows.values_list("page_id", flat=True)[:count])
    return NewsSearch.cards(ids)

"""The list of networks, on the directory's faceted engine (`core.facets`,
`directory.listing_rows`).

A network is an organisation of the directory whose kind is "network", so it is in the
directory's own rows (the search finds it as an organisation) and, for this list, in rows of its
own (`Networks`, registered with `directory.listing_rows`): one per visitor language, showing
its version in that language where it has been translated, else English, else the language it
was written in. A row holds the network's form (`kind`) and country (of the country page it is
under); its level, orientation, themes and size are terms on the row (`ListingTerm` rows, and
the row's `terms`):

- "level": local, regional, national or international;
- "orientation": territorial or thematic; a network that is both is counted under each, and
  under "both";
- "theme": the slugs of its themes (expertise categories);
- "size": its active members (`Membership.objects.active()`) in buckets, 2–5, 6–20, 21–100 and
  more than 100; a network with fewer than two has none.

A membership saved or deleted marks its network stale (`networks.apps`), so its size follows
the next time a listing is read. Organisations unchecked for too long leave this list as they
leave the directory (`directory.freshness`).

A request is then a few queries on those rows: every filter counted in one query (PostgreSQL),
one count and one page of ids, and the cards of that page.
"""

from django import forms
from django.db.models import Count, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.facets import Facet, TermFacet
from core.text import MAX_LENGTH
from directory import freshness
from directory.addresses import attach_visitor_urls
from directory.countries import country_names
from directory.filters import FilterForm
from directory.listing import TermLabels, attach_parents, one_per_translation, request_locales
from directory.listing_rows import country_codes, term_links
from directory.models import (
    CountryPage,
    ExpertiseCategory,
    ListingRow,
    ListingTerm,
    OrganisationPage,
)
from directory.models.choices import (
    NetworkForm,
    NetworkLevel,
    NetworkOrientation,
    OrganisationKind,
)
from directory.presentation import listing_context
from directory.search import ListingSearch

from .models import Membership

NETWORKS = "networks"  # the listing rows' name for the networks

#: The sizes a network may be filtered by: (slug, label, fewest active members, most or None).
SIZES = [
    ("2-5", _("2 to 5 members"), 2, 5),
    ("6-20", _("6 to 20 members"), 6, 20),
    ("21-100", _("21 to 100 members"), 21, 100),
    ("over-100", _("More than 100 members"), 101, None),
]

#: The orientations a network is counted under, by its own.
ORIENTATION_TERMS = {
    NetworkOrientation.TERRITORIAL: ["territorial"],
    NetworkOrientation.THEMATIC: ["thematic"],
    NetworkOrientation.BOTH: ["territorial", "thematic", "both"],
}


def size_of(members):
    """The slug of the size bucket of a network with `members` active members, or ""."""
    for slug, _label, fewest, most in SIZES:
        if members >= fewest and (most is None or members <= most):
            return slug
    return ""


def member_counts(keys):
    """{network translation key: its active members} for these keys: one query."""
    memberships = Membership.objects.active().filter(network_key__in=list(keys)).order_by()
    return dict(memberships.values_list("network_key").annotate(n=Count("pk")))


def networks():
    """Every organisation page whose kind is "network" (any language, live or not)."""
    return OrganisationPage.objects.filter(kind=OrganisationKind.NETWORK)


# The rows ---------------------------------------------------------------------------------------


class Networks:
    """The live networks of the directory, for the list of networks (a source of
    `directory.listing_rows`)."""

    listing = NETWORKS
    models = (OrganisationPage,)

    def versions(self, keys):
        versions = (
            networks()
            .live()
            .filter(translation_key__in=keys)
            .filter(Q(checked_on__isnull=True) | Q(checked_on__gte=freshness.hidden_before()))
            .values_list(
                "pk",
                "translation_key",
                "locale_id",
                "path",
                "network_form",
                "first_published_at",
                "checked_on",
            )
        )
        country_of = country_codes()
        note_before = freshness.note_before()
        for pk, key, locale_id, path, form, published, checked_on in versions:
            fields = {
                "kind": form,
                "country": country_of(path),
                "published_at": published,
                "checked_recently": not checked_on or checked_on >= note_before,
            }
            yield pk, key, locale_id, fields

    def terms(self, page_ids):
        """Each network's themes, level, orientation and size: three queries."""
        terms = term_links(
            [
                (
                    OrganisationPage.network_themes.through,
                    "organisationpage_id",
                    "expertisecategory",
                    "theme",
                )
            ],
            page_ids,
        )
        pages = list(
            OrganisationPage.objects.filter(pk__in=page_ids).values_list(
                "pk", "translation_key", "network_level", "network_orientation"
            )
        )
        sizes = member_counts({key for _pk, key, _level, _orientation in pages})
        for pk, key, level, orientation in pages:
            if level:
                terms.append(ListingTerm(page_id=pk, vocabulary="level", slug=level))
            for slug in ORIENTATION_TERMS.get(orientation, []):
                terms.append(ListingTerm(page_id=pk, vocabulary="orientation", slug=slug))
            if size := size_of(sizes.get(key, 0)):
                terms.append(ListingTerm(page_id=pk, vocabulary="size", slug=size))
        return terms

    def using_term(self, vocabulary, term):
        """The networks with `term` among their themes (an expertise category)."""
        if vocabulary == "category":
            return [networks().filter(network_themes=term)]
        return []


# The filters ------------------------------------------------------------------------------------


class NetworkFilterForm(FilterForm):
    q = forms.CharField(label=_("Search the networks"), required=False, max_length=MAX_LENGTH)
    form = forms.ChoiceField(label=_("Form of the network"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    orientation = forms.ChoiceField(label=_("Orientation"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    size = forms.ChoiceField(label=_("Size"), required=False)

    filter_names = ("form", "level", "orientation", "country", "theme", "size")

    def __init__(self, data, locales):
        super().__init__(data)
        locale, default = locales.active, locales.default
        self.fields["form"].choices = [
            ("", pgettext_lazy("network form filter", "Any form")),
            *NetworkForm.choices,
        ]
        self.fields["level"].choices = [
            ("", pgettext_lazy("network level filter", "Any level")),
            *NetworkLevel.choices,
        ]
        self.fields["orientation"].choices = [
            ("", pgettext_lazy("network orientation filter", "Any orientation")),
            *NetworkOrientation.choices,
        ]
        countries = one_per_translation(
            CountryPage.objects.live().exclude(code=""), locale, default
        ).order_by("title")
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.code.lower(), country.title) for country in countries
        ]
        self.fields["theme"].choices = [("", _("Any theme"))] + [
            (term.slug, term.name)
            for term in one_per_translation(
                ExpertiseCategory.objects.all(), locale, default
            ).order_by("name")
        ]
        self.fields["size"].choices = [
            ("", pgettext_lazy("network size filter", "Any size")),
            *((slug, label) for slug, label, _fewest, _most in SIZES),
        ]
        self.is_valid()

    @property
    def words(self):
        return getattr(self, "cleaned_data", {}).get("q", "")


# The search -------------------------------------------------------------------------------------


class NetworkSearch(ListingSearch):
    """The networks for one request: the results in order, and the filters' counts."""

    groups_facets = True  # every facet is a column or a term of the row: counted in one query

    def __init__(self, form, locales):
        super().__init__(form, locales, form.words)

    def order(self):
        """Those written in the visitor's language first, recently checked first, by name."""
        return ["-in_language", "-checked_recently", "page__title", "page_id"]

    def rows(self):
        return ListingRow.objects.filter(
            language=self.locales.active.language_code, listing=NETWORKS
        )

    def facet_filters(self):
        return {
            "form": Facet("kind"),
            "level": TermFacet(ListingTerm, "level", column="terms"),
            "orientation": TermFacet(ListingTerm, "orientation", column="terms"),
            "country": Facet("country"),
            "theme": TermFacet(ListingTerm, "theme", column="terms"),
            "size": TermFacet(ListingTerm, "size", column="terms"),
        }

    def searched_pages(self):
        return networks().live()

    @staticmethod
    def cards(ids):
        """The networks of `ids`, ready for their cards, in the same order."""
        ids = list(ids)
        pages = OrganisationPage.objects.filter(pk__in=ids).select_related("locale")
        by_id = {page.pk: page for page in network_cards(pages)}
        return [by_id[pk] for pk in ids if pk in by_id]


def network_cards(pages):
    """Everything a network's card shows, for a whole page of networks, in a fixed number of
    queries: its form, level, country, active members and themes."""
    pages = list(pages)
    prefetch_related_objects(pages, "network_themes")
    attach_parents(pages, CountryPage, "country_page")
    labels = TermLabels(ExpertiseCategory)
    names = country_names()
    members = member_counts(page.translation_key for page in pages)
    for page in pages:
        page.theme_labels = labels.names_here(page.network_themes.all())
        code = page.country_page.code if page.country_page else ""
        page.country_label = names.get(code, "") if code else ""
        page.member_count = members.get(page.translation_key, 0)
    return attach_visitor_urls(pages)


def index_context(request):
    locales = request_locales(request)
    form = NetworkFilterForm(request.GET, locales)
    return listing_context(request, form, NetworkSearch(form, locales), "networks")

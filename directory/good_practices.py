"""The good practices library: the portfolio projects staff have marked, to learn from.

The same engine as the directory's search (`core.facets`, `directory.search`): each good
practice has a row per visitor language (`directory.listing_rows`, in the visitor's language,
else English, else the language it was written in); the words go through Wagtail's search
backend once, each filter's counts are one `GROUP BY` query on the rows, and only the page of
results shown is loaded as pages, for its cards. Without words, the latest marked come first.
"""

from django import forms
from django.db.models import F, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from core.facets import Facet, TermFacet
from core.text import MAX_LENGTH, cut_to_length
from directory.addresses import attach_visitor_urls
from directory.filters import FilterForm
from directory.listing import (
    TermLabels,
    attach_parents,
    one_per_translation,
)
from directory.search import ListingSearch


class GoodPracticeFilterForm(FilterForm):
    q = forms.CharField(
        label=_("Search the good practices"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)
    scope = forms.ChoiceField(label=_("Scope"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)

    filter_names = ("country", "target_group", "scope", "category")

    def __init__(self, data, locales):
        from directory.models import CountryPage, ExpertiseCategory, ProjectScope, TargetGroup

        super().__init__(cut_to_length(data))
        locale, default = locales.active, locales.default
        countries = one_per_translation(
            CountryPage.objects.live().exclude(code=""), locale, default
        ).order_by("title")
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.code.lower(), country.title) for country in countries
        ]
        self.fields["target_group"].choices = [("", _("Everyone"))] + [
            (term.slug, term.name)
            for term in one_per_translation(TargetGroup.objects.all(), locale, default)
        ]
        self.fields["scope"].choices = [("", _("Any scope")), *ProjectScope.choices]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (term.slug, term.name)
            for term in one_per_translation(ExpertiseCategory.objects.all(), locale, default)
        ]
        self.is_valid()

    @property
    def words(self):
        return getattr(self, "cleaned_data", {}).get("q", "")


class GoodPracticeSearch(ListingSearch):
    """The good practices for one request: the results in order, and the filters' counts."""

    def __init__(self, form, locales):
        super().__init__(form, locales, form.words)

    def order(self):
        return [F("listed_since").desc(nulls_last=True), "-in_language", "-page_id"]

    def rows(self):
        from directory.listing_rows import GOOD_PRACTICES
        from directory.models import ListingRow

        return ListingRow.objects.filter(
            language=self.locales.active.language_code, listing=GOOD_PRACTICES
        )

    def facet_filters(self):
        from directory.models import ListingTerm

        return {
            "country": Facet("country"),
            "target_group": TermFacet(ListingTerm, "target_group", column="terms"),
            "scope": Facet("kind"),
            "category": TermFacet(ListingTerm, "category", column="terms"),
        }

    def searched_pages(self):
        from directory.models import PortfolioProjectPage

        return PortfolioProjectPage.objects.live()

    @staticmethod
    def cards(ids):
        """The good practices of `ids`, ready for their cards, in the same order."""
        from directory.models import PortfolioProjectPage

        ids = list(ids)
        pages = practice_cards(PortfolioProjectPage.objects.filter(pk__in=ids))
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in ids if pk in by_id]


def practice_cards(projects):
    """Everything a practice card shows, for a whole list, in a fixed number of queries."""
    from directory.models import CountryPage, ExpertiseCategory, OrganisationPage

    projects = list(projects.select_related("locale"))
    prefetch_related_objects(projects, "categories")
    attach_parents(projects, OrganisationPage, "organisation")
    attach_parents(projects, CountryPage, "country_page", levels_up=2)
    labels = TermLabels(ExpertiseCategory)
    for project in projects:
        project.category_labels = labels.names_here(project.categories.all())
    return attach_visitor_urls(projects)

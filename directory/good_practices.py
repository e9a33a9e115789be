"""The good practices library: the portfolio projects staff have marked, to learn from.

Like the directory's search (`directory.search`), in a fixed number of queries whatever the
number of good practices:

- the candidates are the live projects marked as good practices, one per translation set
  (`one_per_translation`): the visitor's language, else English, else the language the project
  was written in;
- words go through Wagtail's search backend: on the database backends its queryset is narrowed
  to the candidates in SQL; with Elasticsearch/OpenSearch the matching ids come from the index;
- one query fetches what the filters look at (country, scope) for every candidate that matches,
  two more its categories and target groups; the filters and the count beside each of their
  values are worked out on those rows;
- only the page of results shown is loaded as pages, for its cards.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Value, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from core import listing
from core.listing import (
    WORDS_MATCHED,
    FacetedListing,
    Filter,
    SetFilter,
    attach_vocabulary,
    ranked_matches,
)
from core.text import MAX_LENGTH, cut_to_length
from directory.addresses import attach_visitor_urls
from directory.filters import FilterForm
from directory.listing import (
    TermLabels,
    attach_country_codes,
    attach_parents,
    one_per_translation,
)


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


@dataclass(kw_only=True)
class Row(listing.Row):
    """What the filters need to know of one good practice."""

    scope: str


class GoodPracticeSearch(FacetedListing):
    """The good practices for one request: the results in order, and the filters' counts."""

    filters = {
        "country": Filter("country"),
        "target_group": SetFilter("target_groups"),
        "scope": Filter("scope"),
        "category": SetFilter("categories"),
    }

    def __init__(self, form, locales):
        super().__init__(form, form.words)
        self.locales = locales
        self.find()

    # Fetching ----------------------------------------------------------------------------------

    def candidates(self):
        """The live good practices, once per translation set, in the visitor's language."""
        from directory.models import PortfolioProjectPage

        return one_per_translation(
            PortfolioProjectPage.objects.live().filter(is_good_practice=True),
            self.locales.active,
            self.locales.default,
        )

    def _matching(self, words):
        """The candidates that match the words, in order, and the index's order if it has one."""
        from directory.models import PortfolioProjectPage

        candidates = self.candidates()
        if not words:
            ordered = candidates.order_by("-good_practice_since", "title", "pk")
            return ordered.annotate(**{WORDS_MATCHED: Value(0)}), None
        pages = PortfolioProjectPage.objects.live()
        matching, index_order = ranked_matches(pages, words)
        return matching.filter(pk__in=candidates.values("pk")), index_order

    def fetch_rows(self, words):
        from directory.models import PortfolioProjectPage

        matching, index_order = self._matching(words)
        rows = [
            Row(pk, path, scope=scope, matched=matched)
            for pk, path, scope, matched in matching.values_list(
                "pk", "path", "scope", WORDS_MATCHED
            )
        ]
        if index_order is not None:
            rows.sort(key=lambda row: index_order[row.pk])
        ids = [row.pk for row in rows]
        owner = "portfolioprojectpage_id"
        categories = PortfolioProjectPage.categories.through
        target_groups = PortfolioProjectPage.target_groups.through
        attach_vocabulary(
            rows,
            [
                (categories, owner, "expertisecategory", "categories", ids),
                (target_groups, owner, "targetgroup", "target_groups", ids),
            ],
        )
        attach_country_codes(rows, self.form.all_countries)
        return rows

    # Filtering ---------------------------------------------------------------------------------

    def results(self):
        """The ids of the good practices that pass every filter, in order."""
        return [row.pk for row in self.passing()]

    def facets(self):
        """{filter name: {value: count}}: for each filter, with every other filter applied."""
        return self.count()

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

"""The good practices library: the portfolio projects staff have marked, to learn from.

Like the directory's search (`search.engine`), in a fixed number of queries whatever the
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

from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from directory.listing import (
    TermLabels,
    attach_country_codes,
    attach_parents,
    one_per_translation,
)
from search import query as text
from search.query import MAX_LENGTH

# With Elasticsearch/OpenSearch the matching ids come from the index: at most this many.
MAX_INDEX_MATCHES = 10_000


class GoodPracticeFilterForm(forms.Form):
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

        # Words longer than the limit are cut, not refused: the visitor still gets results.
        if data is not None and len(data.get("q", "")) > MAX_LENGTH:
            data = data.copy()
            data["q"] = data["q"][:MAX_LENGTH]
        super().__init__(data)
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

    @property
    def values(self):
        """The valid, non-empty filters; a value that is not a choice is reported and left out."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.filter_names if cleaned.get(name)}

    @property
    def active(self):
        return bool(self.values)

    @cached_property
    def all_countries(self):
        """Every country page of every language (a project's country is found by its path)."""
        from directory.models import CountryPage

        return list(CountryPage.objects.exclude(code="").only("path", "code"))


@dataclass
class Row:
    """What the filters need to know of one good practice."""

    pk: int
    path: str
    scope: str
    country: str = ""
    categories: set = field(default_factory=set)
    target_groups: set = field(default_factory=set)


class GoodPracticeSearch:
    """The good practices for one request: the results in order, and the filters' counts."""

    def __init__(self, form, locales):
        self.form = form
        self.locales = locales
        self.words = text.meaningful(text.words(form.words))
        self.query_text = " ".join(self.words)
        self.any_word = False  # True when no practice has every word and any word is enough
        self.rows = self._fetch_rows("and")
        if not self.rows and len(self.words) > 1:
            self.any_word = True
            self.rows = self._fetch_rows("or")
        tests = self._tests()
        self._passes = [
            (row, frozenset(name for name, test in tests.items() if not test(row)))
            for row in self.rows
        ]

    # Fetching ----------------------------------------------------------------------------------

    def candidates(self):
        """The live good practices, once per translation set, in the visitor's language."""
        from directory.models import PortfolioProjectPage

        return one_per_translation(
            PortfolioProjectPage.objects.live().filter(is_good_practice=True),
            self.locales.active,
            self.locales.default,
        )

    def _matching(self, operator):
        """The candidates that match the words, in order, and the index's order if it has one."""
        from directory.models import PortfolioProjectPage

        candidates = self.candidates()
        if not self.query_text:
            return candidates.order_by("-good_practice_since", "title", "pk"), None
        results = PortfolioProjectPage.objects.live().search(self.query_text, operator=operator)
        if hasattr(results, "get_queryset"):  # the database backends: one SQL query
            return results.get_queryset().filter(pk__in=candidates.values("pk")), None
        # Elasticsearch/OpenSearch: the ids, in order of relevance, from the index.
        ids = [page.pk for page in results[:MAX_INDEX_MATCHES]]
        return candidates.filter(pk__in=ids), {pk: n for n, pk in enumerate(ids)}

    def _fetch_rows(self, operator):
        matching, index_order = self._matching(operator)
        rows = [
            Row(pk, path, scope) for pk, path, scope in matching.values_list("pk", "path", "scope")
        ]
        if index_order is not None:
            rows.sort(key=lambda row: index_order[row.pk])
        self._attach_vocabulary(rows)
        attach_country_codes(rows, self.form.all_countries)
        return rows

    def _attach_vocabulary(self, rows):
        from directory.models import PortfolioProjectPage
        from search.engine import id_in

        if not rows:
            return
        by_pk = {row.pk: row for row in rows}
        links = [
            (PortfolioProjectPage.categories.through, "expertisecategory", "categories"),
            (PortfolioProjectPage.target_groups.through, "targetgroup", "target_groups"),
        ]
        for through, term, attribute in links:
            pairs = through.objects.filter(id_in("portfolioprojectpage_id", by_pk)).values_list(
                "portfolioprojectpage_id", f"{term}__slug"
            )
            for pk, slug in pairs:
                getattr(by_pk[pk], attribute).add(slug)

    # Filtering ---------------------------------------------------------------------------------

    def _tests(self):
        """{filter name: test of a row} for the filters in force."""
        values = self.form.values
        tests = {}
        if "country" in values:
            tests["country"] = lambda row: row.country == values["country"]
        if "target_group" in values:
            tests["target_group"] = lambda row: values["target_group"] in row.target_groups
        if "scope" in values:
            tests["scope"] = lambda row: row.scope == values["scope"]
        if "category" in values:
            tests["category"] = lambda row: values["category"] in row.categories
        return tests

    def results(self):
        """The ids of the good practices that pass every filter, in order."""
        return [row.pk for row, failed in self._passes if not failed]

    def facets(self):
        """{filter name: {value: count}}: for each filter, with every other filter applied."""
        counts = {name: Counter() for name in self.form.filter_names}
        for row, failed in self._passes:
            if len(failed) > 1:
                continue
            for name, counter in counts.items():
                if failed and name not in failed:
                    continue
                if name == "country":
                    counter[row.country] += 1
                elif name == "scope":
                    counter[row.scope] += 1
                elif name == "category":
                    counter.update(row.categories)
                elif name == "target_group":
                    counter.update(row.target_groups)
        return counts

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
        project.category_labels = labels.names_for(project.categories.all(), project.locale_id)
    return projects

"""The list of open calls, on the directory's faceted engine (`core.facets`,
`directory.listing_rows`).

Each call has a row per visitor language (`Calls`, registered with `directory.listing_rows`):
its version in the visitor's language where it has been translated, else English, else the
language it was written in; its kind, deadline, organisation's country and first publication,
and, as `ListingTerm` rows, the expertise it seeks, its target groups and the countries its
partners may come from ("*" for any country). A call its organisation has closed has no row; a
call past its deadline keeps its row and is left out on the day, as the directory leaves out
closed opportunities (`directory.search.is_open`).

A request is then a few queries on those rows: each filter's counts one `GROUP BY` (or one
aggregate) with every other filter in force, one page of ids, and the cards of that page. The
words of a search may match any language version of a call: calls are often written in one
language and read by partners in another, and the card is then shown in the visitor's best
language.
"""

import datetime
from collections import Counter

from django import forms
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page

from core.facets import Facet, TermFacet
from core.listing import id_in, ranked_matches
from core.text import MAX_LENGTH
from directory.addresses import attach_visitor_urls
from directory.countries import country_names
from directory.filters import FilterForm
from directory.listing import (
    TermLabels,
    attach_parents,
    one_per_translation,
    request_locales,
)
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
from directory.search import ListingSearch, is_open

from .models import CallKind, CollaborationCallPage

CALLS = "calls"  # the listing rows' name for the calls for collaboration
ANY_COUNTRY = "*"  # the country term of a call open to partners from any country
NO_DEADLINE = "none"
DEADLINE_CHOICES = [
    ("", pgettext_lazy("deadline filter", "Any deadline")),
    ("14", _("Closing within two weeks")),
    ("31", _("Closing within a month")),
    ("92", _("Closing within three months")),
    (NO_DEADLINE, _("No deadline")),
]


# The rows ---------------------------------------------------------------------------------------


class Calls:
    """The calls for collaboration their organisations have not closed, for the list of calls
    (a source of `directory.listing_rows`)."""

    listing = CALLS
    models = (CollaborationCallPage,)

    def versions(self, keys):
        versions = (
            CollaborationCallPage.objects.live()
            .filter(translation_key__in=keys, is_open=True)
            .values_list(
                "pk",
                "translation_key",
                "locale_id",
                "path",
                "kind",
                "deadline",
                "first_published_at",
            )
        )
        country_of = country_codes()
        for pk, key, locale_id, path, kind, deadline, published in versions:
            fields = {
                "kind": kind,
                "country": country_of(path),  # its organisation's
                "deadline": deadline,
                "published_at": published,
            }
            yield pk, key, locale_id, fields

    def terms(self, page_ids):
        owner = "collaborationcallpage_id"
        terms = term_links(
            [
                (
                    CollaborationCallPage.expertise_sought.through,
                    owner,
                    "expertisecategory",
                    "category",
                ),
                (CollaborationCallPage.target_groups.through, owner, "targetgroup", "target_group"),
            ],
            page_ids,
        )
        countries = CollaborationCallPage.countries.through.objects.filter(id_in(owner, page_ids))
        anywhere = set(page_ids)
        for page, code in countries.values_list(owner, "countrypage__code"):
            anywhere.discard(page)
            terms.append(ListingTerm(page_id=page, vocabulary="country", slug=code.lower()))
        terms += [
            ListingTerm(page_id=page, vocabulary="country", slug=ANY_COUNTRY) for page in anywhere
        ]
        return terms

    def using_term(self, vocabulary, term):
        """The calls linked to `term` (of "category" or "target_group")."""
        if vocabulary == "category":
            return [CollaborationCallPage.objects.filter(expertise_sought=term)]
        return [CollaborationCallPage.objects.filter(target_groups=term)]

    def in_country(self, country):
        """The calls seeking partners from `country` (whose code changed)."""
        return [CollaborationCallPage.objects.filter(countries=country)]


# The filters ------------------------------------------------------------------------------------


class PartnerCountryFacet(TermFacet):
    """The countries partners may come from: a call open to any country is shown, and counted,
    under every country (`codes`, the form's)."""

    def __init__(self, codes):
        super().__init__(ListingTerm, "country")
        self.codes = codes

    def condition(self, value):
        linked = self.terms.objects.filter(
            page_id=OuterRef("page_id"), vocabulary=self.vocabulary, slug__in=[value, ANY_COUNTRY]
        )
        return Q(Exists(linked))

    def counts(self, rows):
        return self.tally(super().counts(rows))

    def tally(self, counts):
        """{country: calls}, from the terms' counts (the calls open to any country under "*");
        the same again if given its own result."""
        anywhere = counts.pop(ANY_COUNTRY, 0)
        return Counter({code: counts.get(code, 0) + anywhere for code in self.codes})


class DeadlineFacet(Facet):
    """Closing within a number of days, or without a deadline: the choices overlap, so each is
    counted on its own, all in one query."""

    def __init__(self, today):
        self.choices = {
            value: Q(deadline__lte=today + datetime.timedelta(days=int(value)))
            for value, _label in DEADLINE_CHOICES
            if value not in ("", NO_DEADLINE)
        }
        self.choices[NO_DEADLINE] = Q(deadline__isnull=True)

    def condition(self, value):
        return self.choices[value]

    def counts(self, rows):
        names = {f"n{i}": value for i, value in enumerate(self.choices)}
        counted = rows.order_by().aggregate(
            **{name: Count("pk", filter=self.choices[value]) for name, value in names.items()}
        )
        return Counter({value: counted[name] for name, value in names.items()})


class CallFilterForm(FilterForm):
    q = forms.CharField(label=_("Search the calls"), required=False, max_length=MAX_LENGTH)
    kind = forms.ChoiceField(label=_("Kind of collaboration"), required=False)
    expertise = forms.ChoiceField(label=_("Expertise sought"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    deadline = forms.ChoiceField(label=_("Deadline"), required=False, choices=DEADLINE_CHOICES)

    filter_names = ("kind", "expertise", "country", "deadline")

    def __init__(self, data, locales):
        super().__init__(data)
        locale, default = locales.active, locales.default
        self.fields["kind"].choices = [
            ("", pgettext_lazy("kind filter", "Any kind")),
            *CallKind.choices,
        ]
        self.fields["expertise"].choices = [("", _("Any expertise"))] + [
            (term.slug, term.name)
            for term in one_per_translation(
                ExpertiseCategory.objects.all(), locale, default
            ).order_by("name")
        ]
        self.countries = list(
            one_per_translation(
                CountryPage.objects.live().exclude(code=""), locale, default
            ).order_by("title")
        )
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.code.lower(), country.title) for country in self.countries
        ]
        self.is_valid()

    @property
    def words(self):
        return getattr(self, "cleaned_data", {}).get("q", "")


# The search -------------------------------------------------------------------------------------


class CallSearch(ListingSearch):
    """The open calls for one request: the results in order, and the filters' counts."""

    words_on_rows = False  # every language version of a call is searched (`matching`)

    def __init__(self, form, locales):
        super().__init__(form, locales, form.words)

    def order(self):
        """Those written in the visitor's language first, then the soonest deadline."""
        return [
            "-in_language",
            F("deadline").asc(nulls_last=True),
            F("published_at").desc(nulls_last=True),
            "-page_id",
        ]

    def rows(self):
        """The calls open today, one row each, in the visitor's language where translated."""
        rows = ListingRow.objects.filter(language=self.locales.active.language_code, listing=CALLS)
        return rows.filter(is_open(self.today))

    def facet_filters(self):
        return {
            "kind": Facet("kind"),
            "expertise": TermFacet(ListingTerm, "category", column="terms"),
            "country": PartnerCountryFacet(
                [country.code.lower() for country in self.form.countries]
            ),
            "deadline": DeadlineFacet(self.today),
        }

    def searched_pages(self):
        return CollaborationCallPage.objects.live()

    def matching(self, words):
        """Every language version of the calls may have the words (not only the one listed)."""
        return ranked_matches(self.searched_pages(), words)

    def matches(self, words):
        """The listed versions of the calls whose versions match, each once, where its best
        matching version is placed: one query more than the rows' own."""
        pairs = super().matches(words)
        listed = Subquery(
            self.rows().filter(translation_key=OuterRef("translation_key")).values("page_id")[:1]
        )
        pages = Page.objects.filter(id_in("id", [pk for pk, _matched in pairs]))
        shown = dict(pages.annotate(listed=listed).values_list("pk", "listed"))
        best = {}
        for pk, matched in pairs:
            if shown.get(pk) is not None:
                best.setdefault(shown[pk], matched)
        return list(best.items())

    @staticmethod
    def cards(ids):
        """The calls of `ids`, ready for their cards, in the same order."""
        ids = list(ids)
        by_id = {
            call.pk: call for call in call_cards(CollaborationCallPage.objects.filter(pk__in=ids))
        }
        return [by_id[pk] for pk in ids if pk in by_id]


def call_cards(calls):
    """Everything a call's card shows, for a whole page of calls, in a fixed number of queries."""
    calls = list(calls)
    prefetch_related_objects(calls, "expertise_sought", "target_groups", "countries", "locale")
    attach_parents(calls, OrganisationPage, "organisation")
    attach_parents(calls, CountryPage, "country_page", levels_up=2)
    labels = TermLabels(ExpertiseCategory, TargetGroup)
    names = country_names()
    for call in calls:
        call.expertise_labels = labels.names_here(call.expertise_sought.all())
        call.target_group_labels = labels.names_here(call.target_groups.all())
        call.country_labels = sorted(
            names.get(country.code, country.title) for country in call.countries.all()
        )
    return attach_visitor_urls(calls)


def index_context(request):
    locales = request_locales(request)
    form = CallFilterForm(request.GET, locales)
    return listing_context(request, form, CallSearch(form, locales), "calls")

"""The list of open calls: filters, search and cards, in a fixed number of queries.

Each call is listed once, in the visitor's language where it has been translated (else English,
else the language it was written in; see `directory.listing.one_per_translation`). The words of
a search may match any language version of a call: calls are often written in one language and
read by partners in another, and the card is then shown in the visitor's best language.
"""

import datetime

from django import forms
from django.db.models import F, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.listing import result_page, text_matches
from core.text import MAX_LENGTH, search_words
from directory.addresses import attach_visitor_urls
from directory.countries import country_names
from directory.listing import (
    TermLabels,
    attach_parents,
    one_per_translation,
    request_locales,
)
from directory.models import (
    CountryPage,
    ExpertiseCategory,
    OrganisationPage,
    TargetGroup,
)
from directory.presentation import active_filters

from .models import CallKind, CollaborationCallPage

NO_DEADLINE = "none"
DEADLINE_CHOICES = [
    ("", pgettext_lazy("deadline filter", "Any deadline")),
    ("14", _("Closing within two weeks")),
    ("31", _("Closing within a month")),
    ("92", _("Closing within three months")),
    (NO_DEADLINE, _("No deadline")),
]


class CallFilterForm(forms.Form):
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
    def values(self):
        """The valid, non-empty filters; a value that is not a choice is left out."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.filter_names if cleaned.get(name)}

    @property
    def ignored(self):
        """The filters given a value that is not one of their choices (an old or edited link)."""
        return [self.fields[name].label for name in self.errors if name in self.fields]

    @property
    def words(self):
        return search_words(getattr(self, "cleaned_data", {}).get("q", ""))


def matching_keys(words):
    """Translation keys of the calls any language version of which has every word."""
    matching, _index_order = text_matches(CollaborationCallPage.objects.live(), " ".join(words))
    return matching.order_by().values("translation_key")


def filtered_calls(form, locales, today=None):
    """The open calls the form's filters and words select, soonest deadline first."""
    today = today or timezone.localdate()
    calls = one_per_translation(CollaborationCallPage.open_calls(), locales.active, locales.default)
    values = form.values
    if kind := values.get("kind"):
        calls = calls.filter(kind=kind)
    if slug := values.get("expertise"):
        keys = ExpertiseCategory.objects.filter(slug=slug).values("translation_key")
        calls = calls.filter(
            translation_key__in=CollaborationCallPage.objects.filter(
                expertise_sought__translation_key__in=keys
            ).values("translation_key")
        )
    if code := values.get("country"):
        # A call for partners from any country (no country ticked) is shown for every country.
        with_country = CollaborationCallPage.objects.filter(countries__code__iexact=code)
        without_any = CollaborationCallPage.objects.filter(countries__isnull=True)
        calls = calls.filter(
            Q(pk__in=with_country.values("pk")) | Q(pk__in=without_any.values("pk"))
        )
    if deadline := values.get("deadline"):
        if deadline == NO_DEADLINE:
            calls = calls.filter(deadline__isnull=True)
        else:
            calls = calls.filter(deadline__lte=today + datetime.timedelta(days=int(deadline)))
    if form.words:
        calls = calls.filter(translation_key__in=matching_keys(form.words))
    return calls.order_by(F("deadline").asc(nulls_last=True), "-first_published_at", "-pk")


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
    page, query = result_page(request, filtered_calls(form, locales), call_cards)
    return {
        "form": form,
        "calls": page,
        "filter_query": query.urlencode(),
        "active_filters": active_filters(form, query),
        "filtering": bool(form.values or form.words),
    }

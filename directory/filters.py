"""The directory's filters: one form, used by search (which the services index leads to) and the
countries.

A filter narrows services and organisations alike where it applies to both (country, place,
category, target group). Filters that only make sense for a service (its kind, delivery mode,
cost, whether it is open) leave organisations out of the results. `directory.search` applies
them, and counts the results each value would give.
"""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.listing import one_per_translation

ALL = "all"
ORGANISATIONS = "organisations"

ORGANISATION_KIND = "organisation"
# Services and opportunities together, organisations left out: what the services index listed.
ANY_SERVICE_KIND = "all-services"
# How long the filters' vocabularies are kept at most, even unchanged (`filter_vocabularies`).
VOCABULARIES_SECONDS = 60 * 60


class FilterForm(forms.Form):
    """A listing's filters: the values in force.

    Subclasses name their filter fields in `filter_names`.
    """

    filter_names = ()

    @property
    def values(self):
        """The valid, non-empty filters; a value that is not a choice is reported and left out."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.filter_names if cleaned.get(name)}

    @property
    def active(self):
        return bool(self.values)


class DirectoryFilterForm(FilterForm):
    country = forms.ChoiceField(label=_("Country"), required=False)
    place = forms.ChoiceField(label=_("City or region"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    delivery = forms.ChoiceField(label=_("Delivery"), required=False)
    free = forms.BooleanField(label=_("Free of charge only"), required=False)
    open = forms.BooleanField(label=_("Open now"), required=False)

    filter_names = (
        "country",
        "place",
        "category",
        "target_group",
        "kind",
        "delivery",
        "free",
        "open",
    )

    def __init__(self, data, locales, scope=ALL):
        from directory.models import Delivery, ServiceKind

        super().__init__(data)
        self.scope = scope
        vocabularies = filter_vocabularies(locales)
        self.fields["country"].choices = [("", _("All countries")), *vocabularies["country"]]
        self.fields["category"].choices = [("", _("All categories")), *vocabularies["category"]]
        self.fields["place"].choices = [("", _("Everywhere")), *vocabularies["place"]]
        # Each town's region, by their codes: a region counts its towns' results.
        self.regions = vocabularies["regions"]
        self.fields["target_group"].choices = [("", _("Everyone")), *vocabularies["target_group"]]
        self.fields["kind"].choices = [
            ("", _("Everything")),
            (ANY_SERVICE_KIND, _("Services and opportunities")),
            *ServiceKind.choices,
            (ORGANISATION_KIND, pgettext_lazy("kind of listing", "Organisation")),
        ]
        self.fields["delivery"].choices = [("", _("Any way"))] + list(Delivery.choices)
        if scope == ORGANISATIONS:
            for name in ("kind", "delivery", "free", "open"):
                del self.fields[name]
        self.is_valid()


def filter_vocabularies(locales):
    """The countries, categories, places and target groups the filters offer, named in the
    visitor's language (else the default's), and each town's region: read from the database
    once per language until the directory's pages or vocabularies change (`content_version`):
    four queries, 11 ms, on every search otherwise."""
    from directory.models import CountryPage, ExpertiseCategory, Place, TargetGroup
    from directory.search import content_version  # it builds on this module's forms

    locale, default = locales.active, locales.default
    key = f"directory:filters:{locale.pk}:{default.pk}:{content_version()}"
    vocabularies = cache.get(key)
    if vocabularies is not None:
        return vocabularies
    countries = one_per_translation(
        CountryPage.objects.live().exclude(code=""), locale, default
    ).order_by("title")
    places = list(one_per_translation(Place.objects.select_related("region"), locale, default))
    vocabularies = {
        "country": [(country.code.lower(), country.title) for country in countries],
        "category": [
            (term.slug, term.name)
            for term in one_per_translation(ExpertiseCategory.objects.all(), locale, default)
        ],
        "place": [(place.slug, place.name) for place in places],
        "regions": {place.slug: place.region.slug for place in places if place.region_id},
        "target_group": [
            (term.slug, term.name)
            for term in one_per_translation(TargetGroup.objects.all(), locale, default)
        ],
    }
    cache.set(key, vocabularies, VOCABULARIES_SECONDS)
    return vocabularies

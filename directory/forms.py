from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Locale

from directory.listing import one_per_translation

TERM_FIELDS = (
    "expertise_categories",
    "target_groups",
    "categories",
    "expertise_sought",
    "network_themes",
    "network_purposes",
)


class LocalisedTermsPageForm(WagtailAdminPageForm):
    """Offer the vocabulary terms of the page's own language, not every language's copy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None) or getattr(
            self.parent_page, "locale_id", None
        )
        if locale_id is None:
            return
        for name in TERM_FIELDS:
            field = self.fields.get(name)
            if field is None:
                continue
            current = self.instance.pk and getattr(self.instance, name).all() or []
            field.queryset = field.queryset.filter(
                Q(locale_id=locale_id) | Q(pk__in=[term.pk for term in current])
            )
        self._offer_places_of_country(locale_id)
        self._offer_places_once(locale_id)

    def _offer_places_once(self, locale_id):
        """A network's territory may lie in any country: every place is offered, once, in the
        page's language where translated (those it has are kept, whatever their language)."""
        field = self.fields.get("territory_places")
        if field is None:
            return
        places = one_per_translation(
            field.queryset.model.objects.all(),
            Locale.objects.get(pk=locale_id),
            Locale.get_default(),
        )
        current = list(self.instance.territory_places.all()) if self.instance.pk else []
        offered = Q(pk__in=places.values("pk"))
        for place in current:
            offered = (offered & ~Q(translation_key=place.translation_key)) | Q(pk=place.pk)
        field.queryset = field.queryset.filter(offered).order_by("country", "name")

    def _offer_places_of_country(self, locale_id):
        """A page's place is chosen among its country's places, once each, in its language
        where translated (the place it has is kept, whatever its language)."""
        from directory.models import CountryPage  # the page models import this module

        field = self.fields.get("place")
        if field is None:
            return
        page = self.instance if self.instance.pk else self.parent_page
        country = CountryPage.objects.ancestor_of(page, inclusive=True).first() if page else None
        places = field.queryset.model.objects.all()
        if country is not None and country.code:
            places = places.filter(country=country.code)
        places = one_per_translation(places, Locale.objects.get(pk=locale_id), Locale.get_default())
        offered = Q(pk__in=places.values("pk"))
        current = self.instance.place if self.instance.place_id else None
        if current is not None:  # offered once, as it is
            offered = (offered & ~Q(translation_key=current.translation_key)) | Q(pk=current.pk)
        field.queryset = field.queryset.filter(offered).order_by("kind", "name")


class TermForm(WagtailAdminModelForm):
    """A vocabulary term: its code is unique within its language (each language has its copy of
    every term, under the same code), said in the form rather than refused by the database."""

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        locale_id = self.instance.locale_id or Locale.get_default().pk
        taken = type(self.instance).objects.filter(slug=slug, locale_id=locale_id)
        if taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("This code is already used by another term: choose another one."),
                code="unique",
            )
        return slug


def country_choices():
    """The directory's countries, by code, named in the active language."""
    from directory.countries import country_names  # the page models import this module

    names = country_names()
    return [("", "---------")] + sorted(
        ((code, name) for code, name in names.items() if code), key=lambda choice: choice[1]
    )


class PlaceForm(TermForm):
    """A place: its country is chosen among the directory's countries."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("country")
        if field is not None:
            self.fields["country"] = forms.ChoiceField(
                label=field.label,
                help_text=field.help_text,
                choices=country_choices,
                disabled=field.disabled,
            )

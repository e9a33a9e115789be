"""Filters the admin's listings share: rows about one organisation.

`?organisation=` takes the id of any of the organisation's pages (what a link from a page or a
panel row knows) or the translation key they share (what a row about it stores), so that one
address lists the rows about the organisation whichever language version the link came from.
"""

import uuid

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy

from directory.models import OrganisationPage


class OrganisationReferenceField(forms.CharField):
    """An organisation, by the id of any of its pages or by the translation key they share."""

    default_error_messages = {
        "invalid": gettext_lazy("Choose an organisation from the list."),
    }

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        if value.isdigit():
            key = (
                OrganisationPage.objects.filter(pk=int(value))
                .values_list("translation_key", flat=True)
                .first()
            )
            if key is None:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            return key
        try:
            return uuid.UUID(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class OrganisationReferenceFilter(django_filters.Filter):
    """The rows whose `key_fields` (fields holding an organisation's translation key; any of
    them) name the organisation asked for."""

    field_class = OrganisationReferenceField

    def __init__(self, *args, key_fields=("organisation_key",), **kwargs):
        super().__init__(*args, **kwargs)
        self.key_fields = tuple(key_fields)

    def filter(self, queryset, value):
        if value is None:
            return queryset
        matches = Q()
        for name in self.key_fields:
            matches |= Q(**{name: value})
        return queryset.filter(matches)


def chosen_organisation_choices(value, empty_label):
    """The choices of a select that offers only the organisation asked for (by a link) and
    "all": it shows which organisation the list is narrowed to, and lets the reader widen it,
    without listing thousands of organisations."""
    choices = [("", empty_label)]
    if value and value.isdigit():
        title = OrganisationPage.objects.filter(pk=int(value)).values_list("title", flat=True)
        choices += [(value, title) for title in title[:1]]
    elif value:
        try:
            key = uuid.UUID(value)
        except ValueError:
            return choices
        title = (
            OrganisationPage.objects.filter(translation_key=key)
            .order_by("pk")
            .values_list("title", flat=True)
        )
        choices += [(value, title) for title in title[:1]]
    return choices

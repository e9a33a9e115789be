from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Locale

TERM_FIELDS = ("expertise_categories", "target_groups", "categories", "expertise_sought")


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

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm

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

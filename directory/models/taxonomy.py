"""Shared vocabularies: the expertise categories and the target groups that services serve.

Each term exists once per locale (wagtail-localize translates its name). Its slug is the same in
every locale, so filters and addresses work whatever language a page is written in.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.translation import synchronized, translated
from directory.forms import TermForm


class Term(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("code"),
        max_length=80,
        help_text=_("A short code, the same in every language, used in the site's addresses."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    base_form_class = TermForm
    translatable_fields = [
        *translated("name", "description"),
        *synchronized("slug"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("slug"),
        index.FilterField("locale_id"),
        index.FilterField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ExpertiseCategory(Term):
    class Meta(Term.Meta):
        verbose_name = _("expertise category")
        verbose_name_plural = _("expertise categories")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug_locale")
        ]


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_target_slug_locale")
        ]

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


class CategoryIcon(models.TextChoices):
    """The pictures a category's tile on the home page may have (`static/img/categories/`)."""

    WORK = "work", _("Briefcase (work)")
    TRAINING = "training", _("Tools (training a trade)")
    LANGUAGE = "language", _("Speech bubble (languages)")
    LEGAL = "legal", _("Scales (legal help)")
    SUPPORT = "support", _("Heart (support)")
    HOUSING = "housing", _("House (housing)")
    DIGITAL = "digital", _("Screen (digital skills)")
    BUSINESS = "business", _("Rising line (business)")
    HEALTH = "health", _("Cross (health)")
    EDUCATION = "education", _("Cap (education)")


class ExpertiseCategory(Term):
    icon = models.CharField(
        _("icon"),
        max_length=20,
        blank=True,
        choices=CategoryIcon.choices,
        help_text=_(
            "Shown beside the category's name on the home page. The same in every language."
        ),
    )

    panels = [*Term.panels, FieldPanel("icon")]
    translatable_fields = [*Term.translatable_fields, *synchronized("icon")]

    class Meta(Term.Meta):
        verbose_name = _("expertise category")
        verbose_name_plural = _("expertise categories")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug_locale")
        ]

    @property
    def icon_path(self):
        """The static file of the category's icon; a magnifying glass when none is chosen."""
        return f"img/categories/{self.icon or 'other'}.svg"


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_target_slug_locale")
        ]

"""Shared vocabularies: the expertise categories, the target groups that services serve, the
purposes of networks, and the places where organisations work.

Each term exists once per locale (wagtail-localize translates its name). Its slug is the same in
every locale, so filters and addresses work whatever language a page is written in.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.page_cache import kept_in_memory
from core.translation import synchronized, translated
from directory.forms import PlaceForm, TermForm


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


class NetworkPurpose(Term):
    """What a network is for (promoting public services, joint treatment of individual cases,
    advocacy, training its members, capitalising knowledge…): a list staff manage, of which a
    network chooses several."""

    class Meta(Term.Meta):
        verbose_name = _("network purpose")
        verbose_name_plural = _("network purposes")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_purpose_slug_locale")
        ]


class PlaceKind(models.TextChoices):
    TOWN = "town", _("City or town")
    REGION = "region", _("Region")


class Place(Term):
    """A city or town (or a region) where organisations work and services take place: one place
    with its name in every language (Beirut, بيروت, Βηρυτός), chosen from a list rather than
    written by hand, so that a place is one filter value and is found by any of its names. A
    venue (a youth centre, a library) is not a place: it is written in an address."""

    kind = models.CharField(
        _("kind of place"), max_length=10, choices=PlaceKind.choices, default=PlaceKind.TOWN
    )
    country = models.CharField(
        _("country code"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, as in IT or LB."))],
        help_text=_("The code of the place's country, in capitals (IT, GR, LB, JO, PS)."),
    )
    region = models.ForeignKey(
        "self",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": PlaceKind.REGION},
        help_text=_("Optional: the region a town is in (a town is also found under its region)."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("region"),
        FieldPanel("description"),
    ]
    base_form_class = PlaceForm
    translatable_fields = [*Term.translatable_fields, *synchronized("kind", "country", "region")]
    search_fields = [*Term.search_fields, index.FilterField("country")]

    class Meta(Term.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_place_slug_locale")
        ]


def _visitor_language():
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


class PlaceNames:
    """Every place's names in every language, read in one query (places are few: a country's
    towns). A page points at its place in whichever language; its place is named in the
    visitor's language, else in English, else as it was written."""

    def __init__(self):
        self.key_of, self.own, self.region_of, self.names = {}, {}, {}, {}
        rows = Place.objects.values_list(
            "pk", "translation_key", "locale__language_code", "name", "region_id"
        )
        for pk, key, language, name, region_id in rows:
            self.key_of[pk], self.own[pk], self.region_of[pk] = key, name, region_id
            self.names.setdefault(key, {})[language] = name

    def name(self, place_id, language=None, with_region=False):
        """The place's name in `language` (the visitor's by default); "" for no place.
        `with_region`: followed by its region's, "Palermo (Sicily)"."""
        if place_id not in self.key_of:
            return ""
        language = language or _visitor_language()
        names = self.names[self.key_of[place_id]]
        name = names.get(language) or names.get(settings.LANGUAGE_CODE) or self.own[place_id]
        region = self.region_of[place_id]
        if with_region and region:
            return _("%(place)s (%(region)s)") % {
                "place": name,
                "region": self.name(region, language),
            }
        return name

    def every_name(self, place_id):
        """The place's names in every language, and its region's, for search."""
        if place_id not in self.key_of:
            return []
        names = set(self.names[self.key_of[place_id]].values())
        region = self.region_of[place_id]
        return sorted(names | set(self.every_name(region) if region else ()))


def place_names():
    """`PlaceNames`, kept in the process's memory until something public changes (a place saved
    is a snippet saved): a page of cards names its places without reading them."""
    return kept_in_memory("places", PlaceNames)

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.fields import optional_link
from core.indexing import filtered, searched, searched_in_every_language
from core.translation import PAGE_TRANSLATABLE, synchronized, translated
from directory.forms import LocalisedTermsPageForm

from .choices import Delivery, ServiceKind
from .country import CountryPage
from .mixins import RICH_TEXT_FEATURES, CheckedMixin
from .taxonomy import ExpertiseCategory, Place, PlaceNames, TargetGroup


@dataclass(frozen=True)
class Whereabouts:
    """Where a service takes place, as its page shows it: online, or at an address with its map."""

    online: bool = False
    address: str = ""  # a street address, a venue's name first where it has one
    town: str = ""  # its place's name, in the visitor's language
    country: str = ""

    @property
    def lines(self):
        """The address as written on an envelope; the town only where the address lacks it."""
        town = "" if self.town.casefold() in self.address.casefold() else self.town
        return [line for line in (self.address, town) if line]

    @property
    def map_url(self):
        """A map search for the address, opened by the visitor's maps app or browser; none
        for a town alone, which is no place to go to."""
        if not self.address:
            return ""
        query = ", ".join([*self.lines, self.country] if self.country else self.lines)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})


class ServicePage(CheckedMixin, Page):
    """A service an organisation offers, or an opportunity (a course, a job, a grant) with dates."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=ServiceKind.choices, default=ServiceKind.SERVICE
    )
    category = optional_link(ExpertiseCategory, _("category"))
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="+"
    )
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on cards.")
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    eligibility = RichTextField(_("who can use it"), blank=True, features=RICH_TEXT_FEATURES)
    how_to_access = RichTextField(_("how to access it"), blank=True, features=RICH_TEXT_FEATURES)
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost = models.CharField(
        _("cost"), max_length=200, blank=True, help_text=_("If it is not free: what it costs.")
    )
    delivery = models.CharField(
        _("delivery"), max_length=20, choices=Delivery.choices, default=Delivery.IN_PERSON
    )
    place = optional_link(
        Place,
        _("city or town"),
        help_text=_("Leave empty if it takes place in the organisation's city or town."),
    )
    address = models.CharField(
        _("street address"),
        max_length=255,
        blank=True,
        help_text=_(
            "The venue's name, street, number, postcode and town, if it does not take place at "
            "the organisation's address."
        ),
    )
    opening_hours = models.TextField(
        _("opening hours or times"),
        max_length=500,
        blank=True,
        help_text=_("When people can come, or when it takes place: days and times."),
    )
    getting_there = models.TextField(
        _("how to get there"),
        max_length=500,
        blank=True,
        help_text=_("Public transport, parking, the entrance, step-free access."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Leave empty to use the organisation's email address."),
    )
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=40,
        blank=True,
        help_text=_("Leave empty to use the organisation's phone number."),
    )
    external_link = models.URLField(_("more information"), blank=True)

    base_form_class = LocalisedTermsPageForm
    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []
    template = "directory/service_page.html"

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("category")]),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("eligibility"),
        FieldPanel("how_to_access"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("delivery"), FieldPanel("place")]),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
                FieldPanel("getting_there"),
            ],
            _("Where and when"),
        ),
        FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost")], heading=_("Cost")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start_date"),
                        FieldPanel("end_date"),
                        FieldPanel("application_deadline"),
                    ]
                )
            ],
            _("Dates (for opportunities)"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("external_link"),
            ],
            _("Contact"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        *searched("summary", boost=2),
        *searched("description", "eligibility", "address"),  # a venue is found by its name
        *searched_in_every_language("search_terms", boost=0.5),
        *filtered("kind", "category", "delivery", "is_free", "application_deadline", "end_date"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE,
        *translated(
            "summary",
            "description",
            "eligibility",
            "how_to_access",
            "cost",
            "opening_hours",
            "getting_there",
        ),
        *synchronized(
            "kind",
            "category",
            "target_groups",
            "is_free",
            "delivery",
            "place",
            "address",
            "start_date",
            "end_date",
            "application_deadline",
            "contact_email",
            "contact_phone",
            "external_link",
        ),
    ]

    class Meta:
        verbose_name = _("service or opportunity")
        verbose_name_plural = _("services and opportunities")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if not self.is_free and not self.cost:
            errors["cost"] = _("Say what it costs, or tick 'free of charge'.")
        if errors:
            raise ValidationError(errors)

    def search_terms(self):
        """Organisation, place, country and vocabulary names in every language, for search."""
        if hasattr(self, "precomputed_search_terms"):  # set by bulk loaders such as the bench
            return self.precomputed_search_terms
        from directory.indexing import service_terms

        return service_terms(self)

    @property
    def is_opportunity(self):
        return self.kind == ServiceKind.OPPORTUNITY

    @property
    def is_online(self):
        return self.delivery == Delivery.ONLINE

    @property
    def deadline_passed(self):
        return bool(self.application_deadline and self.application_deadline < timezone.localdate())

    @property
    def is_closed(self):
        """Its deadline or its end date has passed (today in the site's time zone)."""
        return self.deadline_passed or bool(self.end_date and self.end_date < timezone.localdate())

    @staticmethod
    def still_open():
        """The condition, for a queryset, of services that are not closed (see `is_closed`)."""
        today = timezone.localdate()
        deadline = models.Q(application_deadline__isnull=True) | models.Q(
            application_deadline__gte=today
        )
        return deadline & (models.Q(end_date__isnull=True) | models.Q(end_date__gte=today))

    def place_id_with(self, organisation):
        """Its own place, else its organisation's."""
        return self.place_id or getattr(organisation, "place_id", None)

    def place_line(self, organisation, country, places):
        """Where it is, in a few words for its card, in the visitor's language: "Online", or
        its place (named by `places`, a `PlaceNames`) and `country`, its country's name (none
        for the organisations whose country is not set)."""
        if self.is_online:
            return gettext("Online")
        place = places.name(self.place_id_with(organisation))
        return ", ".join(part for part in (place, country) if part)

    def whereabouts(self, organisation, country_page, places):
        """Where it takes place, for its page: its own address, else the organisation's; none
        when it is only online."""
        if self.is_online:
            return Whereabouts(online=True)
        country = country_page.place_name if country_page else ""
        town = places.name(self.place_id_with(organisation))
        if self.address:
            return Whereabouts(address=self.address, town=town, country=country)
        if self.place_id and self.place_id != organisation.place_id:
            # Somewhere else than the organisation's address, which is therefore not given.
            return Whereabouts(town=town, country=country)
        return Whereabouts(address=organisation.address, town=town, country=country)

    def get_context(self, request, *args, **kwargs):
        from directory.listing import TermLabels

        context = super().get_context(request, *args, **kwargs)
        organisation = self.get_parent().specific
        labels = TermLabels(ExpertiseCategory, TargetGroup)
        # The country as the visitor reads it: the page may be shown in their language.
        country_page = CountryPage.objects.parent_of(organisation).first()
        country_page = country_page.localized if country_page else None
        places = PlaceNames()
        context.update(
            organisation=organisation,
            # Named as the visitor reads it where it is translated (the page may not be).
            offered_by=organisation.localized,
            category_label=labels.here(self.category),
            target_group_labels=labels.names_here(self.target_groups.all()),
            place=places.name(self.place_id_with(organisation)),
            where=self.whereabouts(organisation, country_page, places),
            email=self.contact_email or organisation.email,
            phone=self.contact_phone or organisation.phone,
        )
        return context

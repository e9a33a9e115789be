"""What a network or umbrella organisation says about itself beyond any organisation's profile:
its form, level and orientation, where and on what it works, what it is for, how it decides.

A network is an organisation of the directory (its kind is "network"), so these are fields of
the organisation's page: they are translated with it by wagtail-localize, published with it
through the same approval, and edited in the same editor, in a panel shown to networks only.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .choices import (
    DecisionMaking,
    NetworkForm,
    NetworkLevel,
    NetworkOrientation,
    OrganisationKind,
)
from .taxonomy import ExpertiseCategory, NetworkPurpose, Place

#: The fields below, for the page's `translatable_fields`.
NETWORK_TRANSLATED = ("territory", "decision_making_details")
NETWORK_SYNCHRONIZED = (
    "network_form",
    "network_level",
    "network_orientation",
    "territory_places",
    "network_themes",
    "network_purposes",
    "decision_making",
    "founded",
    "legal_entity",
    "coordinator_contact",
    "coordinator_email",
)


class NetworkPanel(MultiFieldPanel):
    """The network's own fields, shown only on the page of a network (an organisation whose
    kind is "network"; a new page shows them once saved with that kind)."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return getattr(self.instance, "is_network", False) and super().is_shown()


@dataclass
class NetworkFacts:
    """A network's profile as its public page shows it, vocabulary in the visitor's language."""

    form: str = ""
    level: str = ""
    orientation: str = ""
    places: list = field(default_factory=list)  # the territory's places, named
    territory: str = ""  # the territory in words
    themes: list = field(default_factory=list)
    purposes: list = field(default_factory=list)
    decision_making: str = ""
    decision_making_details: str = ""
    founded: int | None = None
    legal_entity: bool | None = None
    coordinator_contact: str = ""
    coordinator_email: str = ""

    @property
    def area_served(self):
        """The territory's places, then its description."""
        return [*self.places, *([self.territory] if self.territory else [])]


class NetworkProfile(models.Model):
    network_form = models.CharField(
        _("form of the network"), max_length=30, choices=NetworkForm.choices, blank=True
    )
    network_level = models.CharField(
        _("level"), max_length=20, choices=NetworkLevel.choices, blank=True
    )
    network_orientation = models.CharField(
        _("orientation"),
        max_length=20,
        choices=NetworkOrientation.choices,
        blank=True,
        help_text=_(
            "Territorial: the members share the challenges of a place. Thematic: they share a "
            "topic, such as young people not in employment or methods of work integration."
        ),
    )
    territory = models.CharField(
        _("territory"),
        max_length=255,
        blank=True,
        help_text=_("In words, where the network works: a city's districts, a region, a sea."),
    )
    territory_places = ParentalManyToManyField(
        Place, verbose_name=_("places of the territory"), blank=True, related_name="+"
    )
    network_themes = ParentalManyToManyField(
        ExpertiseCategory, verbose_name=_("themes"), blank=True, related_name="+"
    )
    network_purposes = ParentalManyToManyField(
        NetworkPurpose, verbose_name=_("purposes"), blank=True, related_name="+"
    )
    decision_making = models.CharField(
        _("how the network decides"), max_length=20, choices=DecisionMaking.choices, blank=True
    )
    decision_making_details = models.TextField(
        _("how decisions are made, in words"),
        max_length=1000,
        blank=True,
        help_text=_("Who meets, how often, who has a say (at most 1,000 characters)."),
    )
    founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    legal_entity = models.BooleanField(
        _("a legal entity"),
        null=True,
        blank=True,
        help_text=_("Whether the network is registered as a legal entity of its own."),
    )
    coordinator_contact = models.CharField(
        _("coordinator"),
        max_length=120,
        blank=True,
        help_text=_("The person (or member organisation) who coordinates the network."),
    )
    coordinator_email = models.EmailField(_("coordinator's email"), blank=True)

    network_panel = NetworkPanel(
        [
            FieldRowPanel(
                [
                    FieldPanel("network_form"),
                    FieldPanel("network_level"),
                    FieldPanel("network_orientation"),
                ]
            ),
            FieldPanel("territory"),
            FieldPanel("territory_places"),
            FieldPanel("network_themes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("network_purposes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("decision_making"),
            FieldPanel("decision_making_details"),
            FieldRowPanel([FieldPanel("founded"), FieldPanel("legal_entity")]),
            FieldRowPanel([FieldPanel("coordinator_contact"), FieldPanel("coordinator_email")]),
        ],
        _("How this network works"),
    )

    class Meta:
        abstract = True

    @property
    def is_network(self):
        return self.kind == OrganisationKind.NETWORK

    def network_facts(self, labels, places):
        """The profile's facts (None for an organisation that is not a network); `labels` a
        `TermLabels` holding ExpertiseCategory and NetworkPurpose, `places` a `PlaceNames`."""
        if not self.is_network:
            return None
        return NetworkFacts(
            form=self.get_network_form_display() if self.network_form else "",
            level=self.get_network_level_display() if self.network_level else "",
            orientation=(
                self.get_network_orientation_display() if self.network_orientation else ""
            ),
            places=sorted(places.name(place.pk) for place in self.territory_places.all()),
            territory=self.territory,
            themes=labels.names_here(self.network_themes.all()),
            purposes=labels.names_here(self.network_purposes.all()),
            decision_making=(self.get_decision_making_display() if self.decision_making else ""),
            decision_making_details=self.decision_making_details,
            founded=self.founded,
            legal_entity=self.legal_entity,
            coordinator_contact=self.coordinator_contact,
            coordinator_email=self.coordinator_email,
        )

"""What a network or umbrella organisation says about itself beyond any organisation's profile:
its form, level and orientation, where and on what it works, what it is for, how it decides.

A network is an organisation of the directory (its kind is "network"), so these are fields of
the organisation's page: they are translated with it by wagtail-localize, published with it
through the same approval, and edited in the same editor, in a panel shown to networks only.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.panels.base import Panel
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin

from core.translation import synchronized, translated

from .choices import (
    DecisionMaking,
    NetworkActivityKind,
    NetworkForm,
    NetworkLevel,
    NetworkOrientation,
    OrganisationKind,
)
from .taxonomy import ExpertiseCategory, NetworkPurpose, Place

#: Activities shown on one page of a network's profile (the rest a page further, `?activities=2`).
ACTIVITIES_PER_PAGE = 10

#: The fields below, for the page's `translatable_fields`. The activities are objects of their
#: own (`NetworkActivity`, translatable): wagtail-localize translates their texts with the page's
#: and keeps one copy of each activity per language, paired by its translation key.
NETWORK_TRANSLATED = ("territory", "decision_making_details", "network_activities")
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


class NetworkActivitiesPanel(InlinePanel):
    """The network's knowledge-exchange activities, shown only on a network's page, like
    `NetworkPanel`. The page's form leaves their formset out for other organisations
    (`OrganisationPageForm`), so this panel then has nothing to show."""

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            if form is not None and kwargs["panel"].relation_name not in form.formsets:
                Panel.BoundPanel.__init__(self, **kwargs)  # no formset to lay out
                self.formset = None
                self.children = []
                return
            super().__init__(**kwargs)

        def is_shown(self):
            if getattr(self, "formset", True) is None:
                return False
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
    activities: list = field(default_factory=list)  # the page of activities shown, newest first

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
    activities_panel = NetworkActivitiesPanel(
        "network_activities",
        heading=_("Knowledge exchange"),
        label=_("Activity"),
        help_text=_(
            "Conversations and consultations, study visits, peer reviews, working groups, "
            "trainings and materials the network shares, as they happen."
        ),
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

    def activities_page(self, request):
        """The requested page (`?activities=`) of the network's activities, newest first, each
        with its `document_list`, in three queries however many there are; a page number that is
        not one is 404."""
        activities = self.network_activities.order_by("-date", "-pk")
        paginator = Paginator(activities, ACTIVITIES_PER_PAGE)
        try:
            page = paginator.page(request.GET.get("activities") or 1)
        except (PageNotAnInteger, EmptyPage) as error:
            raise Http404(str(error)) from error
        attach_documents(page.object_list)
        return page


def attach_documents(activities):
    """Each activity's documents as `document_list`, read for all of them in one query (a stream
    field would read its own, one query per activity)."""
    activities = list(activities)
    ids = {activity: _document_ids(activity) for activity in activities}
    wanted = {pk for pks in ids.values() for pk in pks}
    found = get_document_model().objects.in_bulk(wanted) if wanted else {}
    for activity, pks in ids.items():
        activity.document_list = [found[pk] for pk in pks if pk in found]
    return activities


def _document_ids(activity):
    pks = []
    for block in activity.documents.raw_data:
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, int) and value not in pks:
            pks.append(value)
    return pks


class NetworkActivity(TranslatableMixin, Orderable):
    """What a network did to exchange knowledge among its members: a study visit, a peer
    review, a training... Recorded by the network's editors on its page, in its language;
    wagtail-localize translates the title, summary and outcome with the page and keeps the kind,
    the date and the documents the same in every language."""

    page = ParentalKey(
        "directory.OrganisationPage", on_delete=models.CASCADE, related_name="network_activities"
    )
    kind = models.CharField(
        _("kind of activity"), max_length=20, choices=NetworkActivityKind.choices
    )
    date = models.DateField(_("date"), help_text=_("When it took place, or began."))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        max_length=1000,
        help_text=_("What was done, with whom (at most 1,000 characters)."),
    )
    outcome = models.TextField(
        _("outcome"),
        max_length=1000,
        blank=True,
        help_text=_("What the members learnt or changed (at most 1,000 characters)."),
    )
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("documents"),
        blank=True,
        help_text=_("Reports, presentations, shared materials."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("outcome"),
        FieldPanel("documents"),
    ]

    translatable_fields = [
        *translated("title", "summary", "outcome"),
        *synchronized("kind", "date", "documents"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("knowledge-exchange activity")
        verbose_name_plural = _("knowledge-exchange activities")

    def __str__(self):
        return self.title

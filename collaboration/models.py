"""Calls for collaboration between organisations, and the interest other organisations express.

A call is a page under the organisation that posts it, so the organisation's page rights cover it
and its facilitators approve it like the rest of its pages. It is translated like every page; an
expression of interest is about the call whatever language it was read in (its translation key)
and comes from an organisation whatever language its profile is in (its translation key too).
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from collaboration.forms import CallPageForm
from core.fields import optional_link
from core.indexing import filtered, searched, searched_names
from core.translation import PAGE_TRANSLATABLE, synchronized, translated
from directory.models.choices import country_choices
from directory.models.message import OrganisationMessage
from directory.models.mixins import RICH_TEXT_FEATURES, IntroPage

INTEREST_MAX_LENGTH = 2000


class CallKind(models.TextChoices):
    NEW_SERVICE = "new_service", _("Partner for a new service")
    ONGOING_PROJECT = "ongoing_project", _("Support for an ongoing project")
    CO_DESIGN = "co_design", _("Co-design")
    OTHER = "other", _("Other collaboration")


class CollaborationCallPage(Page):
    """A call for collaboration: what an organisation is looking for, from whom, until when."""

    kind = models.CharField(
        _("kind of collaboration"),
        max_length=20,
        choices=CallKind.choices,
        default=CallKind.NEW_SERVICE,
    )
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on cards.")
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What you want to do together, what you bring and what you are looking for."),
    )
    expertise_sought = ParentalManyToManyField(
        "directory.ExpertiseCategory",
        verbose_name=_("expertise sought"),
        blank=True,
        related_name="+",
        help_text=_("Organisations with this expertise are told about the call."),
    )
    target_groups = ParentalManyToManyField(
        "directory.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    countries = ParentalManyToManyField(
        "directory.CountryPage",
        verbose_name=_("countries concerned"),
        blank=True,
        related_name="+",
        limit_choices_to=country_choices,
        help_text=_("Leave empty if partners from any country are welcome."),
    )
    deadline = models.DateField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("The last day to express interest. Leave empty if there is none."),
    )
    is_open = models.BooleanField(
        _("open"),
        default=True,
        help_text=_(
            "Untick when you have found your partners: the call leaves the list of open calls "
            "but its page stays online."
        ),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the organisation's contact person."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_(
            "Expressions of interest are sent here. Leave empty to use the organisation's "
            "email address."
        ),
    )

    base_form_class = CallPageForm
    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []
    template = "collaboration/collaboration_call_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("expertise_sought", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
            ],
            _("Who you are looking for"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("deadline"), FieldPanel("is_open")])],
            _("Deadline"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")])],
            _("Contact"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        *searched("summary", boost=2),
        *searched("description"),
        *searched_names("expertise_sought", "target_groups"),
        *filtered("kind", "is_open", "deadline"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE,
        *translated("summary", "description"),
        *synchronized(
            "kind",
            "expertise_sought",
            "target_groups",
            "countries",
            "deadline",
            "is_open",
            "contact_name",
            "contact_email",
        ),
    ]

    class Meta:
        verbose_name = _("call for collaboration")
        verbose_name_plural = _("calls for collaboration")

    @property
    def is_past_deadline(self):
        return bool(self.deadline and self.deadline < timezone.localdate())

    @property
    def accepts_interest(self):
        """Open, live and not past its deadline."""
        return self.live and self.is_open and not self.is_past_deadline

    @classmethod
    def open_calls(cls):
        """Live calls that are open and not past their deadline, today in the site's time zone."""
        today = timezone.localdate()
        return cls.objects.live().filter(
            models.Q(deadline__isnull=True) | models.Q(deadline__gte=today), is_open=True
        )

    def get_context(self, request, *args, **kwargs):
        from .views import call_context

        context = super().get_context(request, *args, **kwargs)
        context.update(call_context(self, request, form=kwargs.get("interest_form")))
        return context


class CollaborationIndexPage(IntroPage):
    """Every open call for collaboration, with filters and search: /<lang>/collaboration/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "collaboration/collaboration_index_page.html"
    translatable_fields = [*PAGE_TRANSLATABLE, *translated("intro")]

    class Meta:
        verbose_name = _("collaboration index")

    def get_context(self, request, *args, **kwargs):
        from .listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(request))
        return context


class ExpressionOfInterest(OrganisationMessage):
    """An organisation tells a call's owner that it would like to collaborate.

    One per organisation and call, whatever languages either is written in: both are matched on
    their translation keys. The page foreign keys point at the versions the sender used and keep
    the links working; they are emptied, not the row deleted, if a page goes.
    """

    class Status(models.TextChoices):
        NEW = "new", _("Awaiting a response")
        IN_TOUCH = "in_touch", _("In touch")
        ACCEPTED = "accepted", _("Collaboration agreed")
        DECLINED = "declined", _("Declined")

    # Written to the call's organisation; read by both organisations' people and facilitators.
    recipient_key = "owner_key"
    reader_keys = ("owner_key", "organisation_key")

    call_key = models.UUIDField(_("call"), editable=False)
    call = optional_link(
        CollaborationCallPage, _("call for collaboration"), related_name="interests"
    )
    organisation_key = models.UUIDField(_("organisation"), editable=False)
    organisation = optional_link("directory.OrganisationPage", _("interested organisation"))
    owner_key = models.UUIDField(
        _("organisation of the call"),
        editable=False,
        help_text=_("The organisation that posted the call (its translation key)."),
    )
    sent_by = optional_link(settings.AUTH_USER_MODEL, _("sent by"))
    status = models.CharField(
        _("response"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    response_note = models.TextField(
        _("note on the response"),
        blank=True,
        max_length=INTEREST_MAX_LENGTH,
        help_text=_("Seen by both organisations and their facilitators."),
    )
    responded_at = models.DateTimeField(_("responded on"), null=True, blank=True)
    responded_by = optional_link(settings.AUTH_USER_MODEL, _("responded by"))
    outbox_email = optional_link("emails.OutboxEmail", _("email to the organisation of the call"))

    class Meta(OrganisationMessage.Meta):
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["call_key", "organisation_key"], name="one_interest_per_call"
            )
        ]
        indexes = [
            models.Index(fields=["owner_key", "status"], name="interest_owner_idx"),
            models.Index(fields=["organisation_key"], name="interest_organisation_idx"),
        ]

    def __str__(self):
        organisation = self.organisation.title if self.organisation else "-"
        call = self.call.title if self.call else "-"
        return f"{organisation} → {call}"

"""The facilitators, and their log of contacts with organisations."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name

from core.fields import optional_link
from core.roles import FACILITATORS_PREFIX, Role
from directory.models.choices import country_choices
from directory.permissions import sync_country
from emails.models import OutboxEmail, TemplateKey


class Notifications(models.TextChoices):
    EACH = "each", _("An email for each event")
    DIGEST = "digest", _("One weekly digest")


class Facilitator(models.Model):
    """A national facilitator: the countries they look after, and how organisations reach them.

    Their countries are also their permissions: saving a facilitator puts the user in exactly the
    facilitators' groups of those countries (see `sync_groups`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="facilitator",
    )
    countries = models.ManyToManyField(
        "directory.CountryPage",
        verbose_name=_("countries"),
        related_name="facilitators",
        limit_choices_to=country_choices,
        help_text=_("The countries whose organisations this person approves and supports."),
    )
    works_for = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Where the facilitator works, as organisations should know it."),
    )
    email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Shown to organisations; the user's own address when empty."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notifications = models.CharField(
        _("notifications"),
        max_length=10,
        choices=Notifications.choices,
        default=Notifications.EACH,
        help_text=_(
            "How this person hears of new registrations, confirmed email addresses and pages "
            "waiting for approval in their countries."
        ),
    )
    # The ISO week ("2026-W49") of the last weekly digest sent: one digest a week at most.
    digest_week = models.CharField(_("last digest"), max_length=8, blank=True, editable=False)

    class Meta:
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")
        ordering = ["user__first_name", "user__last_name", "user__username"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return get_user_display_name(self.user)

    @property
    def contact_email(self):
        return self.email or self.user.email

    def sync_groups(self):
        """Put the user in the facilitators' group of each of its countries, and no other."""
        from django.contrib.auth.models import Group

        wanted = {sync_country(country).pk for country in self.countries.all()}
        stale = Group.objects.filter(name__startswith=FACILITATORS_PREFIX).exclude(pk__in=wanted)
        self.user.groups.remove(*stale.filter(user=self.user))
        self.user.groups.add(*wanted)
        Role.forget(self.user)


#: A contact's note: what was said and agreed, a few paragraphs at most.
NOTE_MAX_LENGTH = 4000


class ContactChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    MEETING = "meeting", _("Meeting")
    EVENT = "event", _("Event")
    FEATURED = "featured", _("Featured on social media")
    OTHER = "other", _("Other")


class ContactOutcome(models.TextChoices):
    """How a contact went. Required for the contacts people log; empty for the portal's records."""

    SPOKE = "spoke", _("Spoke with them")
    NO_ANSWER = "no_answer", _("No answer")
    LEFT_MESSAGE = "left_message", _("Left a message")
    AGREED = "agreed", _("Agreed next steps")
    NOT_INTERESTED = "not_interested", _("Not interested")


#: The emails of the portal that count as a contact with the organisation they are sent to: the
#: welcome, and the reminders facilitators send (other messages, such as a citizen's enquiry
#: forwarded to it, are not the portal reaching out).
CONTACT_EMAIL_TEMPLATES = (
    TemplateKey.WELCOME,
    TemplateKey.WELCOME_COUNTRY_MISSING,
    TemplateKey.PROFILE_REMINDER,
)

#: A follow-up is planned at most this far after the contact it comes from.
FOLLOW_UP_MAX_DAYS = 366


class ContactLog(models.Model):
    """One contact with an organisation: a call, a meeting, or an email the portal sent it.

    An organisation is its pages in every language: `organisation_key` is their shared
    translation key, so the log survives a translation being deleted.
    """

    organisation_key = models.UUIDField(_("organisation"), db_index=True)
    organisation = optional_link(
        "directory.OrganisationPage",
        _("organisation page"),
        related_name="contacts",
    )
    contacted_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    channel = models.CharField(_("channel"), max_length=20, choices=ContactChannel.choices)
    outcome = models.CharField(
        _("outcome"),
        max_length=20,
        choices=ContactOutcome.choices,
        blank=True,  # only the contacts the portal records itself; the form requires one
    )
    follow_up_on = models.DateField(
        _("follow up on"),
        null=True,
        blank=True,
        help_text=_("The day to get back to the organisation, if a next step was agreed."),
    )
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX_LENGTH)
    by = optional_link(
        settings.AUTH_USER_MODEL,
        _("by"),
        help_text=_("Empty for the emails the portal sends by itself."),
    )
    email = optional_link(OutboxEmail, _("email"), related_name="contacts")
    featured = models.ForeignKey(
        "featured.FeaturedOrganisation",
        verbose_name=_("featured on social media"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-contacted_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation_key", "-contacted_at"], name="contact_latest_idx")
        ]

    def __str__(self):
        return f"{self.get_channel_display()} · {self.contacted_at:%Y-%m-%d}"

    @property
    def is_record(self):
        """Written by the portal (an email it sent, a feature staff planned): not edited here."""
        return self.email_id is not None or self.featured_id is not None

    @classmethod
    def for_email(cls, email, organisation, note="", by=None):
        """Record an email sent to an organisation as a contact with it."""
        return cls.objects.create(
            organisation_key=organisation.translation_key,
            organisation_id=organisation.pk,  # its page, whichever class it was read as
            channel=ContactChannel.EMAIL,
            note=note or email.subject,
            email=email,
            by=by,
        )

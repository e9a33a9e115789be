"""Email: the texts staff edit in every language, and the outbox every message goes through.

Also the facilitators, their contact log, and the organisations featured on social media.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .placeholders import PLACEHOLDERS_HELP_TEXT, unknown_placeholders


class TemplateKey(models.TextChoices):
    WELCOME = "welcome", _("Welcome")
    WELCOME_COUNTRY_MISSING = "welcome_country_missing", _("Welcome, country of work missing")
    PROFILE_REMINDER = "profile_reminder", _("Profile reminder")
    EMAIL_VERIFICATION = "email_verification", _("Email address verification")
    ENQUIRY = "enquiry", _("Message from a citizen")
    COLLABORATION_INTEREST = "collaboration_interest", _("Interest in a call for collaboration")


class EmailTemplate(TranslatableMixin, models.Model):
    """One email text in one language. Its translations share the key."""

    key = models.CharField(_("email"), max_length=40, choices=TemplateKey.choices)
    subject = models.CharField(_("subject"), max_length=200, help_text=PLACEHOLDERS_HELP_TEXT)
    body = models.TextField(_("body"), help_text=PLACEHOLDERS_HELP_TEXT)

    panels = [FieldPanel("key"), FieldPanel("subject"), FieldPanel("body")]
    translatable_fields = [
        TranslatableField("subject"),
        TranslatableField("body"),
        SynchronizedField("key"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_email_template_locale")
        ]

    def __str__(self):
        return self.get_key_display()

    def clean(self):
        super().clean()
        errors = {}
        for field in ("subject", "body"):
            if unknown := unknown_placeholders(getattr(self, field) or ""):
                errors[field] = _("Unknown placeholders: %(names)s.") % {
                    "names": ", ".join(f"{{{name}}}" for name in unknown)
                }
        if errors:
            raise ValidationError(errors)


class OutboxEmail(models.Model):
    """A message the portal sends. Written first, then sent (and retried) by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        RETRYING = "retrying", _("Waiting to retry")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")
        REJECTED = "rejected", _("Rejected by the provider")

    to = models.JSONField(_("to"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    from_email = models.CharField(_("from"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=12, blank=True)
    template_key = models.CharField(
        _("template"), max_length=40, choices=TemplateKey.choices, blank=True
    )
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="emails",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    provider_message_id = models.CharField(
        _("provider's message id"), max_length=255, blank=True, db_index=True
    )
    provider_status = models.CharField(_("provider's status"), max_length=40, blank=True)
    provider_event_at = models.DateTimeField(_("provider's last event"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("outbox email")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status"], name="outbox_status_idx"),
            models.Index(fields=["next_attempt_at"], name="outbox_next_attempt_idx"),
        ]
        # Rows are written by the mail code only: staff may look at them and resend them.
        default_permissions = ("view",)
        permissions = [("resend_outboxemail", _("Can resend outbox email"))]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def recipients(self):
        return ", ".join(self.to)


def country_choices():
    """Countries a facilitator may look after: each country once (its default-language page)."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE) & ~models.Q(code="")


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

    class Meta:
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")
        ordering = ["user__first_name", "user__last_name", "user__username"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def contact_email(self):
        return self.email or self.user.email

    def sync_groups(self):
        """Put the user in the facilitators' group of each of its countries, and no other."""
        from django.contrib.auth.models import Group

        from directory.models.workflow import FACILITATORS_PREFIX
        from directory.permissions import sync_country

        wanted = {sync_country(country).pk for country in self.countries.all()}
        stale = Group.objects.filter(name__startswith=FACILITATORS_PREFIX).exclude(pk__in=wanted)
        self.user.groups.remove(*stale.filter(user=self.user))
        self.user.groups.add(*wanted)
        if hasattr(self.user, "_facilitated_country_codes"):
            del self.user._facilitated_country_codes


class ContactChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    MEETING = "meeting", _("Meeting")
    EVENT = "event", _("Event")
    FEATURED = "featured", _("Featured on social media")
    OTHER = "other", _("Other")


class ContactLog(models.Model):
    """One contact with an organisation: a call, a meeting, or an email the portal sent it.

    An organisation is its pages in every language: `organisation_key` is their shared
    translation key, so the log survives a translation being deleted.
    """

    organisation_key = models.UUIDField(_("organisation"), db_index=True)
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    contacted_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    channel = models.CharField(_("channel"), max_length=20, choices=ContactChannel.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for the emails the portal sends by itself."),
    )
    email = models.ForeignKey(
        OutboxEmail,
        verbose_name=_("email"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    featured = models.ForeignKey(
        "FeaturedOrganisation",
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
            organisation=organisation,
            channel=ContactChannel.EMAIL,
            note=note or email.subject,
            email=email,
            by=by,
        )


class FeaturedOrganisation(models.Model):
    """An organisation showcased on the portal's social media, and on its home page, for a while.

    Central staff plan it, edit the captions drafted for it in each of the organisation's
    languages, post it, and record where. Like contacts, it holds the organisation's translation
    key, so every language version of the organisation knows it is featured.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        POSTED = "posted", _("Posted")
        SKIPPED = "skipped", _("Skipped")

    organisation_key = models.UUIDField(_("organisation"), db_index=True, editable=False)
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="features",
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"), help_text=_("The last day it is featured."))
    channels = models.JSONField(_("channels"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    captions = models.JSONField(_("captions"), default=dict, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    posted_url = models.URLField(_("posted at"), max_length=500, blank=True)
    posted_on = models.DateField(_("posted on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("featured organisation")
        verbose_name_plural = _("featured organisations")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="featured_period_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="featured_period_in_order",
            )
        ]

    def __str__(self):
        title = self.organisation.title if self.organisation_id else ""
        return f"{title} · {self.starts_on:%Y-%m-%d}"

    @classmethod
    def on(cls, day):
        """The features running on `day`: planned or posted, not skipped."""
        return cls.objects.filter(starts_on__lte=day, ends_on__gte=day).exclude(
            status=cls.Status.SKIPPED
        )

    @classmethod
    def today(cls):
        return cls.on(timezone.localdate())

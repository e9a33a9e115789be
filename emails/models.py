"""Email: the texts staff edit in every language, and the outbox every message goes through."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import PreviewableMixin, TranslatableMixin

from core.fields import optional_link
from core.translation import synchronized, translated

from .placeholders import (
    PLACEHOLDERS_HELP_TEXT,
    allowed_placeholders,
    braced,
    placeholders_help_text,
    render_sample,
    unknown_placeholders,
)


class TemplateKey(models.TextChoices):
    WELCOME = "welcome", _("Welcome")
    WELCOME_COUNTRY_MISSING = "welcome_country_missing", _("Welcome, country of work missing")
    PROFILE_REMINDER = "profile_reminder", _("Profile reminder")
    EMAIL_VERIFICATION = "email_verification", _("Email address verification")
    ENQUIRY = "enquiry", _("Message from a citizen")
    COLLABORATION_INTEREST = "collaboration_interest", _("Interest in a call for collaboration")
    ENQUIRY_REPLY = "enquiry_reply", _("An organisation's reply to a citizen")
    COLLABORATION_RESPONSE = "collaboration_response", _("Response to an expression of interest")
    FACILITATOR_REGISTRATION = "facilitator_registration", _("To facilitators: a new registration")
    FACILITATOR_EMAIL_CONFIRMED = (
        "facilitator_email_confirmed",
        _("To facilitators: an organisation confirmed its email address"),
    )
    FACILITATOR_SUBMISSION = (
        "facilitator_submission",
        _("To facilitators: a page waits for approval"),
    )
    FACILITATOR_DIGEST = "facilitator_digest", _("To facilitators: the weekly digest")
    PAGE_APPROVED = "page_approved", _("Page approved")
    PAGE_REJECTED = "page_rejected", _("Changes requested on a page")
    VERIFIED = "verified", _("Organisation verified")
    VERIFICATION_REVOKED = "verification_revoked", _("Verification withdrawn")
    MODERATION_SUBMISSION = (
        "moderation_submission",
        _("To moderators: a site page waits for approval"),
    )
    MODERATION_APPROVED = "moderation_approved", _("Site page approved")
    MODERATION_REJECTED = "moderation_rejected", _("Changes requested on a site page")
    REGISTRATION_EXISTING_ACCOUNT = (
        "registration_existing_account",
        _("Registration with an address that has an account"),
    )
    YEARLY_CHECK = "yearly_check", _("Yearly check of an organisation's pages")
    SUBSCRIPTION_CONFIRM = "subscription_confirm", _("Confirmation of a subscription")
    SEARCH_ALERT = "search_alert", _("New results of a saved search")
    NEWS_DIGEST = "news_digest", _("News digest to subscribers")
    MENTORING_MENTEE_LINK = "mentoring_mentee_link", _("Mentoring: the mentee's link")
    MENTORING_MENTOR_LINK = "mentoring_mentor_link", _("Mentoring: the mentor's link")
    MENTORING_REQUEST = "mentoring_request", _("Mentoring: a request to a mentor")
    MENTORING_ACCEPTED = "mentoring_accepted", _("Mentoring: accepted, to the mentee")
    MENTORING_ACCEPTED_MENTOR = (
        "mentoring_accepted_mentor",
        _("Mentoring: accepted, to the mentor, with the mentee's contact"),
    )
    MENTORING_REQUESTS_SENT = (
        "mentoring_requests_sent",
        _("Mentoring: requests sent, to the mentee"),
    )
    MENTORING_DECLINED = "mentoring_declined", _("Mentoring: declined, to the mentee")
    MENTORING_EXPIRED = "mentoring_expired", _("Mentoring: expired, to the mentee")
    MENTORING_EXPIRED_MENTOR = (
        "mentoring_expired_mentor",
        _("Mentoring: expired, to the mentor"),
    )
    MENTORING_SUPERSEDED = (
        "mentoring_superseded",
        _("Mentoring: another mentor accepted first, to the mentor"),
    )
    NETWORK_INVITATION = "network_invitation", _("Invitation to join a network")
    NETWORK_REQUEST = "network_request", _("Request to join a network")
    NETWORK_ANSWER = "network_answer", _("Answer to an invitation or a request to join a network")
    MENTORING_MENTOR_APPROVED = (
        "mentoring_mentor_approved",
        _("Mentoring: the mentor's profile approved"),
    )
    MENTORING_MENTOR_REJECTED = (
        "mentoring_mentor_rejected",
        _("Mentoring: the mentor's profile not approved"),
    )
    NETWORK_ENDED = "network_ended", _("A membership of a network ended by the other side")
    MENTORING_REQUEST_REMINDER = (
        "mentoring_request_reminder",
        _("Mentoring: a request waiting for a week, to the mentor"),
    )
    MENTORING_SESSION_REMINDER = (
        "mentoring_session_reminder",
        _("Mentoring: no meeting logged for a while, to the mentor"),
    )
    MENTORING_CHECKIN = "mentoring_checkin", _("Mentoring: the 90-day check-in, to the mentor")
    MENTORING_ENDED_MENTEE = (
        "mentoring_ended_mentee",
        _("Mentoring: the mentorship ended, to the mentee"),
    )
    MENTORING_ENDED_MENTOR = (
        "mentoring_ended_mentor",
        _("Mentoring: the mentee ended the mentorship or deleted their data, to the mentor"),
    )
    MENTORING_APPROVALS_DIGEST = (
        "mentoring_approvals_digest",
        _("Mentoring: mentors waiting for approval, to facilitators"),
    )
    MENTORING_REQUESTS_DIGEST = (
        "mentoring_requests_digest",
        _("Mentoring: requests unanswered for a week, to facilitators (weekly)"),
    )


class EmailTemplateForm(WagtailAdminModelForm):
    """The subject's and body's help text name the placeholders this email can use."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        help_text = placeholders_help_text(self.instance.key)
        for name in ("subject", "body"):
            if name in self.fields:
                self.fields[name].help_text = help_text


class EmailTemplate(PreviewableMixin, TranslatableMixin, models.Model):
    """One email text in one language. Its translations share the key.

    Its preview shows the email as it will arrive, in its own language, filled with sample values.
    """

    key = models.CharField(_("email"), max_length=40, choices=TemplateKey.choices)
    subject = models.CharField(_("subject"), max_length=200, help_text=PLACEHOLDERS_HELP_TEXT)
    body = models.TextField(_("body"), help_text=PLACEHOLDERS_HELP_TEXT)

    panels = [FieldPanel("key"), FieldPanel("subject"), FieldPanel("body")]
    base_form_class = EmailTemplateForm
    translatable_fields = [
        *translated("subject", "body"),
        *synchronized("key"),
    ]

    class Meta(TranslatableMixin.Meta):
        db_table = "facilitators_emailtemplate"  # the table it had before email had its own app
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_email_template_locale")
        ]

    def __str__(self):
        return self.get_key_display()

    @property
    def language_code(self):
        return self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE

    def clean(self):
        super().clean()
        errors = {}
        for field in ("subject", "body"):
            if unknown := unknown_placeholders(getattr(self, field) or "", self.key):
                errors[field] = _("This email cannot fill %(names)s. It can use: %(allowed)s.") % {
                    "names": braced(unknown),
                    "allowed": braced(allowed_placeholders(self.key)),
                }
        if errors:
            raise ValidationError(errors)

    def render_sample(self):
        """(subject, body) as they will arrive, in this template's language, with sample values."""
        with translation.override(self.language_code):
            return render_sample(self.key, self.subject or "", self.body or "")

    def get_preview_template(self, request, mode_name):
        return "emails/email_template_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        subject, body = self.render_sample()
        with translation.override(self.language_code):
            direction = "rtl" if translation.get_language_bidi() else "ltr"
        context.update(
            subject=subject,
            body=body,
            language=self.language_code,
            direction=direction,
            from_email=settings.DEFAULT_FROM_EMAIL,
        )
        return context


class OutboxEmail(models.Model):
    """A message the portal sends. Written first, then sent (and retried) by a background task.

    Every message leaves this way: the portal's own (`emails.mail.queue_email`) and Django's and
    Wagtail's (password reset, moderation notifications...), which EMAIL_BACKEND
    (`emails.backends.OutboxBackend`) writes here. Only the sender talks to the provider.
    """

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
        # The worker stopped while the provider was being called and the provider has not said
        # since whether it took the message: staff check before sending it again.
        UNKNOWN = "unknown", _("Unknown – check")
        # A bulk email (to a subscriber) whose address was reported as bouncing or complaining
        # after it was queued: never sent (`mail.register_suppression_check`).
        SUPPRESSED = "suppressed", _("Not sent: address suppressed")

    #: What staff should look at: it did not arrive, or nobody knows whether it did.
    NEEDS_ATTENTION = (
        Status.FAILED,
        Status.BOUNCED,
        Status.COMPLAINED,
        Status.REJECTED,
        Status.UNKNOWN,
    )

    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(_("cc"), default=list, blank=True)
    bcc = models.JSONField(_("bcc"), default=list, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    from_email = models.CharField(_("from"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    # Extra headers, e.g. Wagtail's "Auto-Submitted: auto-generated".
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=12, blank=True)
    template_key = models.CharField(
        _("template"), max_length=40, choices=TemplateKey.choices, blank=True
    )
    # Bulk email (news, newsletter, alerts to subscribers): not sent to an address suppressed
    # since it was queued (a bounce, a complaint).
    bulk = models.BooleanField(_("bulk email"), default=False)
    # Whose personal data the message carries, beside its recipients ("mentee:<key>"): when
    # that person's data is deleted, the messages about them go too (`forget_about`).
    about = models.CharField(_("about"), max_length=80, blank=True, db_index=True)
    # The organisation the message is about (its page, in the language it was sent in).
    organisation = optional_link(
        "wagtailcore.Page",
        _("organisation"),
        related_name="emails",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    # The lease of the worker sending it: who (a random token per attempt) and until when. Past
    # that time, a row still "sending" is reconciled, never sent again blindly (mail.py).
    lease_owner = models.CharField(_("sent by worker"), max_length=64, blank=True)
    claimed_until = models.DateTimeField(_("lease ends"), null=True, blank=True)
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
        db_table = "facilitators_outboxemail"  # the table it had before email had its own app
        verbose_name = _("outbox email")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status"], name="outbox_status_idx"),
            models.Index(fields=["next_attempt_at"], name="outbox_next_attempt_idx"),
            models.Index(fields=["claimed_until"], name="outbox_claimed_until_idx"),
        ]
        # Rows are written by the mail code only: staff may look at them and resend them.
        default_permissions = ("view",)
        permissions = [("resend_outboxemail", _("Can resend outbox email"))]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def recipients(self):
        return ", ".join(self.to)

    @property
    def needs_attention(self):
        return self.status in self.NEEDS_ATTENTION

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link

from .message import OrganisationMessage

MESSAGE_MAX_LENGTH = 5000
REPLY_MAX_LENGTH = 10000
REPLY_SUBJECT_MAX_LENGTH = 200


class Enquiry(OrganisationMessage):
    """A message a citizen sent an organisation from its page (or one of its services' pages).

    `organisation` is the page in the language the citizen wrote from; `organisation_key`, the
    translation key its pages share, is what the organisation's admins are matched on, so that
    every language version's people see it and it survives a translation being deleted.
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")

    organisation_key = models.UUIDField(_("organisation"), editable=False)
    organisation = optional_link(
        "directory.OrganisationPage", _("organisation"), related_name="enquiries"
    )
    service = optional_link(
        "directory.ServicePage", _("service or opportunity"), related_name="enquiries"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    consent_at = models.DateTimeField(_("consent given"))
    language = models.CharField(
        _("language"), max_length=12, help_text=_("The language of the page the message came from.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    answered_by = optional_link(settings.AUTH_USER_MODEL, _("answered by"))

    class Meta(OrganisationMessage.Meta):
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        indexes = [
            models.Index(
                fields=["organisation_key", "status", "created_at"],
                name="enquiry_organisation_idx",
            )
        ]

    def __str__(self):
        return f"{self.name} · {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"

    @property
    def page(self):
        """The page the message was sent from: the service's, else the organisation's."""
        return self.service or self.organisation


class EnquiryReply(models.Model):
    """An answer the organisation wrote to a citizen's message in the admin, emailed to the
    citizen through the outbox.

    A row of its own rather than reply fields on the enquiry: an organisation may answer twice
    (a follow-up, a correction, the citizen's reply by email prompting another), and each answer
    keeps its own text, author, time and email (with its delivery status). The enquiry's
    `status`, `answered_at` and `answered_by` still say whether, when and by whom it was first
    answered, as when it is marked answered by hand after a phone call.
    """

    enquiry = models.ForeignKey(
        Enquiry, verbose_name=_("enquiry"), on_delete=models.CASCADE, related_name="replies"
    )
    subject = models.CharField(_("subject"), max_length=REPLY_SUBJECT_MAX_LENGTH)
    body = models.TextField(_("reply"))
    sent_at = models.DateTimeField(_("sent on"), default=timezone.now, editable=False)
    sent_by = optional_link(settings.AUTH_USER_MODEL, _("sent by"))
    outbox_email = optional_link("emails.OutboxEmail", _("email to the person who wrote"))

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["sent_at", "pk"]
        default_permissions = ()  # the enquiry's policy decides (directory/scoped_policy.py)

    def __str__(self):
        return self.subject


__all__ = ["Enquiry", "EnquiryReply"]

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000


class Enquiry(models.Model):
    """A message a citizen sent an organisation from its page (or one of its services' pages).

    `organisation` is the page in the language the citizen wrote from; `organisation_key`, the
    translation key its pages share, is what the organisation's admins are matched on, so that
    every language version's people see it and it survives a translation being deleted.
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")

    organisation_key = models.UUIDField(_("organisation"), editable=False)
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
    )
    service = models.ForeignKey(
        "directory.ServicePage",
        verbose_name=_("service or opportunity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    consent_at = models.DateTimeField(_("consent given"))
    language = models.CharField(
        _("language"), max_length=12, help_text=_("The language of the page the message came from.")
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outbox_email = models.ForeignKey(
        "emails.OutboxEmail",
        verbose_name=_("email to the organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["organisation_key", "status", "created_at"],
                name="enquiry_organisation_idx",
            )
        ]
        # Rows are written by the public form only; who sees them is decided per organisation
        # (directory/enquiry_admin.py), not by model permissions.
        default_permissions = ()

    def __str__(self):
        return f"{self.name} · {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"

    @property
    def page(self):
        """The page the message was sent from: the service's, else the organisation's."""
        return self.service or self.organisation


__all__ = ["Enquiry"]

"""The yearly check: each organisation is asked, once a year, whether its services are still
accurate, and answers each with one link (`freshness.checks`)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link


class Answer(models.TextChoices):
    ACCURATE = "accurate", _("Still accurate")
    CHANGES = "changes", _("Needs changes")
    GONE = "gone", _("No longer offered")


class CheckRequest(models.Model):
    """One yearly email to an organisation asking it to confirm its services."""

    organisation_key = models.UUIDField(_("organisation"), db_index=True)
    organisation = optional_link("directory.OrganisationPage", _("organisation page"))
    language = models.CharField(_("language"), max_length=16)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    email = optional_link("emails.OutboxEmail", _("email"))

    class Meta:
        verbose_name = _("yearly check")
        verbose_name_plural = _("yearly checks")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return f"{self.organisation_key} · {self.sent_at:%Y-%m-%d}"


class CheckAnswer(models.Model):
    """One answer given through one link of a yearly check's email. A link works once."""

    request = models.ForeignKey(CheckRequest, on_delete=models.CASCADE, related_name="answers")
    translation_key = models.UUIDField(_("content"))  # the service's (or the organisation's)
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices)
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)
    contact = optional_link("facilitators.ContactLog", _("contact"))

    class Meta:
        verbose_name = _("yearly check answer")
        verbose_name_plural = _("yearly check answers")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "translation_key", "answer"], name="one_use_per_link"
            )
        ]

    def __str__(self):
        return f"{self.translation_key} {self.answer}"

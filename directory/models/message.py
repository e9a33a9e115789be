from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link


class OrganisationMessage(models.Model):
    """A message written to an organisation through the portal and kept for its people to answer:
    a citizen's enquiry, another organisation's interest in a call.

    Organisations are matched on the translation key their pages share, so that the people of
    every language version see the message and it outlives a deleted translation. Each kind names
    its own key fields: `recipient_key`, the organisation the message is written to (whose people
    answer it), and `reader_keys`, every organisation whose people and facilitators read it.
    """

    recipient_key = "organisation_key"
    reader_keys = ("organisation_key",)

    # The public forms hold the length limits (each kind its own), with their messages.
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent on"), default=timezone.now, editable=False)
    outbox_email = optional_link("emails.OutboxEmail", _("email to the organisation"))

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        # Who reads and answers which is decided per organisation (directory/message_admin.py),
        # not by model permissions.
        default_permissions = ()

"""Bounces and complaints the provider reports (anymail's tracking webhook, served and checked
by emails/webhooks.py) stop the portal's bulk email to the address: `suppress`."""

from anymail.signals import tracking
from django.dispatch import receiver

from .mail import suppress
from .models import Suppression

#: anymail's normalised events that mean: send nothing more to this address.
SUPPRESSING = {
    "bounced": Suppression.Reason.BOUNCED,
    "complained": Suppression.Reason.COMPLAINED,
}


@receiver(tracking, dispatch_uid="subscriptions_suppression")
def suppress_on_bounce_or_complaint(sender, event, esp_name, **kwargs):
    reason = SUPPRESSING.get(event.event_type)
    if reason and event.recipient:
        suppress(event.recipient, reason)

"""Delivery news from the provider: anymail's tracking webhook updates the outbox.

The webhook (/anymail/<provider>/tracking/) is protected by anymail's basic-auth secret,
ANYMAIL["WEBHOOK_SECRET"] ("user:password"); the provider calls it with those credentials.
"""

import logging

from anymail.signals import tracking
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone

from .models import OutboxEmail

logger = logging.getLogger(__name__)

Status = OutboxEmail.Status

#: anymail's normalised event type -> outbox status. Other events (deferred, opened, clicked,
#: queued, sent...) are recorded as the provider's status without changing the outbox status.
EVENT_STATUS = {
    "delivered": Status.DELIVERED,
    "bounced": Status.BOUNCED,
    "complained": Status.COMPLAINED,
    "rejected": Status.REJECTED,
    "failed": Status.FAILED,
}


def emails_with_message_id(message_id):
    """Rows sent with this provider id (several recipients may share a row, see mail.py)."""
    exact = OutboxEmail.objects.filter(provider_message_id=message_id)
    if exact.exists():
        return exact
    return OutboxEmail.objects.filter(
        Q(provider_message_id__startswith=f"{message_id},")
        | Q(provider_message_id__endswith=f",{message_id}")
        | Q(provider_message_id__contains=f",{message_id},")
    )


@receiver(tracking, dispatch_uid="emails_outbox_tracking")
def update_outbox_from_tracking(sender, event, esp_name, **kwargs):
    if not event.message_id:
        return
    event_time = event.timestamp or timezone.now()
    emails = emails_with_message_id(str(event.message_id)).filter(
        # Providers may deliver events out of order: an older event never overrides a newer one.
        Q(provider_event_at__isnull=True) | Q(provider_event_at__lte=event_time)
    )
    changes = {
        "provider_status": event.event_type[:40],
        "provider_event_at": event_time,
        "updated_at": timezone.now(),
    }
    if new_status := EVENT_STATUS.get(event.event_type):
        changes["status"] = new_status
        if new_status in (Status.BOUNCED, Status.REJECTED, Status.FAILED):
            changes["last_error"] = " ".join(
                part for part in (event.description, event.mta_response) if part
            )[:2000]
    updated = emails.update(**changes)
    if not updated:
        logger.info(
            "%s tracking event %s for unknown message %s",
            esp_name,
            event.event_type,
            event.message_id,
        )

"""Delivery news from the provider: anymail's tracking webhook updates the outbox.

Events are matched by the provider's message id, or, for a row whose sender never heard the
provider's answer (its worker died: "sending" or "unknown – check"), by the metadata every
message carries (the row's id and the attempt's lease owner, see mail.py). Any news of such a
message settles it: delivered, bounced... as for any row, and any other event (queued, sent,
deferred, opened...) means the provider took it: "sent".

The webhook (/anymail/<provider>/tracking/) is protected by anymail's basic-auth secret,
ANYMAIL["WEBHOOK_SECRET"] ("user:password"); the provider calls it with those credentials.
"""

import logging

from anymail.signals import tracking
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone

from .mail import OUTBOX_ATTEMPT, OUTBOX_ID
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


#: Rows whose sender does not know whether the provider took them.
UNSETTLED = (Status.SENDING, Status.UNKNOWN)


def emails_with_metadata(metadata):
    """The row and attempt named by the metadata the portal sent, if it is still unsettled."""
    metadata = metadata or {}
    email_id, attempt = str(metadata.get(OUTBOX_ID, "")), str(metadata.get(OUTBOX_ATTEMPT, ""))
    if not (email_id.isdigit() and attempt):
        return OutboxEmail.objects.none()
    return OutboxEmail.objects.filter(pk=int(email_id), lease_owner=attempt, status__in=UNSETTLED)


def settle_unsettled(event, event_time):
    """A "sending"/"unknown" row the event is about: the provider took it. Returns how many."""
    unsettled = emails_with_metadata(event.metadata)
    if not unsettled.exists():
        return 0
    changes = {"claimed_until": None, "updated_at": timezone.now()}
    if event.message_id:
        changes["provider_message_id"] = str(event.message_id)[:255]
    if event.event_type != "unknown":
        status = EVENT_STATUS.get(event.event_type, Status.SENT)
        changes.update(status=status, sent_at=event_time, last_error="")
    return unsettled.update(**changes)


@receiver(tracking, dispatch_uid="emails_outbox_tracking")
def update_outbox_from_tracking(sender, event, esp_name, **kwargs):
    event_time = event.timestamp or timezone.now()
    settled = settle_unsettled(event, event_time)
    if not event.message_id:
        return
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
    if not (updated or settled):
        logger.info(
            "%s tracking event %s for unknown message %s",
            esp_name,
            event.event_type,
            event.message_id,
        )

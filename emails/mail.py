"""Sending email: write it to the outbox, send it after the transaction commits, retry on failure.

    email = send_templated_email(
        "welcome", to=[organisation.email], language="it",
        context={"organisation_name": organisation.title}, organisation=organisation,
    )

Nothing is sent if the caller's transaction rolls back, and nothing the user did is lost if the
provider is down: the row stays in the outbox, waiting to retry, and `send_queued_email` (a cron
job, every minute) sends whatever is due.
"""

import datetime
import logging
from functools import partial

from anymail.exceptions import (
    AnymailInvalidAddress,
    AnymailRecipientsRefused,
    AnymailSerializationError,
    AnymailUnsupportedFeature,
)
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.utils import timezone
from django_tasks import task

from .default_templates import default_text
from .models import EmailTemplate, OutboxEmail
from .placeholders import fill_placeholders, global_values

#: Sent when a message is written to the outbox, in the transaction that wrote it (`email`).
email_queued = Signal()

logger = logging.getLogger(__name__)

Status = OutboxEmail.Status

#: Minutes to wait before the 1st, 2nd, ... retry; the last value repeats.
RETRY_BACKOFF_MINUTES = (1, 5, 30, 120, 720)
DEFAULT_MAX_ATTEMPTS = 6
#: A row left in "sending" longer than this (a worker died) is sent again.
STUCK_SENDING_AFTER = datetime.timedelta(minutes=15)

#: Errors that will not go away by trying again: the message itself is wrong.
PERMANENT_ERRORS = (
    AnymailRecipientsRefused,
    AnymailInvalidAddress,
    AnymailUnsupportedFeature,
    AnymailSerializationError,
)
#: Provider statuses meaning that no recipient will get the message.
REFUSED_STATUSES = {"rejected", "invalid"}


def max_attempts():
    return getattr(settings, "PORTAL_EMAIL_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)


def retry_delay(attempts):
    """How long to wait after the `attempts`-th failed attempt."""
    index = min(max(attempts, 1), len(RETRY_BACKOFF_MINUTES)) - 1
    return datetime.timedelta(minutes=RETRY_BACKOFF_MINUTES[index])


# Queueing -------------------------------------------------------------------------------------


def queue_email(
    *, to, subject, body, reply_to=None, language="", template_key="", organisation=None
):
    """Write a message to the outbox and send it once the current transaction commits."""
    email = OutboxEmail.objects.create(
        to=_address_list(to),
        reply_to=_address_list(reply_to or []),
        from_email=settings.DEFAULT_FROM_EMAIL,
        subject=" ".join(subject.split()),  # a header: no line breaks
        body_text=body,
        language=language or "",
        template_key=template_key or "",
        organisation=organisation,
    )
    schedule_send(email.pk)
    email_queued.send(sender=OutboxEmail, email=email)
    return email


def schedule_send(email_id, run_after=None):
    """Enqueue the send task after the current transaction commits (at once outside one)."""
    transaction.on_commit(partial(enqueue_send, email_id, run_after=run_after), robust=True)


def enqueue_send(email_id, run_after=None):
    """Hand the row to the task backend. If that fails, the cron job picks the row up later."""
    send_task = send_outbox_email
    if run_after is not None:
        if not send_task.get_backend().supports_defer:
            return None  # left for send_queued_email
        send_task = send_task.using(run_after=run_after)
    try:
        return send_task.enqueue(email_id)
    except Exception:
        logger.exception("Could not enqueue outbox email %s; the cron job will send it", email_id)
        return None


def _address_list(addresses):
    if isinstance(addresses, str):
        addresses = [addresses]
    return [address for address in (str(a).strip() for a in addresses) if address]


# Templates ------------------------------------------------------------------------------------


def default_context():
    """Values every template may use (see `placeholders.global_values`)."""
    return global_values()


def render_template(key, language, context):
    """(subject, body) of template `key` in `language`, else English, with placeholders filled.

    Unknown placeholders and stray braces in the staff-written text are left as written.
    """
    templates = EmailTemplate.objects.filter(key=key).select_related("locale")
    by_language = {template.locale.language_code: template for template in templates}
    template = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
    if template is not None:
        subject, body = template.subject, template.body
    else:
        subject, body = default_text(key, language)
    values = {**default_context(), **context}
    return fill_placeholders(subject, values), fill_placeholders(body, values)


def send_templated_email(key, *, to, language, context, organisation=None, reply_to=None):
    """Render template `key` in `language` and queue it (see `queue_email`)."""
    subject, body = render_template(key, language, context)
    return queue_email(
        to=to,
        subject=subject,
        body=body,
        reply_to=reply_to,
        language=language,
        template_key=key,
        organisation=organisation,
    )


# Sending --------------------------------------------------------------------------------------


def claim(email_id):
    """Mark the row "sending" if it is waiting and due. Only one worker can win."""
    now = timezone.now()
    claimed = (
        OutboxEmail.objects.filter(pk=email_id, status__in=[Status.QUEUED, Status.RETRYING])
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(status=Status.SENDING, attempts=F("attempts") + 1, updated_at=now)
    )
    return claimed == 1


@task()
def send_outbox_email(email_id):
    """Send one outbox row through Django's email backend (anymail). Returns its new status."""
    if not claim(email_id):
        return None  # already sent, being sent by another worker, or not due yet
    email = OutboxEmail.objects.get(pk=email_id)
    message = EmailMessage(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=email.to,
        reply_to=email.reply_to or None,
    )
    try:
        message.send()
    except PERMANENT_ERRORS as error:
        _record_status(email, message)
        _fail(email, error)
    except Exception as error:  # AnymailError, connection errors (OSError) and anything else
        logger.warning("Outbox email %s: attempt %s failed: %r", email.pk, email.attempts, error)
        _retry_or_fail(email, error)
    else:
        _record_status(email, message)
        statuses = getattr(getattr(message, "anymail_status", None), "status", None)
        if statuses and statuses <= REFUSED_STATUSES:
            _fail(email, "The provider refused every recipient.")
        else:
            email.status = Status.SENT
            email.sent_at = timezone.now()
            email.next_attempt_at = None
            email.last_error = ""
            _save(email)
    return email.status


def _save(email):
    """Save what sending changes, and nothing else (a webhook may be writing to the row)."""
    email.save(
        update_fields=[
            "status",
            "sent_at",
            "next_attempt_at",
            "last_error",
            "provider_message_id",
            "provider_status",
            "updated_at",
        ]
    )


def _record_status(email, message):
    status = getattr(message, "anymail_status", None)
    if status is None or status.status is None:
        return
    message_id = status.message_id
    if isinstance(message_id, set):  # one id per recipient: keep them all, sorted
        message_id = ",".join(sorted(str(i) for i in message_id if i is not None))
    email.provider_message_id = "" if message_id is None else str(message_id)
    email.provider_status = ",".join(sorted(status.status))


def _fail(email, error):
    email.status = Status.FAILED
    email.next_attempt_at = None
    email.last_error = str(error)
    _save(email)


def _retry_or_fail(email, error):
    email.last_error = f"{type(error).__name__}: {error}"
    if email.attempts >= max_attempts():
        email.status = Status.FAILED
        email.next_attempt_at = None
        _save(email)
        return
    email.status = Status.RETRYING
    email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
    _save(email)
    schedule_send(email.pk, run_after=email.next_attempt_at)


def resend(email):
    """Send an outbox row again, whatever happened to it before (the admin's "Resend").

    Returns False, changing nothing, while the row is being sent.
    """
    updated = (
        OutboxEmail.objects.filter(pk=email.pk)
        .exclude(status=Status.SENDING)
        .update(
            status=Status.QUEUED,
            attempts=0,
            next_attempt_at=None,
            last_error="",
            updated_at=timezone.now(),
        )
    )
    if updated:
        schedule_send(email.pk)
    return bool(updated)


def due_emails(now=None):
    """Rows waiting to be sent whose time has come."""
    now = now or timezone.now()
    return OutboxEmail.objects.filter(status__in=[Status.QUEUED, Status.RETRYING]).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def stuck_emails(now=None):
    """Rows left in "sending" for too long: the worker that claimed them has died."""
    now = now or timezone.now()
    return OutboxEmail.objects.filter(
        status=Status.SENDING, updated_at__lt=now - STUCK_SENDING_AFTER
    )


def overdue_emails(late_after, now=None):
    """Rows due for longer than `late_after` and still not sent, and rows stuck in "sending":
    nothing drains the outbox (no worker, or no `send_queued_email` schedule), or the provider
    refuses everything. /healthz counts them."""
    now = now or timezone.now()
    since = now - late_after
    late = due_emails(since).filter(Q(next_attempt_at__isnull=False) | Q(created_at__lte=since))
    return late | stuck_emails(now)


def release_stuck(email_id, now=None):
    """Put a stuck row back in line (or fail it, out of attempts). False if it finished since."""
    now = now or timezone.now()
    stuck = stuck_emails(now).filter(pk=email_id)
    if stuck.filter(attempts__gte=max_attempts()).update(
        status=Status.FAILED, last_error="Interrupted while sending.", updated_at=now
    ):
        return False
    return bool(stuck.update(status=Status.RETRYING, next_attempt_at=now, updated_at=now))

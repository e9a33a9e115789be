"""Sending email: write it to the outbox, send it after the transaction commits, retry on failure.

    email = send_templated_email(
        "welcome", to=[organisation.email], language="it",
        context={"organisation_name": organisation.title}, organisation=organisation,
    )

Nothing is sent if the caller's transaction rolls back, and nothing the user did is lost if the
provider is down: the row stays in the outbox, waiting to retry, and `send_queued_email` (a cron
job, every minute) sends whatever is due. Django's and Wagtail's own mail (password reset,
moderation notifications) is written here too, by EMAIL_BACKEND (`emails.backends`).

Exactly once: a worker takes a row under a lease (`claim`: SELECT ... FOR UPDATE SKIP LOCKED,
then "sending" with a lease owner and end, committed before the provider is called). A row
whose lease ran out while "sending" (the worker died, or the provider never answered) is never
sent again blindly: the provider's tracking webhook settles it (every message carries the row's
id and the attempt's lease owner as anymail `metadata`, which providers return with their
events), and until it does, it is "unknown – check", for staff to look up in the provider's log
and resend if it never left. anymail exposes no idempotency key for any provider it supports
(15.x), so the lease and the reconciliation are the portal's own.
"""

import datetime
import logging
import uuid
from functools import partial

from anymail.exceptions import (
    AnymailInvalidAddress,
    AnymailRecipientsRefused,
    AnymailSerializationError,
    AnymailUnsupportedFeature,
)
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.html import strip_tags
from django_tasks import task
from requests.exceptions import ReadTimeout

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
DEFAULT_LEASE_MINUTES = 15
#: The metadata keys every message carries to the provider, and back in its tracking events.
OUTBOX_ID, OUTBOX_ATTEMPT = "outbox_id", "outbox_attempt"

#: Functions of (a bulk email's recipients) giving why they must not receive it ("" if they may):
#: registered by the apps that know (`register_suppression_check`), asked at sending time.
SUPPRESSION_CHECKS = []


def register_suppression_check(check):
    """Have `check(addresses)` asked before each bulk email is sent: a reason (text) stops it.

    The apps that keep who must not receive bulk email (subscriptions: bounces and complaints)
    sit above this one; they register here (their `AppConfig.ready`), so that an address
    suppressed after an email was queued still stops it."""
    if check not in SUPPRESSION_CHECKS:
        SUPPRESSION_CHECKS.append(check)


def suppression_reason(email):
    """Why a bulk email must not go ("" when it may)."""
    if not email.bulk:
        return ""
    addresses = [*email.to, *email.cc, *email.bcc]
    for check in SUPPRESSION_CHECKS:
        if reason := check(addresses):
            return str(reason)
    return ""


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


def lease_duration():
    """How long a worker may take to send one message before its row is reconciled."""
    minutes = getattr(settings, "PORTAL_EMAIL_LEASE_MINUTES", DEFAULT_LEASE_MINUTES)
    return datetime.timedelta(minutes=minutes)


def retry_delay(attempts):
    """How long to wait after the `attempts`-th failed attempt."""
    index = min(max(attempts, 1), len(RETRY_BACKOFF_MINUTES)) - 1
    return datetime.timedelta(minutes=RETRY_BACKOFF_MINUTES[index])


# Queueing -------------------------------------------------------------------------------------


def queue_email(
    *,
    to,
    subject,
    body,
    reply_to=None,
    language="",
    template_key="",
    organisation=None,
    cc=None,
    bcc=None,
    from_email=None,
    body_html="",
    headers=None,
    bulk=False,
    about="",
):
    """Write a message to the outbox and send it once the current transaction commits.

    `bulk`: an email to a subscriber, which an address suppressed before it leaves stops.
    `about`: whose personal data it carries beside its recipients (see `forget_about`)."""
    email = OutboxEmail.objects.create(
        to=_address_list(to),
        cc=_address_list(cc or []),
        bcc=_address_list(bcc or []),
        reply_to=_address_list(reply_to or []),
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=" ".join(subject.split()),  # a header: no line breaks
        body_text=body,
        body_html=body_html or "",
        headers={str(k): str(v) for k, v in (headers or {}).items()},
        language=language or "",
        template_key=template_key or "",
        organisation=organisation,
        bulk=bulk,
        about=about,
    )
    schedule_send(email.pk)
    email_queued.send(sender=OutboxEmail, email=email)
    return email


def forget_about(*people):
    """Delete the outbox's messages about these people (`about` values), sent or not: their
    copies of a person's data go with it. Returns how many were deleted."""
    deleted, _by_model = OutboxEmail.objects.filter(about__in=people).delete()
    return deleted


def queue_message(message, language=""):
    """Write a Django `EmailMessage` (Django's, Wagtail's, a library's) to the outbox.

    The outbox keeps text, HTML, recipients and headers; a message with attachments is refused
    (ValueError) rather than sent without them. A message without recipients is not written.
    """
    if message.attachments:
        raise ValueError("The outbox does not keep attachments.")
    if not message.recipients():
        return None
    text, html = message.body or "", ""
    if message.content_subtype == "html":
        text, html = strip_tags(text), text
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html" and not html:
            html = content
    return queue_email(
        to=message.to,
        cc=message.cc,
        bcc=message.bcc,
        reply_to=message.reply_to,
        from_email=message.from_email,
        subject=str(message.subject),
        body=text,
        body_html=html,
        headers=message.extra_headers,
        language=language,
    )


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


class TemplateTexts:
    """Template `key` in every language, read in one query: to write it to many people."""

    def __init__(self, key):
        self.key = key
        templates = EmailTemplate.objects.filter(key=key).select_related("locale")
        self.by_language = {template.locale.language_code: template for template in templates}

    def render(self, language, context):
        """(subject, body) in `language`, else English, with placeholders filled.

        Unknown placeholders and stray braces in the staff-written text are left as written.
        """
        by_language = self.by_language
        template = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
        if template is not None:
            subject, body = template.subject, template.body
        else:
            subject, body = default_text(self.key, language)
        values = {**default_context(), **context}
        return fill_placeholders(subject, values), fill_placeholders(body, values)


def render_template(key, language, context):
    """(subject, body) of template `key` in `language`, else English, with placeholders filled
    (`TemplateTexts.render`)."""
    return TemplateTexts(key).render(language, context)


def send_templated_email(key, *, to, language, context, organisation=None, reply_to=None, about=""):
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
        about=about,
    )


# Sending --------------------------------------------------------------------------------------


def provider_connection():
    """The provider's backend (PORTAL_EMAIL_PROVIDER_BACKEND): only the outbox's sender uses it."""
    backend = settings.PORTAL_EMAIL_PROVIDER_BACKEND
    if backend == settings.EMAIL_BACKEND:
        raise ImproperlyConfigured(
            "PORTAL_EMAIL_PROVIDER_BACKEND must be the provider's backend, not EMAIL_BACKEND "
            "(the outbox): the outbox would write each message to itself again."
        )
    return get_connection(backend)


def claim(email_id, now=None):
    """Take the row for one attempt, if it is waiting and due: mark it "sending" under a lease
    (a new owner token, an end time) and commit that before anything is sent. Returns the row,
    or None when another worker has it, it is not due, or it left already."""
    now = now or timezone.now()
    owner = uuid.uuid4().hex
    with transaction.atomic():
        email = due_emails(now).filter(pk=email_id).select_for_update(skip_locked=True).first()
        # The conditional update is the guard where rows cannot be locked (SQLite).
        taken = (
            email is not None
            and due_emails(now)
            .filter(pk=email_id)
            .update(
                status=Status.SENDING,
                attempts=F("attempts") + 1,
                lease_owner=owner,
                claimed_until=now + lease_duration(),
                updated_at=now,
            )
            == 1
        )
    if not taken:
        return None
    return OutboxEmail.objects.get(pk=email_id)


def provider_message(email, connection=None):
    """The row as a message for the provider, tagged with the row and the attempt."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=email.to,
        cc=email.cc or None,
        bcc=email.bcc or None,
        reply_to=email.reply_to or None,
        headers=email.headers or None,
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    message.metadata = {OUTBOX_ID: str(email.pk), OUTBOX_ATTEMPT: email.lease_owner}
    return message


def may_have_left(error):
    """Whether the provider may have taken the message although the call failed: it timed out
    waiting for the answer, after the request was sent."""
    return isinstance(error.__cause__, ReadTimeout) or isinstance(error, ReadTimeout)


@task()
def send_outbox_email(email_id):
    """Send one outbox row through the provider (anymail). Returns its new status."""
    connection = provider_connection()  # a wrong configuration leaves the row waiting
    email = claim(email_id)
    if email is None:
        return None  # already sent, being sent by another worker, or not due yet
    if reason := suppression_reason(email):
        email.status = Status.SUPPRESSED
        email.next_attempt_at = None
        email.last_error = reason
        _save(email)
        return email.status
    message = provider_message(email, connection=connection)
    try:
        _send(message)
    except PERMANENT_ERRORS as error:
        _record_status(email, message)
        _fail(email, error)
    except Exception as error:  # AnymailError, connection errors (OSError) and anything else
        logger.warning("Outbox email %s: attempt %s failed: %r", email.pk, email.attempts, error)
        if may_have_left(error):
            _unknown(email, f"{type(error).__name__}: {error}")
        else:
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


def _send(message):
    """Send through the provider; one without metadata (anymail's Postal backend) gets the
    message without it, its events then matched by the provider's message id only. anymail
    refuses an unsupported feature before calling the provider: nothing left the first time."""
    try:
        message.send()
    except AnymailUnsupportedFeature as error:
        if "metadata" not in str(error):
            raise
        del message.metadata
        message.send()


def _save(email):
    """Record the attempt's outcome, if the attempt still holds the row (its lease owner): a
    lease that ran out made it "unknown", which this answer settles. When the provider's
    webhook got there first (delivered, bounced...), its status stays; only what this answer
    alone knows (the provider's id) is added."""
    fields = {
        "status": email.status,
        "sent_at": email.sent_at,
        "next_attempt_at": email.next_attempt_at,
        "last_error": email.last_error,
        "provider_message_id": email.provider_message_id,
        "provider_status": email.provider_status,
        "claimed_until": None,
        "updated_at": timezone.now(),
    }
    attempt = OutboxEmail.objects.filter(pk=email.pk, lease_owner=email.lease_owner)
    if attempt.filter(status__in=[Status.SENDING, Status.UNKNOWN]).update(**fields):
        return True
    attempt.filter(provider_message_id="").update(
        provider_message_id=email.provider_message_id, sent_at=email.sent_at
    )
    return False


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


def _unknown(email, reason):
    email.status = Status.UNKNOWN
    email.next_attempt_at = None
    email.last_error = str(reason)
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
    if _save(email):
        schedule_send(email.pk, run_after=email.next_attempt_at)


def resend(email):
    """Send an outbox row again, whatever happened to it before (the admin's "Resend"), an
    "unknown" one included: staff have checked that it never left.

    Returns False, changing nothing, while the row is being sent under a lease.
    """
    updated = (
        OutboxEmail.objects.filter(pk=email.pk)
        .exclude(status=Status.SENDING)
        .update(
            status=Status.QUEUED,
            attempts=0,
            next_attempt_at=None,
            last_error="",
            lease_owner="",
            claimed_until=None,
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


def expired_leases(now=None):
    """Rows still "sending" after their lease: the worker died, or the provider never answered."""
    now = now or timezone.now()
    return OutboxEmail.objects.filter(status=Status.SENDING).filter(
        Q(claimed_until__lt=now)
        | Q(claimed_until__isnull=True, updated_at__lt=now - lease_duration())
    )


#: What staff read on a row whose sending was interrupted.
INTERRUPTED = (
    "The sending was interrupted before the provider answered: it may or may not have left. "
    "The provider's delivery events settle it; otherwise check the provider's log, and resend "
    "only if it is not there."
)


def reconcile_expired(now=None):
    """Mark the rows whose lease ran out "unknown – check", never sending them again: whether
    the provider took them is for its webhook (or staff) to say. Returns how many."""
    now = now or timezone.now()
    return expired_leases(now).update(
        status=Status.UNKNOWN, last_error=INTERRUPTED, next_attempt_at=None, updated_at=now
    )


def overdue_emails(late_after, now=None):
    """Rows due for longer than `late_after` and still not sent, and rows "sending" past their
    lease: nothing drains the outbox (no worker, or no `send_queued_email` schedule), or the
    provider refuses everything. /healthz counts them. Rows "unknown – check" are staff's to
    settle (the outbox screen lists them), not a backlog."""
    now = now or timezone.now()
    since = now - late_after
    late = due_emails(since).filter(Q(next_attempt_at__isnull=False) | Q(created_at__lte=since))
    return late | expired_leases(now)

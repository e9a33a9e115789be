"""Sending an issue: one outbox row per confirmed newsletter subscriber whose address is not
suppressed, in their language, written in batches by a background task.

Never twice: each copy is a `NewsletterDelivery` row (unique per sending and subscriber), written
in the same transaction as its outbox row. Resumable: the subscribers are taken in the order of
their ids, and each batch moves the sending's cursor past its last one, in that transaction too;
a run that stops (its worker died, an error) leaves the batches it finished, and the next run
(`send_due_newsletters`, or "Send now" again) continues after them. Batches of the same sending
take its row's lock, so two runs at once cannot write the same subscriber.

The outbox rows are left for the outbox's own sending: `send_queued_email`, every minute, hands
the due rows to the sending task, at most its `--limit` a run. Rather than one task per row
enqueued at once (50,000 rows waiting past the health check's patience), each row is due at its
turn, PORTAL_NEWSLETTER_EMAILS_PER_MINUTE a minute from the start of the sending.
"""

import datetime
import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_tasks import task

from emails.models import OutboxEmail
from subscriptions.mail import unsubscribe_headers
from subscriptions.models import Kind, Subscription, Suppression, address_hash

from .emails import render_issue
from .models import NewsletterDelivery, NewsletterIssuePage, NewsletterSending

logger = logging.getLogger(__name__)

Status = NewsletterSending.Status

#: A sending "sending" untouched this long lost its run: send_due_newsletters starts another.
STALLED_AFTER = datetime.timedelta(minutes=10)


def batch_size():
    return settings.PORTAL_NEWSLETTER_BATCH_SIZE


def emails_per_minute():
    return max(1, settings.PORTAL_NEWSLETTER_EMAILS_PER_MINUTE)


def newsletter_subscriptions():
    """The confirmed subscribers' newsletter subscriptions (suppression is checked per batch)."""
    return Subscription.objects.filter(kind=Kind.NEWSLETTER, subscriber__confirmed_at__isnull=False)


class NotLive(Exception):
    """The issue has no live version to send: it is sent once it is published again."""


def sending_for(issue):
    return NewsletterSending.objects.filter(translation_key=issue.translation_key).first()


def is_live(translation_key):
    return NewsletterIssuePage.objects.live().filter(translation_key=translation_key).exists()


def start(issue, user=None):
    """Start (or resume) sending `issue` in every language; the task runs once this commits.
    Returns the sending, or None when the issue has no live version."""
    if not is_live(issue.translation_key):
        return None
    now = timezone.now()
    with transaction.atomic():
        sending, _created = NewsletterSending.objects.select_for_update().get_or_create(
            translation_key=issue.translation_key, defaults={"status": Status.SENDING}
        )
        if sending.status == Status.SENT:
            return sending
        sending.status = Status.SENDING
        sending.scheduled_for = None
        if sending.started_at is None:
            sending.started_at = now
            sending.total = newsletter_subscriptions().count()
        sending.requested_by = sending.requested_by or user
        sending.save()
        transaction.on_commit(lambda: enqueue(sending.pk), robust=True)
    return sending


def schedule(issue, when, user=None):
    """Send `issue` at `when` (send_due_newsletters starts it). None once it has started."""
    with transaction.atomic():
        sending, _created = NewsletterSending.objects.select_for_update().get_or_create(
            translation_key=issue.translation_key, defaults={"status": Status.SCHEDULED}
        )
        if sending.status not in (Status.SCHEDULED,) and not _created:
            return None
        sending.status = Status.SCHEDULED
        sending.scheduled_for = when
        sending.requested_by = user
        sending.save()
    return sending


def cancel_schedule(issue):
    return NewsletterSending.objects.filter(
        translation_key=issue.translation_key, status=Status.SCHEDULED
    ).delete()[0]


def enqueue(sending_id):
    """Hand the sending to the task backend; if that fails, send_due_newsletters resumes it."""
    try:
        return send_newsletter.enqueue(sending_id)
    except Exception:
        logger.exception("Could not enqueue newsletter sending %s; it will be resumed", sending_id)
        return None


@task()
def send_newsletter(sending_id):
    """Write the sending's outbox rows, batch after batch, until every subscriber has one.
    Returns how many this run wrote."""
    renderings = {}
    written = 0
    try:
        while (count := write_batch(sending_id, renderings)) is not None:
            written += count
    except NotLive:
        logger.warning("Newsletter sending %s stopped: the issue is not live", sending_id)
    return written


def rendering(renderings, translation_key, language):
    """The issue's email for readers of `language` (its live version in that language, else in
    English, else any), rendered once per run."""
    if language not in renderings:
        versions = {
            page.locale.language_code: page
            for page in NewsletterIssuePage.objects.live()
            .filter(translation_key=translation_key)
            .select_related("locale")
            .order_by("pk")
        }
        version = (
            versions.get(language)
            or versions.get(settings.LANGUAGE_CODE)
            or next(iter(versions.values()), None)
        )
        if version is None:
            raise NotLive(translation_key)
        renderings[language] = render_issue(version, language)
    return renderings[language]


def write_batch(sending_id, renderings, size=None):
    """Write the next batch of the sending's copies in one transaction. Returns how many were
    written, or None when there is nothing left (the sending is then marked sent)."""
    size = size or batch_size()
    with transaction.atomic():
        sending = NewsletterSending.objects.select_for_update().get(pk=sending_id)
        if sending.status != Status.SENDING:
            return None
        already = NewsletterDelivery.objects.filter(
            sending=sending, subscriber_id=OuterRef("subscriber_id")
        )
        batch = list(
            newsletter_subscriptions()
            .filter(subscriber_id__gt=sending.cursor)
            .exclude(Exists(already))
            .select_related("subscriber")
            .order_by("subscriber_id")[:size]
        )
        if not batch:
            sending.status = Status.SENT
            sending.finished_at = timezone.now()
            sending.save(update_fields=["status", "finished_at", "updated_at"])
            return None
        hashes = {s.pk: address_hash(s.subscriber.email) for s in batch}
        suppressed = set(
            Suppression.objects.filter(address_hash__in=hashes.values()).values_list(
                "address_hash", flat=True
            )
        )
        now = timezone.now()
        per_minute = emails_per_minute()
        emails, deliveries = [], []
        for subscription in batch:
            if hashes[subscription.pk] in suppressed:
                continue
            subscriber = subscription.subscriber
            email = rendering(renderings, sending.translation_key, subscriber.language)
            unsubscribe_url, manage_url = email.links_for(subscriber, subscription)
            text, html = email.for_subscriber(unsubscribe_url, manage_url)
            turn = sending.started_at + datetime.timedelta(
                minutes=(sending.written + len(emails)) // per_minute
            )
            emails.append(
                OutboxEmail(
                    to=[subscriber.email],
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    subject=email.subject,
                    body_text=text,
                    body_html=html,
                    headers=unsubscribe_headers(unsubscribe_url),
                    language=subscriber.language,
                    status=OutboxEmail.Status.QUEUED,
                    next_attempt_at=max(turn, now),
                    # Not sent to an address that bounces or complains after this is written.
                    bulk=True,
                )
            )
            deliveries.append(
                NewsletterDelivery(sending=sending, subscriber=subscriber, language=email.language)
            )
        write_emails(emails)
        for delivery, email in zip(deliveries, emails, strict=True):
            delivery.email = email
        NewsletterDelivery.objects.bulk_create(deliveries)
        sending.cursor = batch[-1].subscriber_id
        sending.written += len(emails)
        sending.save(update_fields=["cursor", "written", "updated_at"])
    return len(emails)


def write_emails(emails):
    """Insert the outbox rows, giving each its id: `bulk_create`, or on PostgreSQL its COPY,
    which takes the large texts of thousands of emails without quoting them into a statement
    (several times faster for a newsletter's batches)."""
    if connection.vendor != "postgresql" or not emails:
        OutboxEmail.objects.bulk_create(emails)
        return
    meta = OutboxEmail._meta
    table = connection.ops.quote_name(meta.db_table)
    fields = meta.concrete_fields
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(emails)],
        )
        for email, (pk,) in zip(emails, cursor.fetchall(), strict=True):
            email.pk = pk
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for email in emails:
                copy.write_row(
                    [
                        field.get_db_prep_save(field.pre_save(email, add=True), connection)
                        for field in fields
                    ]
                )


def run_due(now=None):
    """Start the scheduled sendings whose time has come (and whose issue is live), and resume
    those whose run stopped. Returns (started, resumed)."""
    now = now or timezone.now()
    started = resumed = 0
    for sending in NewsletterSending.objects.filter(
        status=Status.SCHEDULED, scheduled_for__lte=now
    ):
        issue = NewsletterIssuePage.objects.filter(translation_key=sending.translation_key).first()
        if issue is not None and start(issue, sending.requested_by) is not None:
            started += 1
    for sending in NewsletterSending.objects.filter(
        status=Status.SENDING, updated_at__lt=now - STALLED_AFTER
    ):
        transaction.on_commit(lambda pk=sending.pk: enqueue(pk), robust=True)
        resumed += 1
    return started, resumed

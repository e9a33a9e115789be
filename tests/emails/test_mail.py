"""Every message goes through the outbox: sent after commit, retried on failure, never lost."""

import datetime
from io import StringIO

import pytest
from anymail.exceptions import AnymailAPIError
from anymail.message import AnymailRecipientStatus
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend

from emails.mail import claim, queue_email, send_outbox_email
from emails.models import OutboxEmail

pytestmark = pytest.mark.django_db

Status = OutboxEmail.Status


def queue(**overrides):
    return queue_email(
        **{
            "to": ["maria@coop.example.org"],
            "subject": "Your profile",
            "body": "Hello Maria.",
            "reply_to": ["facilitator@morethanajob.example"],
            "language": "it",
            **overrides,
        }
    )


def make_due(email):
    """Let the clock reach the row's next attempt."""
    OutboxEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_queued_email_is_sent_once_the_transaction_commits(on_commit, mailoutbox):
    with on_commit():
        email = queue()
        assert OutboxEmail.objects.get().status == Status.QUEUED
        assert mailoutbox == []  # nothing leaves before the commit

    email.refresh_from_db()
    assert email.status == Status.SENT
    assert email.attempts == 1
    assert email.sent_at is not None
    [message] = mailoutbox
    assert message.to == ["maria@coop.example.org"]
    assert message.anymail_test_params["subject"] == "Your profile"
    assert message.anymail_test_params["text_body"] == "Hello Maria."
    assert [a.addr_spec for a in message.anymail_test_params["reply_to"]] == [
        "facilitator@morethanajob.example"
    ]
    assert message.anymail_status.status == {"sent"}
    assert email.provider_message_id == str(message.anymail_status.message_id)
    assert email.provider_status == "sent"


def test_nothing_is_queued_or_sent_when_the_transaction_rolls_back(on_commit, mailoutbox):
    with on_commit() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError("the registration failed")

    assert callbacks == []
    assert not OutboxEmail.objects.exists()
    assert mailoutbox == []


def test_a_provider_outage_is_retried_later_by_the_cron_job(provider, on_commit, mailoutbox):
    provider.append(AnymailAPIError("Postmark API response 503: Service Unavailable"))
    before = timezone.now()
    with on_commit():
        email = queue()

    email.refresh_from_db()
    assert email.status == Status.RETRYING
    assert email.attempts == 1
    assert "503" in email.last_error
    assert before + datetime.timedelta(minutes=1) <= email.next_attempt_at
    assert email.next_attempt_at <= timezone.now() + datetime.timedelta(minutes=1)

    # Not due yet: the cron job leaves it alone.
    call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == Status.RETRYING

    make_due(email)
    with on_commit():
        call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == Status.SENT
    assert email.attempts == 2
    assert email.last_error == ""
    assert mailoutbox[-1].anymail_status.status == {"sent"}


def test_each_retry_waits_longer_and_the_last_one_gives_up(provider, on_commit, settings):
    settings.PORTAL_EMAIL_MAX_ATTEMPTS = 3
    provider.extend(AnymailAPIError("timeout") for _ in range(3))
    with on_commit():
        email = queue()
    email.refresh_from_db()
    first_wait = email.next_attempt_at - email.updated_at

    make_due(email)
    with on_commit():
        call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == Status.RETRYING
    assert email.next_attempt_at - email.updated_at > first_wait

    make_due(email)
    with on_commit():
        call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == Status.FAILED
    assert email.attempts == 3
    assert email.next_attempt_at is None


def test_a_refused_recipient_fails_at_once_without_retry(provider, on_commit):
    provider.append(
        {
            "recipient_status": {
                "maria@coop.example.org": AnymailRecipientStatus(message_id=None, status="rejected")
            }
        }
    )
    with on_commit():
        email = queue()

    email.refresh_from_db()
    assert email.status == Status.FAILED
    assert email.attempts == 1
    assert email.next_attempt_at is None
    assert email.provider_status == "rejected"
    call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == Status.FAILED


def test_dry_run_lists_what_is_due_and_sends_nothing(mailoutbox):
    email = OutboxEmail.objects.create(
        to=["maria@coop.example.org"], subject="Waiting", body_text="…"
    )
    OutboxEmail.objects.create(
        to=["later@coop.example.org"],
        subject="Later",
        body_text="…",
        status=Status.RETRYING,
        next_attempt_at=timezone.now() + datetime.timedelta(hours=1),
    )
    out = StringIO()
    call_command("send_queued_email", "--dry-run", stdout=out)
    assert f"would send #{email.pk}" in out.getvalue()
    assert "Later" not in out.getvalue()
    email.refresh_from_db()
    assert email.status == Status.QUEUED
    assert mailoutbox == []


def test_only_one_worker_can_claim_a_message():
    email = OutboxEmail.objects.create(to=["a@example.org"], subject="s", body_text="b")
    assert claim(email.pk) is not None
    assert claim(email.pk) is None
    # A task for a row already taken does nothing.
    assert send_outbox_email.call(email.pk) is None


def test_a_backend_that_can_defer_gets_the_retry_scheduled(provider, on_commit, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with on_commit():
        email = queue()
    [queued] = default_task_backend.results
    assert queued.args == [email.pk] and queued.task.run_after is None

    provider.append(AnymailAPIError("503"))
    with on_commit():
        send_outbox_email.call(email.pk)
    email.refresh_from_db()
    retry = default_task_backend.results[-1]
    assert retry.args == [email.pk]
    assert retry.task.run_after == email.next_attempt_at

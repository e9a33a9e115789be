"""A worker killed while sending never makes the message go twice: the row waits, under its
lease, then for the provider's word or staff's; it is never sent again blindly."""

import datetime

import pytest
from anymail.backends import test as anymail_test
from anymail.exceptions import AnymailRequestsAPIError
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from requests.exceptions import ReadTimeout

from emails.mail import claim, queue_email, send_outbox_email
from emails.models import OutboxEmail
from tests.email_provider import ScriptedEmailBackend
from tests.emails.test_webhook import DELIVERY, post, secret  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

Status = OutboxEmail.Status


class WorkerKilled(BaseException):
    """The worker process dying (SIGKILL, out of memory): no `except Exception` sees it."""


class ProviderThenKill(ScriptedEmailBackend):
    """The provider takes the message, then the worker dies before hearing its answer."""

    def post_to_esp(self, payload, message):
        super().post_to_esp(payload, message)
        raise WorkerKilled


class KillBeforeProvider(ScriptedEmailBackend):
    """The worker dies after marking the row "sending", before the provider hears of it."""

    def post_to_esp(self, payload, message):
        raise WorkerKilled


@pytest.fixture
def email():
    """A message written to the outbox, its sending task not yet run."""
    return queue_email(to=["maria@coop.example.org"], subject="Your link", body="Click it.")


def killed_while_sending(settings, email, backend):
    settings.PORTAL_EMAIL_PROVIDER_BACKEND = f"{__name__}.{backend.__name__}"
    with pytest.raises(WorkerKilled):
        send_outbox_email.call(email.pk)
    settings.PORTAL_EMAIL_PROVIDER_BACKEND = "tests.email_provider.ScriptedEmailBackend"
    email.refresh_from_db()
    return email


def lease_runs_out(email):
    OutboxEmail.objects.filter(pk=email.pk).update(
        claimed_until=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_sending_is_recorded_before_the_provider_is_called(settings, email):
    email = killed_while_sending(settings, email, ProviderThenKill)

    assert email.status == Status.SENDING
    assert email.attempts == 1
    assert email.lease_owner
    assert email.claimed_until > timezone.now()
    [sent] = mail.outbox
    assert sent.anymail_test_params["metadata"] == {
        "outbox_id": str(email.pk),
        "outbox_attempt": email.lease_owner,
    }


def test_a_crash_after_the_provider_took_it_is_never_sent_again(settings, email, on_commit):
    email = killed_while_sending(settings, email, ProviderThenKill)

    # While the lease runs, nothing touches the row.
    with on_commit():
        call_command("send_queued_email", verbosity=0)
    assert OutboxEmail.objects.get().status == Status.SENDING

    # Once it has run out, the row is for staff to check, not for a second sending.
    lease_runs_out(email)
    with on_commit():
        call_command("send_queued_email", verbosity=0)
        call_command("send_queued_email", verbosity=0)
    assert send_outbox_email.call(email.pk) is None
    email.refresh_from_db()
    assert email.status == Status.UNKNOWN
    assert "may or may not have left" in email.last_error
    assert len(mail.outbox) == 1


def test_the_providers_delivery_event_settles_an_unknown_row(client, settings, email, secret):  # noqa: F811
    email = killed_while_sending(settings, email, ProviderThenKill)
    lease_runs_out(email)
    call_command("send_queued_email", verbosity=0)

    event = {**DELIVERY, "Metadata": mail.outbox[0].anymail_test_params["metadata"]}
    assert post(client, event, secret).status_code == 200

    email.refresh_from_db()
    assert email.status == Status.DELIVERED
    assert email.provider_message_id == DELIVERY["MessageID"]
    assert len(mail.outbox) == 1


def test_an_event_of_an_older_attempt_settles_nothing(client, settings, email, secret):  # noqa: F811
    email = killed_while_sending(settings, email, ProviderThenKill)
    lease_runs_out(email)
    call_command("send_queued_email", verbosity=0)

    event = {**DELIVERY, "Metadata": {"outbox_id": str(email.pk), "outbox_attempt": "other"}}
    post(client, event, secret)

    email.refresh_from_db()
    assert email.status == Status.UNKNOWN


def test_the_webhook_can_settle_it_before_the_lease_ends(client, settings, email, secret):  # noqa: F811
    email = killed_while_sending(settings, email, ProviderThenKill)

    event = {**DELIVERY, "Metadata": mail.outbox[0].anymail_test_params["metadata"]}
    post(client, event, secret)

    email.refresh_from_db()
    assert email.status == Status.DELIVERED
    lease_runs_out(email)
    call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == Status.DELIVERED


def test_staff_resend_an_unknown_row_that_never_left(admin_client, settings, email, on_commit):
    email = killed_while_sending(settings, email, KillBeforeProvider)
    lease_runs_out(email)
    call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == Status.UNKNOWN
    assert mail.outbox == []

    OutboxEmail.objects.create(to=["a@example.org"], subject="All fine", status=Status.DELIVERED)
    listing = admin_client.get(reverse("outbox:index"), {"needs_attention": "true"}).content
    assert "Your link" in listing.decode()
    assert "All fine" not in listing.decode()
    inspect = admin_client.get(reverse("outbox:inspect", args=[email.pk])).content.decode()
    assert "may already have arrived" in inspect

    with on_commit():
        admin_client.post(reverse("outbox:resend", args=[email.pk]))
    email.refresh_from_db()
    assert email.status == Status.SENT
    assert len(mail.outbox) == 1


class SlowProvider(ScriptedEmailBackend):
    """The provider answers only after the lease has run out and the cron job has run."""

    def post_to_esp(self, payload, message):
        OutboxEmail.objects.update(claimed_until=timezone.now() - datetime.timedelta(seconds=1))
        call_command("send_queued_email", verbosity=0)
        assert OutboxEmail.objects.get().status == Status.UNKNOWN
        return super().post_to_esp(payload, message)


def test_a_slow_answer_after_the_lease_ran_out_still_settles_the_row(settings, email):
    settings.PORTAL_EMAIL_PROVIDER_BACKEND = f"{__name__}.SlowProvider"

    assert send_outbox_email.call(email.pk) == Status.SENT

    email.refresh_from_db()
    assert email.status == Status.SENT
    assert email.claimed_until is None
    assert len(mail.outbox) == 1


def test_a_timeout_waiting_for_the_provider_is_not_retried(provider, email, on_commit):
    error = AnymailRequestsAPIError("Read timed out")
    error.__cause__ = ReadTimeout("read timeout=30")
    provider.append(error)

    send_outbox_email.call(email.pk)

    email.refresh_from_db()
    assert email.status == Status.UNKNOWN
    assert email.next_attempt_at is None
    with on_commit():
        call_command("send_queued_email", verbosity=0)
    assert len(mail.outbox) == 1  # the one attempt the provider may have taken


def test_a_row_taken_by_one_worker_is_skipped_by_another(email):
    first = claim(email.pk)
    assert first is not None
    assert claim(email.pk) is None
    assert send_outbox_email.call(email.pk) is None
    assert mail.outbox == []


class PayloadWithoutMetadata(anymail_test.TestPayload):
    def set_metadata(self, metadata):
        self.unsupported_feature("metadata")


class ProviderWithoutMetadata(ScriptedEmailBackend):
    """A provider anymail sends no metadata to (as its Postal backend)."""

    def build_message_payload(self, message, defaults):
        return PayloadWithoutMetadata(backend=self, message=message, defaults=defaults)


def test_a_provider_without_metadata_still_gets_the_message_once(settings, email):
    settings.PORTAL_EMAIL_PROVIDER_BACKEND = f"{__name__}.ProviderWithoutMetadata"

    assert send_outbox_email.call(email.pk) == Status.SENT

    [sent] = mail.outbox
    assert "metadata" not in sent.anymail_test_params

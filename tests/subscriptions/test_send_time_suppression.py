"""A bounce or a complaint reported after a bulk email was queued still stops it: the outbox
asks the subscriptions before sending, and the row says why it was not sent. Other email to the
address (a confirmation, a reply) is not bulk, and still goes."""

import pytest
from django.core import mail
from django.core.management import call_command

from emails.mail import queue_email, send_outbox_email
from emails.models import OutboxEmail
from subscriptions.mail import send_to_subscriber, suppress
from subscriptions.models import Suppression
from tests.subscriptions.alerts import news_subscription

pytestmark = pytest.mark.django_db

Status = OutboxEmail.Status


def test_an_address_suppressed_after_queueing_gets_nothing(portal):
    subscription = news_subscription("it", email="gone@example.org")
    other = news_subscription("it", email="here@example.org")
    stopped = send_to_subscriber(subscription, subject="Notizie", body="Le notizie.")
    sent = send_to_subscriber(other, subject="Notizie", body="Le notizie.")
    assert stopped.bulk and stopped.status == Status.QUEUED

    suppress("Gone@Example.org", Suppression.Reason.BOUNCED)
    assert send_outbox_email.call(stopped.pk) == Status.SUPPRESSED
    assert send_outbox_email.call(sent.pk) == Status.SENT

    assert [message.to for message in mail.outbox] == [["here@example.org"]]
    stopped.refresh_from_db()
    assert stopped.status == Status.SUPPRESSED
    assert "suppressed (bounced" in stopped.last_error
    assert stopped.sent_at is None
    assert stopped.get_status_display() == "Not sent: address suppressed"


def test_the_cron_job_skips_it_too_and_other_email_still_goes(portal):
    subscription = news_subscription("en", email="spam@example.org")
    bulk = send_to_subscriber(subscription, subject="News", body="The news.")
    personal = queue_email(to=["spam@example.org"], subject="Your reply", body="Thank you.")
    suppress("spam@example.org", Suppression.Reason.COMPLAINED)
    call_command("send_queued_email")

    bulk.refresh_from_db()
    personal.refresh_from_db()
    assert bulk.status == Status.SUPPRESSED
    assert "complained" in bulk.last_error
    assert personal.status == Status.SENT
    assert [message.subject for message in mail.outbox] == ["Your reply"]
    assert send_outbox_email.call(bulk.pk) is None, "never picked up again"

"""The provider's tracking webhook updates the outbox; nobody else can."""

import base64
import datetime
import json

import pytest

from emails.models import OutboxEmail

pytestmark = pytest.mark.django_db

URL = "/anymail/postmark/tracking/"
MESSAGE_ID = "883953f4-6105-42a2-a16a-77a8eac79483"

# Postmark's bounce webhook, as documented by Postmark.
BOUNCE = {
    "RecordType": "Bounce",
    "MessageStream": "outbound",
    "ID": 4323372036854775807,
    "Type": "HardBounce",
    "TypeCode": 1,
    "Name": "Hard bounce",
    "Tag": "welcome",
    "MessageID": MESSAGE_ID,
    "Metadata": {},
    "ServerID": 23,
    "Description": "The server was unable to deliver your message "
    "(ex: unknown user, mailbox not found).",
    "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    "Email": "maria@coop.example.org",
    "From": "portal@morethanajob.example",
    "BouncedAt": "2025-11-05T16:33:54.9070259Z",
    "DumpAvailable": True,
    "Inactive": True,
    "CanActivate": True,
    "Subject": "Welcome",
}
DELIVERY = {
    "RecordType": "Delivery",
    "ServerID": 23,
    "MessageStream": "outbound",
    "MessageID": MESSAGE_ID,
    "Recipient": "maria@coop.example.org",
    "Tag": "welcome",
    "DeliveredAt": "2025-11-05T16:30:00.000Z",
    "Details": "Test delivery webhook details",
    "Metadata": {},
}


@pytest.fixture
def secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "postmark:s3cret-webhook"}
    return "postmark:s3cret-webhook"


@pytest.fixture
def sent_email():
    return OutboxEmail.objects.create(
        to=["maria@coop.example.org"],
        subject="Welcome",
        body_text="…",
        status=OutboxEmail.Status.SENT,
        provider_message_id=MESSAGE_ID,
        provider_status="sent",
    )


def post(client, event, credentials):
    auth = base64.b64encode(credentials.encode()).decode()
    return client.post(
        URL, json.dumps(event), content_type="application/json", HTTP_AUTHORIZATION=f"Basic {auth}"
    )


def test_a_bounce_marks_the_email_bounced(client, secret, sent_email):
    response = post(client, BOUNCE, secret)

    assert response.status_code == 200
    sent_email.refresh_from_db()
    assert sent_email.status == OutboxEmail.Status.BOUNCED
    assert sent_email.provider_status == "bounced"
    assert sent_email.provider_event_at == datetime.datetime(
        2025, 11, 5, 16, 33, 54, 907025, tzinfo=datetime.UTC
    )
    assert "does not exist" in sent_email.last_error


def test_a_delivery_marks_it_delivered_but_never_undoes_a_later_bounce(client, secret, sent_email):
    assert post(client, DELIVERY, secret).status_code == 200
    sent_email.refresh_from_db()
    assert sent_email.status == OutboxEmail.Status.DELIVERED

    post(client, BOUNCE, secret)
    post(client, DELIVERY, secret)  # arrives late, but happened before the bounce
    sent_email.refresh_from_db()
    assert sent_email.status == OutboxEmail.Status.BOUNCED


def test_a_temporary_problem_keeps_the_status(client, secret, sent_email):
    post(client, {**BOUNCE, "Type": "DnsError", "TypeCode": 0}, secret)
    sent_email.refresh_from_db()
    assert sent_email.status == OutboxEmail.Status.SENT
    assert sent_email.provider_status == "deferred"


@pytest.mark.parametrize("credentials", ["postmark:wrong", "someone:s3cret-webhook"])
def test_wrong_credentials_are_refused_and_change_nothing(client, secret, sent_email, credentials):
    response = post(client, BOUNCE, credentials)

    assert response.status_code in (400, 403)
    sent_email.refresh_from_db()
    assert sent_email.status == OutboxEmail.Status.SENT


def test_no_credentials_are_refused(client, secret, sent_email):
    response = client.post(URL, json.dumps(BOUNCE), content_type="application/json")
    assert response.status_code in (400, 403)
    sent_email.refresh_from_db()
    assert sent_email.status == OutboxEmail.Status.SENT

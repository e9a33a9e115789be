"""The providers' tracking webhooks: no post is taken without the secret, and junk is a 4xx."""

import base64

import pytest
from django.urls import reverse

from emails.models import OutboxEmail
from emails.webhooks import urlpatterns

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore::anymail.exceptions.AnymailWarning"),
]

SECRET = "provider:s3cret-webhook"
ENDPOINTS = sorted(pattern.name for pattern in urlpatterns)
JUNK = {
    "not JSON": ("application/json", b"{not json"),
    "a JSON list": ("application/json", b"[1, 2]"),
    "a form": ("application/x-www-form-urlencoded", b"event-data=x&signature=y"),
    "binary": ("application/octet-stream", b"\x00\xff\xfe"),
}


def auth(credentials):
    return "Basic " + base64.b64encode(credentials.encode()).decode()


def signed_in_post(client, provider):
    """An empty event, with the right credentials, to the provider's tracking endpoint."""
    return client.post(
        f"/anymail/{provider}/tracking/",
        b"{}",
        content_type="application/json",
        HTTP_AUTHORIZATION=auth(SECRET),
    )


@pytest.fixture
def configured(settings):
    """Every provider's webhook settings, so that each endpoint reads what is posted."""
    settings.PORTAL_EMAIL_TRACKING = True
    settings.ANYMAIL = {
        "WEBHOOK_SECRET": SECRET,
        "MAILGUN_WEBHOOK_SIGNING_KEY": "mailgun-key",
        "MANDRILL_WEBHOOK_KEY": "mandrill-key",
        "POSTAL_WEBHOOK_KEY": "cG9zdGFs",
        "RESEND_SIGNING_SECRET": "whsec_cmVzZW5k",
        "MAILERSEND_WEBHOOK_SIGNING_SECRET": "mailersend-secret",
        "MAILTRAP_WEBHOOK_SIGNING_KEY": "mailtrap-key",
        "UNISENDER_GO_API_KEY": "unisender-key",
    }
    return settings


def test_only_tracking_endpoints_are_served(client):
    assert all("inbound" not in name for name in ENDPOINTS)
    response = client.post("/anymail/postmark/inbound/", b"{}", "application/json")
    assert response.status_code in (302, 404)  # to a language prefix, where no page is
    if response.status_code == 302:
        assert client.post(response.url, b"{}", "application/json").status_code in (403, 404)


@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize("junk", sorted(JUNK))
def test_junk_from_the_provider_is_a_client_error(client, configured, name, junk):
    content_type, body = JUNK[junk]

    response = client.post(
        reverse(f"anymail:{name}"), body, content_type=content_type, HTTP_AUTHORIZATION=auth(SECRET)
    )

    assert 400 <= response.status_code < 500, (name, junk, response.status_code)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_an_event_of_no_known_shape_is_never_a_server_error(client, configured, name):
    """Some providers take any JSON object as an event of an unknown kind: it changes nothing."""
    sent = OutboxEmail.objects.create(
        to=["maria@coop.example.org"],
        subject="Welcome",
        body_text="…",
        status=OutboxEmail.Status.SENT,
        provider_message_id="3",
    )

    response = client.post(
        reverse(f"anymail:{name}"),
        b'{"event": null, "signature": 3, "MessageID": 3, "RecordType": []}',
        content_type="application/json",
        HTTP_AUTHORIZATION=auth(SECRET),
    )

    assert response.status_code < 500
    sent.refresh_from_db()
    assert sent.status == OutboxEmail.Status.SENT


@pytest.mark.parametrize("name", ENDPOINTS)
def test_posts_without_the_secret_are_refused(client, configured, name):
    url = reverse(f"anymail:{name}")

    anonymous = client.post(url, b"{}", content_type="application/json")
    wrong = client.post(
        url, b"{}", content_type="application/json", HTTP_AUTHORIZATION=auth("provider:guess")
    )

    assert 400 <= anonymous.status_code < 500
    assert 400 <= wrong.status_code < 500


@pytest.mark.parametrize("name", ENDPOINTS)
def test_with_no_secret_set_every_post_is_refused(client, settings, name):
    settings.PORTAL_EMAIL_TRACKING = True
    settings.ANYMAIL = {}

    response = client.post(reverse(f"anymail:{name}"), b"[]", content_type="application/json")

    assert response.status_code == 403


def test_with_tracking_off_the_webhook_is_gone(client, configured):
    configured.PORTAL_EMAIL_TRACKING = False

    assert signed_in_post(client, "postmark").status_code == 410


def test_a_provider_left_unconfigured_refuses_posts(client, settings):
    """Mailgun's webhook needs its signing key: without it the endpoint refuses, not a 500."""
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}

    assert signed_in_post(client, "mailgun").status_code == 403

"""/healthz tells a load balancer whether the portal can serve, and says nothing about anyone."""

import datetime
import json
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone

from emails.models import OutboxEmail
from portal.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db

REDIS_NOWHERE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    }
}


def test_a_healthy_portal_answers_200_with_a_small_json_body(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "outbox": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert not response.cookies


def test_it_is_not_sent_to_a_language_prefix_nor_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

    assert client.get("/healthz").status_code == 200
    assert client.head("/healthz").status_code == 200


def test_it_takes_no_posts(client):
    assert client.post("/healthz").status_code == 405


def late_email(minutes):
    email = OutboxEmail.objects.create(
        to=["maria@coop.example.org"],
        subject="Welcome, Maria",
        body_text="…",
        status=OutboxEmail.Status.QUEUED,
    )
    OutboxEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )
    return email


def test_an_outbox_that_does_not_drain_fails_it(client, settings):
    settings.PORTAL_HEALTH_OUTBOX_MINUTES = 15
    late_email(minutes=20)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "checks": {"database": "ok", "cache": "ok", "outbox": "failing"},
    }
    assert "maria" not in response.content.decode()


def test_an_email_just_queued_is_no_backlog(client):
    late_email(minutes=1)

    assert client.get("/healthz").status_code == 200


def test_an_email_stuck_in_sending_is_a_backlog(client):
    email = late_email(minutes=1)
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxEmail.Status.SENDING,
        updated_at=timezone.now() - datetime.timedelta(hours=1),
    )

    assert client.get("/healthz").json()["checks"]["outbox"] == "failing"


def test_an_email_sending_past_its_lease_is_a_backlog_until_the_cron_job_settles_it(client):
    """Past its lease, a row still "sending" means nothing reconciles the outbox; once the
    cron job has marked it "unknown – check", it is staff's to settle (the outbox screen's
    "Needs attention"), not a backlog."""
    email = late_email(minutes=1)
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxEmail.Status.SENDING,
        lease_owner="worker",
        claimed_until=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert client.get("/healthz").json()["checks"]["outbox"] == "failing"

    call_command("send_queued_email", verbosity=0)

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.UNKNOWN
    assert client.get("/healthz").json()["checks"]["outbox"] == "ok"


def test_a_cache_out_of_reach_fails_it_and_is_logged_with_the_request_id(client, settings):
    settings.CACHES = REDIS_NOWHERE
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(handler.format(record))
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("portal.health")
    logger.addHandler(handler)
    try:
        response = client.get("/healthz", HTTP_X_REQUEST_ID="probe-0001-abcdef")
    finally:
        logger.removeHandler(handler)

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "failing"
    assert response["X-Request-ID"] == "probe-0001-abcdef"
    entry = json.loads(lines[0])
    assert entry["request_id"] == "probe-0001-abcdef"
    assert entry["level"] == "ERROR"
    assert entry["message"] == "health check failed"
    assert "ConnectionError" in entry["exception"]

"""Every response carries its request's id, for a person's report to find the request's logs."""

import json
import logging

import pytest

from portal.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_each_response_gets_an_id_of_its_own(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]

    assert len(first) == 32
    assert first != second


def test_a_redirect_carries_one_too(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["X-Request-ID"]


def test_the_proxys_id_is_kept(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="edge-42a7-1c9e")

    assert response["X-Request-ID"] == "edge-42a7-1c9e"


@pytest.mark.parametrize("given", ["x", "a b c d e f g h", "abc\r\nSet-Cookie: x=1", "9" * 200])
def test_an_id_that_could_forge_a_log_line_is_replaced(client, given):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)

    assert response["X-Request-ID"] != given
    assert len(response["X-Request-ID"]) == 32


def test_a_log_line_is_one_json_object_with_what_was_passed():
    record = logging.LogRecord("emails", logging.WARNING, __file__, 1, "sent %s", (3,), None)
    record.request_id = "edge-42a7-1c9e"
    record.outbox_id = 17

    entry = json.loads(JsonFormatter().format(record))

    assert entry["message"] == "sent 3"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "emails"
    assert entry["request_id"] == "edge-42a7-1c9e"
    assert entry["outbox_id"] == 17
    assert "\n" not in JsonFormatter().format(record)

"""Kept pages answered in front of Django (portal/cached_pages.py): the WSGI application the web
process serves, called here as the server calls it.

An organisation (Italy, live) with a service; the page cache on, with copies in memory, as in
production.
"""

import io
import json
import re
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core.page_cache import GENERATION_KEY, LocalCopies, local_copies
from portal.cached_pages import PageCacheApp
from portal.logs import AccessLog
from tests.directory.organisations import live_with_service
from tests.helpers import publish, signed_in

pytestmark = pytest.mark.django_db


class Django:
    """Django's WSGI application, counting the requests it is given."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def org(portal):
    user, page, _account, service = live_with_service()
    return SimpleNamespace(user=user, page=page, service=service)


@pytest.fixture
def kept(settings):
    """The page cache on, with copies in memory read against the generation every minute."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS = 60
    local_copies.forget(cache.get(GENERATION_KEY))
    yield
    local_copies.forget(None)  # nothing left for the next test


@pytest.fixture
def django():
    return Django()


@pytest.fixture
def layer(django):
    return PageCacheApp(django)


def call(app, url, method="GET", **headers):
    """What `app` answers to the request: status, headers (a list, in order) and bytes."""
    environ = RequestFactory().generic(method, url, **headers).environ
    sent = {}

    def start_response(status, response_headers, exc_info=None):
        sent.update(status=status, headers=list(response_headers))

    # As Django's test client does: the request's end does not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        answer = app(environ, start_response)
        body = b"".join(answer)
        if hasattr(answer, "close"):
            answer.close()  # as the server does
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return SimpleNamespace(body=body, **sent, header=dict(sent["headers"]))


def without_id(headers):
    return [(name, value) for name, value in headers if name != "X-Request-ID"]


def test_a_page_served_as_a_hit_once_is_then_answered_without_django_nor_a_query(
    org, kept, django, layer
):
    call(layer, org.service.url)  # rendered, kept in the shared cache
    by_django = call(layer, org.service.url)  # a hit, through every middleware
    assert by_django.header["X-Page-Cache"] == "hit"
    calls = django.calls

    with CaptureQueriesContext(connection) as queries:
        answered = call(layer, org.service.url)
    assert len(queries) == 0
    assert django.calls == calls
    assert answered.status == "200 OK"
    assert answered.body == by_django.body and b"Corso di italiano" in answered.body
    # The same headers, in the same order: Cache-Control, CSP, the security headers...
    assert without_id(answered.headers) == without_id(by_django.headers)
    assert answered.header["Cache-Control"] == by_django.header["Cache-Control"]
    assert "Content-Security-Policy" in answered.header
    assert "Set-Cookie" not in answered.header and "Cookie" not in answered.header.get("Vary", "")
    # ...and a request id of its own, last, as RequestIdMiddleware puts it.
    assert answered.headers[-1][0] == "X-Request-ID"
    assert re.fullmatch(r"[0-9a-f]{32}", answered.header["X-Request-ID"])
    assert answered.header["X-Request-ID"] != by_django.header["X-Request-ID"]


def test_a_sane_request_id_from_the_proxy_is_kept_and_another_replaced(org, kept, layer):
    for _ in range(2):
        call(layer, org.page.url)
    given = call(layer, org.page.url, HTTP_X_REQUEST_ID="proxy-id-1234")
    assert given.header["X-Request-ID"] == "proxy-id-1234"
    smuggled = call(layer, org.page.url, HTTP_X_REQUEST_ID="bad id\r\nX-Evil: 1")
    assert re.fullmatch(r"[0-9a-f]{32}", smuggled.header["X-Request-ID"])


def test_head_is_answered_too_and_each_query_and_language_apart(org, kept, django, layer):
    for _ in range(2):
        call(layer, "/it/")
        call(layer, "/en/")
    calls = django.calls
    assert call(layer, "/it/", method="HEAD").header["Content-Language"] == "it"
    assert call(layer, "/en/").header["Content-Language"] == "en"
    assert django.calls == calls
    call(layer, "/en/?utm=1")  # another address: Django's
    assert django.calls == calls + 1


def test_signed_in_users_sessions_messages_and_posts_always_go_to_django(org, kept, django, layer):
    for _ in range(2):
        call(layer, org.page.url)
    calls = django.calls

    member = signed_in(org.user)
    session = member.cookies["sessionid"].value
    answered = call(layer, org.page.url, HTTP_COOKIE=f"sessionid={session}")
    assert django.calls == calls + 1
    assert answered.header.get("X-Page-Cache") is None
    assert "private" in answered.header["Cache-Control"]

    call(layer, org.page.url, HTTP_COOKIE="sessionid=not-a-session")
    call(layer, org.page.url, HTTP_COOKIE="messages=a-message-waiting")
    call(layer, f"/it/enquiry/{org.page.pk}/", method="POST")
    call(layer, "/sitemap.xml")  # no language in its address: Django decides which
    call(layer, "/sitemap.xml")
    assert django.calls == calls + 6
    # Another cookie changes nothing for the page cache: answered in front.
    call(layer, org.page.url, HTTP_COOKIE="csrftoken=abc; theme=dark")
    assert django.calls == calls + 6


def test_a_publication_here_is_seen_at_once(org, kept, layer):
    for _ in range(3):
        call(layer, org.service.url)
    org.service.title = "Corso di italiano per adulti"
    publish(org.service)
    answered = call(layer, org.service.url)
    assert answered.header["X-Page-Cache"] == "miss"
    assert b"Corso di italiano per adulti" in answered.body


def test_a_publication_in_another_process_is_seen_within_the_generations_interval(
    org, kept, settings
):
    """Another process: its own layer and copies, reading the generation the publication changed
    in the shared cache at most every PORTAL_PAGE_CACHE_LOCAL_SECONDS."""
    settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS = 1
    other_copies = LocalCopies()
    other = PageCacheApp(Django(), copies=other_copies)
    for _ in range(3):
        call(other, org.service.url)
    org.service.title = "Corso di italiano per adulti"
    publish(org.service)

    other_copies.read_at -= 1  # a second later
    answered = call(other, org.service.url)
    assert b"Corso di italiano per adulti" in answered.body


def test_with_copies_in_memory_off_every_request_goes_to_django(org, kept, settings, django, layer):
    settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS = 0
    for _ in range(3):
        call(layer, org.page.url)
    assert django.calls == 3


def test_every_request_writes_one_json_access_line_with_its_id_and_no_query(org, kept, layer):
    stream = io.StringIO()
    logged = AccessLog(layer, stream=stream)
    for _ in range(3):
        answered = call(logged, "/en/search/?q=amina+haddad")
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 3
    assert lines[-1]["request_id"] == answered.header["X-Request-ID"]
    assert {line["path"] for line in lines} == {"/en/search/"}
    assert all(line["status"] == 200 and line["method"] == "GET" for line in lines)
    assert "amina" not in stream.getvalue().lower()

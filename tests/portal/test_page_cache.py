"""Anonymous pages are the same for every visitor: kept in the shared cache, marked for proxies,
with no cookie; the message form on them still sends, with JavaScript or without.

An organisation (Italy, live) with a service; the cache is on (PORTAL_PAGE_CACHE_SECONDS) where
a test says so, as in production.
"""

import json
import logging
import re
import socket
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.page_cache import GENERATION_KEY, local_copies
from directory.factories import ExpertiseCategoryFactory
from directory.models import Enquiry
from emails.models import OutboxEmail
from tests.directory.organisations import live_with_service
from tests.directory.test_enquiries import valid
from tests.helpers import publish, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(portal):
    user, page, _account, service = live_with_service()
    return SimpleNamespace(user=user, page=page, service=service)


@pytest.fixture
def kept(settings):
    """The page cache on, as in production."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    settings.PORTAL_PAGE_CACHE_PROXY_SECONDS = 600


def public_urls(org):
    return [
        "/en/",
        "/it/",
        "/en/organisations/",
        "/en/organisations/italy/",
        org.page.url,
        org.service.url,
        "/en/search/?q=corso&kind=all-services",
        "/sitemap.xml",
    ]


def fields_of(html):
    """The hidden fields of the message form (the footer's subscribe form has its own)."""
    form = html.split('id="enquiry"', 1)[1].split("</form>", 1)[0]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


# Cookies and headers ------------------------------------------------------------------------


def test_anonymous_public_pages_set_no_cookie_and_a_proxy_may_keep_them(client, org, kept):
    for url in public_urls(org):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "csrftoken" not in response.get("Set-Cookie", ""), url
        assert "Cookie" not in response.get("Vary", ""), url
        cache_control = response["Cache-Control"]
        if url != "/sitemap.xml":  # the sitemap says how long itself
            assert "public" in cache_control and "s-maxage=600" in cache_control, url


def test_registration_keeps_its_cookie_and_is_never_kept(client, portal, kept):
    for _ in range(2):
        response = client.get("/en/register/")
        assert "csrftoken" in response.cookies
        assert "no-store" in response["Cache-Control"]
        assert response.get("X-Page-Cache") is None


def test_signed_in_users_and_errors_get_private_answers(org, kept):
    member = signed_in(org.user)
    response = member.get(org.page.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert Client().get("/en/no-such-page/")["Cache-Control"] == "private, no-store"


# The message form on a kept page ----------------------------------------------------------------


def test_the_form_fetches_its_token_when_sent_and_the_message_goes(org, kept, on_commit):
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(org.service.url).content.decode()
    token_url = re.search(r'data-csrf-url="([^"]+)"', html).group(1)
    assert fields_of(html)["csrfmiddlewaretoken"] == ""  # none on the page itself

    answer = browser.get(token_url)
    assert "no-store" in answer["Cache-Control"] and "csrftoken" in answer.cookies
    token = json.loads(answer.content)["token"]

    with on_commit():
        sent = browser.post(f"/it/enquiry/{org.service.pk}/", valid(csrfmiddlewaretoken=token))
    assert sent.status_code == 303
    assert Enquiry.objects.get().email == "amina@example.org"
    assert mail.outbox[0].to == ["corsi@ponte.example.org"]


def test_without_javascript_the_form_comes_back_as_written_with_a_fresh_token(org, kept, on_commit):
    browser = Client(enforce_csrf_checks=True)
    browser.get(org.page.url)
    refused = browser.post(f"/it/enquiry/{org.page.pk}/", valid(csrfmiddlewaretoken=""))

    assert refused.status_code == 403
    html = refused.content.decode()
    assert "non è ancora stato inviato" in html  # the Italian page says so in Italian
    assert "Amina Haddad" in html and "is the Italian course still open?" in html
    assert not Enquiry.objects.exists() and not OutboxEmail.objects.exists()
    assert "no-store" in refused["Cache-Control"]
    token = fields_of(html)["csrfmiddlewaretoken"]
    assert token and "csrftoken" in refused.cookies

    with on_commit():
        again = browser.post(f"/it/enquiry/{org.page.pk}/", valid(csrfmiddlewaretoken=token))
    assert again.status_code == 303
    assert Enquiry.objects.get().name == "Amina Haddad"


def test_the_thanks_are_shown_to_their_sender_only(org, kept, on_commit):
    browser = Client()
    browser.get(org.page.url)
    with on_commit():
        sent = browser.post(f"/it/enquiry/{org.page.pk}/", valid(), follow=True)
    assert "your message has been sent" in sent.content.decode().lower() or (
        "messaggio è stato inviato" in sent.content.decode()
    )
    assert "no-store" in sent["Cache-Control"]
    other = Client().get(org.page.url).content.decode()
    assert "Amina" not in other


# The page cache --------------------------------------------------------------------------------


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(org, kept):
    for url in public_urls(org):
        first = Client().get(url)
        with CaptureQueriesContext(connection) as queries:
            second = Client().get(url)
        assert second.status_code == 200
        assert len(queries) == 0, url
        assert second.content == first.content, url
        assert second["X-Page-Cache"] == "hit", url


def test_pages_kept_in_memory_are_served_without_the_shared_cache_and_purged(org, kept, settings):
    settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS = 60
    local_copies.forget(cache.get(GENERATION_KEY))
    Client().get(org.service.url)  # rendered, kept in the shared cache
    Client().get(org.service.url)  # from the shared cache, and now in memory too
    cache.delete_many(list(local_copies.kept.pages))  # gone from the shared cache
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(org.service.url)
    assert response["X-Page-Cache"] == "hit" and len(queries) == 0

    org.service.title = "Corso di italiano per adulti"
    publish(org.service)
    assert b"Corso di italiano per adulti" in Client().get(org.service.url).content
    local_copies.forget(None)  # nothing left for the next test


def test_each_language_and_query_is_kept_apart(org, kept):
    italian = Client().get("/it/").content
    assert Client().get("/en/").content != italian
    assert b"Corso di italiano" in Client().get("/en/search/?q=corso").content
    assert b"Corso di italiano" not in Client().get("/en/search/?q=zzzzqqq").content


def test_signed_in_users_never_get_a_kept_page(org, kept):
    Client().get(org.page.url)  # kept for anonymous visitors
    member = signed_in(org.user)
    with CaptureQueriesContext(connection) as queries:
        response = member.get(org.page.url)
    assert response.get("X-Page-Cache") is None
    assert len(queries) > 0
    # ...and what they get is not kept for anyone else.
    member.get(org.service.url)
    assert Client().get(org.service.url)["X-Page-Cache"] == "miss"


def test_publishing_shows_the_change_at_once(org, kept):
    assert b"Corso di italiano" in Client().get(org.service.url).content
    org.service.title = "Corso di italiano per adulti"
    publish(org.service)
    response = Client().get(org.service.url)
    assert response["X-Page-Cache"] == "miss"
    assert b"Corso di italiano per adulti" in response.content


def test_unpublishing_and_deleting_empty_the_cache(org, kept):
    assert Client().get(org.service.url).status_code == 200
    org.service.unpublish()
    assert Client().get(org.service.url).status_code == 404

    page_url = org.page.url
    assert Client().get(page_url).status_code == 200
    org.page.delete()
    assert Client().get(page_url).status_code == 404


def test_a_vocabulary_change_empties_the_cache(org, kept):
    Client().get("/en/")
    assert Client().get("/en/")["X-Page-Cache"] == "hit"
    ExpertiseCategoryFactory(name="Carpentry", slug="carpentry")
    assert Client().get("/en/")["X-Page-Cache"] == "miss"


# The shared cache down --------------------------------------------------------------------------


@pytest.fixture
def cache_down(settings):
    """The shared cache pointed at a port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


def test_with_the_shared_cache_down_pages_are_still_served(org, cache_down, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for url in public_urls(org):
            assert Client().get(url).status_code == 200, url
    assert "The shared cache cannot be reached" in caplog.text


def test_with_the_shared_cache_down_health_says_so(portal, cache_down):
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "failing"
    assert response.json()["checks"]["database"] == "ok"


def test_with_the_shared_cache_down_messages_still_go(org, cache_down, settings, on_commit):
    """The limits fail open (core/ratelimit.py): nothing can be counted, nothing is refused."""
    settings.PORTAL_ENQUIRY_RATE_LIMIT = 1
    for number in range(2):
        with on_commit():
            response = Client().post(
                f"/it/enquiry/{org.page.pk}/", valid(email=f"amina{number}@example.org")
            )
        assert response.status_code == 303
    assert Enquiry.objects.count() == 2

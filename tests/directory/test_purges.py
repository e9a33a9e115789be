"""What a change purges: the caching proxy in front is told of the changed page's own addresses
only (in every language it is shown at), and what changes nothing public purges nothing.

An organisation (Italy, page in Italian, live) with a service; the page cache on, as in
production; a caching proxy, here a real HTTP server on the loopback noting each PURGE it gets.
"""

from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from directory.factories import CountryFacilitatorFactory
from tests.directory.organisations import live_with_service, profile_edit_data
from tests.helpers import publish

pytestmark = pytest.mark.django_db

DRAFT = "Una bozza, non ancora pubblicata."


@pytest.fixture
def org(portal):
    user, page, account, service = live_with_service()
    return SimpleNamespace(user=user, page=page, account=account, service=service)


@pytest.fixture
def kept(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


def test_publishing_purges_the_pages_own_address_in_every_language_only(org, proxy, on_commit):
    with on_commit():
        publish(org.service)
    paths = sorted(path for _host, path in proxy)
    assert len(paths) == 4, paths
    assert {path.split("/")[1] for path in paths} == {"en", "it", "el", "ar"}
    assert org.service.url in paths  # its own, in Italian
    for path in paths:  # each one shows the service to that language's visitors
        response = Client().get(path)
        assert response.status_code == 200, path
        assert b"Corso di italiano" in response.content, path
    # Nothing else: not the home page, not its organisation's page.
    assert "/en/" not in paths and "/it/" not in paths and org.page.url not in paths


def test_unpublishing_purges_the_same_addresses(org, proxy, on_commit):
    with on_commit():
        publish(org.service)
    published = sorted(proxy)
    proxy.clear()
    with on_commit():
        org.service.unpublish()
    assert sorted(proxy) == published


def test_without_a_proxy_nothing_is_sent(org, settings, on_commit):
    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None)
    with on_commit():
        publish(org.service)  # and no error


def test_verifying_an_organisation_leaves_the_kept_pages_kept(client, org, kept, on_commit):
    Client().get(org.page.url)
    assert Client().get(org.page.url)["X-Page-Cache"] == "hit"

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    with on_commit():
        response = client.post(reverse("directory_verify_organisation", args=[org.page.pk]))
    assert response.status_code == 302
    org.account.refresh_from_db()
    assert org.account.verified

    assert Client().get(org.page.url)["X-Page-Cache"] == "hit"


def test_saving_a_draft_leaves_the_kept_pages_kept(client, org, kept, on_commit):
    Client().get(org.page.url)
    assert Client().get(org.page.url)["X-Page-Cache"] == "hit"

    client.force_login(org.user)
    url = reverse("wagtailadmin_pages:edit", args=[org.page.pk])
    with on_commit():
        response = client.post(url, profile_edit_data(org.page, short_description=DRAFT))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == url
    org.page.refresh_from_db()
    assert org.page.live and org.page.has_unpublished_changes  # a draft, not published
    assert org.page.get_latest_revision().content["short_description"] == DRAFT

    kept = Client().get(org.page.url)
    assert kept["X-Page-Cache"] == "hit"
    assert DRAFT.encode() not in kept.content

"""Every public page is served with a Content-Security-Policy it keeps (no inline script or
style), Permissions-Policy, Referrer-Policy and X-Content-Type-Options; the admin reports only."""

import re

import pytest
from django.test import Client

from directory.factories import ServicePageFactory, UserFactory
from tests.directory.organisations import registered
from tests.helpers import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(portal):
    _user, organisation, _account = registered("it", "info@ponte.example.org", "Il Ponte")
    organisation = publish(organisation)
    service = publish(ServicePageFactory(parent=organisation, title="Corso di italiano"))
    return ["/en/", "/it/search/?q=corso", organisation.url, service.url, "/en/register/"]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_enforce_a_policy_of_the_portals_own_files(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "Content-Security-Policy-Report-Only" not in response
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_public_pages_carry_no_inline_script_or_style(client, pages):
    for url in pages:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            # Structured data is data, not a script the browser runs.
            assert "src=" in tag or 'type="application/ld+json"' in tag, (url, tag)
        assert "<style" not in html, url
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url


def test_an_error_page_keeps_the_policy(client, portal):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_admin_only_reports_as_wagtail_needs_inline_script():
    client = Client()
    client.force_login(UserFactory(is_superuser=True))
    for url in ("/admin/", "/admin/login/"):
        response = client.get(url)
        assert "Content-Security-Policy" not in response, url
        assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"], url
        assert "camera=()" in response["Permissions-Policy"]

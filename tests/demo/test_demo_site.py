"""The demo's site answers at the local address the portal is served on, so its links open."""

import pytest
from wagtail.models import Site

from demo.builder import ensure_local_site_address

pytestmark = pytest.mark.django_db


def test_the_local_site_follows_the_address_make_run_serves_on(portal, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    assert ensure_local_site_address()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert portal.directory.get_full_url().startswith("http://127.0.0.1:8123/en/")
    assert not ensure_local_site_address()  # already there


def test_a_public_address_is_never_touched(portal, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.org"
    assert not ensure_local_site_address()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.example.org", 443
    site.save()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert not ensure_local_site_address()
    assert (Site.objects.get(is_default_site=True).hostname) == "www.example.org"

"""Freshness costs the listings no query per row: the same counts at two sizes, with content
checked recently, a year ago and too long ago mixed."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from directory.freshness import months_before, record_check
from directory.models import ServicePage
from tests.perf.test_query_budgets import Directory

pytestmark = pytest.mark.django_db


def age(directory):
    """Every third service checked 13 months ago, every fifth 19 months ago."""
    services = list(
        ServicePage.objects.filter(title__startswith="Servizio ")
        .order_by("pk")
        .values_list("translation_key", flat=True)
    )
    today = timezone.localdate()
    record_check(services[::3], on=months_before(today, 13) - datetime.timedelta(days=1))
    hidden = services[::5]
    record_check(hidden, on=months_before(today, 19))
    return len(services) - len(hidden)


def measure(client, directory, listed):
    counts = {}
    urls = {
        "services": "/el/search/?country=it&kind=all-services",
        "words": "/el/search/?q=Servizio&kind=all-services",
        "country": directory.portal.localized(directory.portal.countries["IT"], "el").url,
    }
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(queries)
        html = response.content.decode()
        if name == "services":
            assert html.count('class="card service-card"') == directory.size + listed
            with translation.override("el"):
                note = gettext("Not checked recently")
            assert html.count(note) > 0
    return counts


def test_listing_queries_are_the_same_for_5_and_40_items_of_mixed_freshness(
    client, portal, settings
):
    settings.PORTAL_PAGE_SIZE = 100
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0
    directory = Directory(portal)
    directory.grow_to(5)
    small = measure(client, directory, age(directory))
    directory.grow_to(40)
    large = measure(client, directory, age(directory))
    assert small == large

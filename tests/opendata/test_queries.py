"""The API's lists cost a fixed number of queries, whatever their length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from tests.helpers import translate

pytestmark = pytest.mark.django_db

# The most queries each list may take, as measured: the rate limit is counted in the cache; the
# rows are brought up to date (one query when nothing changed), counted and paged; the pages of
# the page read with their organisations, countries, places and terms (one query each); the
# pages' addresses in their own language (Wagtail's site root paths). The organisations' own
# properties (directory.record_properties): the networks read the memberships, and where there
# are some, the locales and their organisations' names (three queries at most).
BUDGETS = {
    "services": 14,
    "services_search": 16,
    "organizations": 15,
    "service_at_locations": 14,
    "taxonomy_terms": 8,
}


class Directory:
    def __init__(self, portal):
        self.italy = portal.localized(portal.countries["IT"], "it")
        self.category = ExpertiseCategoryFactory(slug="training")
        self.group = TargetGroupFactory(slug="young")
        self.size = 0

    def grow_to(self, n):
        for i in range(self.size, n):
            organisation = OrganisationPageFactory(parent=self.italy, title=f"Cooperativa {i}")
            organisation.expertise_categories.add(self.category)
            organisation.save_revision().publish()
            service = ServicePageFactory(
                parent=organisation,
                title=f"Servizio {i}",
                category=self.category,
                contact_phone="+39 000",
            )
            service.target_groups.add(self.group)
            service.save_revision().publish()
            if i % 2:
                translate(service, "en", title=f"Service {i}")
            ExpertiseCategoryFactory(slug=f"term-{i}")
        self.size = n


URLS = {
    "services": "/api/hsds/services?per_page=100",
    "services_search": "/api/hsds/services?per_page=100&search=guidance&country=IT",
    "organizations": "/api/hsds/organizations?per_page=100",
    "service_at_locations": "/api/hsds/service_at_locations?per_page=100&lang=ar",
    "taxonomy_terms": "/api/hsds/taxonomy_terms?per_page=100",
}


def measure(client, size):
    counts = {}
    for name, url in URLS.items():
        client.get(url)  # warm the per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.content)
        listed = response.json()
        if name != "taxonomy_terms":
            # The list really is as long as the data, so the counts compare like with like.
            assert listed["size"] == size, (name, listed["size"])
        counts[name] = len(queries)
    return counts


def test_list_queries_are_the_same_for_4_and_30_items(client, portal, settings):
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0  # measure the work, not the cache
    directory = Directory(portal)
    directory.grow_to(4)
    small = measure(client, 4)
    directory.grow_to(30)
    large = measure(client, 30)
    assert small == large
    for name, budget in BUDGETS.items():
        assert large[name] <= budget, f"{name}: {large[name]} queries, budget {budget}; {large}"

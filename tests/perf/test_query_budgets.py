"""Listings cost a fixed number of queries, whatever their length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from tests.helpers import translate

pytestmark = pytest.mark.django_db

# The most queries each page may take, sessions and site lookup included, as measured.
# - Listings read their rows (directory/listing_rows.py): one query asks whether any content is
#   to be worked out again; each filter's counts are one GROUP BY query; without words, one
#   count and one page of ids; the cards then load their pages.
# - Home: one query asks whether any content is to be worked out again, then its figures, its
#   latest services and its latest news are one query each on the rows, plus the category tiles.
# - Country: four filters counted (country, place, category, target group).
# - The organisation page asks once whether it is featured today, and once which networks it is a
#   member of (networks/templatetags/network_tags.py; their pages are one query more, if any).
# - Every page's language switcher and crumbs, and every listing's cards, find their addresses
#   in the visitor's language in two queries each (directory/addresses.py); places and
#   countries are named in the visitor's language, one query each.
BUDGETS = {"home": 29, "directory": 17, "country": 42, "organisation": 37, "services": 32}


class Directory:
    """Italian organisations, each with a service (every other one translated into English)."""

    def __init__(self, portal):
        self.portal = portal
        self.category = ExpertiseCategoryFactory(slug="training")
        self.group = TargetGroupFactory(slug="young")
        self.italy = portal.localized(portal.countries["IT"], "it")
        self.size = 0
        self.first = None

    def grow_to(self, n):
        for i in range(self.size, n):
            organisation = OrganisationPageFactory(parent=self.italy, title=f"Cooperativa {i}")
            organisation.expertise_categories.add(self.category)
            organisation.save_revision().publish()
            service = ServicePageFactory(
                parent=organisation, title=f"Servizio {i}", category=self.category
            )
            service.target_groups.add(self.group)
            service.save_revision().publish()
            if i % 2:
                translate(organisation, "en", title=f"Cooperative {i}")
            self.first = self.first or organisation
            # The first organisation's profile lists as many services and projects.
            ServicePageFactory(parent=self.first, title=f"Altro servizio {i}")
            PortfolioProjectPageFactory(parent=self.first, title=f"Progetto {i}")
        self.size = n

    def urls(self):
        portal = self.portal
        return {
            "home": portal.localized(portal.home, "el").url,
            "directory": portal.localized(portal.directory, "el").url,
            "country": portal.localized(portal.countries["IT"], "el").url,
            "organisation": self.first.url,
            # The services index leads to the search, services only: that listing.
            "services": "/el/search/?country=it&kind=all-services",
        }


def measure(client, directory):
    counts = {}
    for name, url in directory.urls().items():
        client.get(url)  # warm the per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(queries)
        html = response.content.decode()
        if name == "services":
            # The list really is as long as the data, so the counts compare like with like.
            assert html.count('class="card service-card"') == 2 * directory.size
        if name == "organisation":
            assert html.count("Progetto ") == directory.size
    return counts


def test_listing_queries_are_the_same_for_5_and_40_items(client, portal, settings):
    settings.PORTAL_PAGE_SIZE = 100
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0  # measure the work, not the cache
    directory = Directory(portal)
    directory.grow_to(5)
    small = measure(client, directory)
    directory.grow_to(40)
    large = measure(client, directory)
    assert small == large
    for name, budget in BUDGETS.items():
        assert large[name] <= budget, f"{name}: {large[name]} queries, budget {budget}; {large}"

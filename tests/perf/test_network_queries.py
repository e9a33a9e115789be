"""The list of networks costs the same number of queries whatever the number of networks, their
themes and their members."""

import pytest
from django.db import connection
from django.test import Client

from directory import listing_rows
from directory.factories import ExpertiseCategoryFactory, NetworkPageFactory
from networks.factories import NetworkIndexPageFactory
from networks.models import Membership, MembershipState
from tests.helpers import card_titles, count_queries, publish, translate

pytestmark = pytest.mark.django_db

# The most queries the list may take, as measured: the site and its pages, the form's countries
# and themes, whether any row is to be worked out again (one), every filter counted in one
# query, one count and one page of ids (with words, the words ranked on the rows), then the
# cards: their pages, themes, countries, theme names, country names, member counts and
# addresses. SQLite counts the filters one query each (as the search does: SEARCH_BUDGET).
LIST_BUDGET = 28 if connection.vendor == "postgresql" else 33


class Networks:
    """Networks in Italy and Greece, every other one translated into Greek, each with two
    themes and a few more members than the one before."""

    def __init__(self, portal):
        self.portal = portal
        self.themes = [
            ExpertiseCategoryFactory(name="Work integration", slug="work-integration"),
            ExpertiseCategoryFactory(name="Training", slug="training"),
        ]
        self.size = 0

    def grow_to(self, n):
        countries = [self.portal.countries["IT"], self.portal.countries["GR"]]
        for i in range(self.size, n):
            network = NetworkPageFactory(parent=countries[i % 2], title=f"Network of mentors {i}")
            network.network_themes.set(self.themes)
            network = publish(network)
            if i % 2:
                translate(network, "el", title=f"Δίκτυο μεντόρων {i}")
            Membership.objects.bulk_create(
                Membership(
                    network_key=network.translation_key,
                    outside_name=f"Member {m}",
                    country="IT",
                    state=MembershipState.ACTIVE,
                )
                for m in range(2 + i)
            )
        # Written around the portal's code (in bulk): the rows worked out again.
        listing_rows.mark(
            Membership.objects.values_list("network_key", flat=True).distinct().order_by()
        )
        self.size = n


def test_the_list_of_networks_costs_the_same_for_3_and_23_networks(portal, settings):
    settings.PORTAL_PAGE_SIZE = 100
    index = NetworkIndexPageFactory(parent=portal.home)
    translate(index, "el")
    networks = Networks(portal)
    client = Client()
    searches = [
        {},
        {"theme": "training", "q": "mentors"},
        {"country": "gr", "size": "2-5", "level": "regional", "orientation": "thematic"},
    ]
    networks.grow_to(3)
    small = [count_queries(client, "/el/networks/", **query)[0] for query in searches]
    _count, response = count_queries(client, "/el/networks/")
    assert len(card_titles(response.content.decode())) == 3
    networks.grow_to(23)
    large = [count_queries(client, "/el/networks/", **query)[0] for query in searches]
    _count, response = count_queries(client, "/el/networks/")
    assert len(card_titles(response.content.decode())) == 23
    assert small == large
    assert max(large) <= LIST_BUDGET, large

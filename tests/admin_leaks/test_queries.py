"""The explorer's user filters, narrowed to the people a facilitator may know of, cost as many
queries for 2 organisations of their country as for 8."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.factories import CountryFacilitatorFactory
from tests.directory.organisations import registered

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_explorers_user_filters_cost_the_same_for_2_and_8_organisations(client, portal):
    facilitator = CountryFacilitatorFactory(username="fac-it", country="IT")
    client.force_login(facilitator)
    italy = portal.countries["IT"]
    url = reverse("wagtailadmin_explore", args=[italy.pk]) + "?owner=&edited_by="
    counts, made = [], 0
    for size in (2, 8):
        for i in range(made, size):
            registered("it", f"member{i}@coop.example.org", f"Cooperativa {i}")
        made = size
        client.get(url)  # caches warmed, as for the second look
        counts.append(queries(client, url))
    assert counts[0] == counts[1], counts

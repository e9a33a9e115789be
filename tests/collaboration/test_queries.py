"""The list of calls and the organisation's collaboration panel cost the same number of queries
whatever the number of calls, organisations and interests."""

import pytest
from django.test import Client
from django.urls import reverse

from collaboration.models import ExpressionOfInterest
from directory.factories import OrganisationPageFactory
from tests.collaboration.calls import make_call, with_expertise
from tests.helpers import count_queries, days

pytestmark = pytest.mark.django_db


def grow(world, n):
    """n more open calls of Il Ponte seeking training, n more organisations with training, and
    n interests in the Greek call; half of the calls translated-looking (other kinds)."""
    italy = world.portal.countries["IT"]
    for i in range(n):
        make_call(
            world.a.page,
            title=f"Call number {i}",
            summary=f"Trainers wanted, call {i}.",
            expertise=[world.terms.training, world.terms.ict],
            countries=[italy] if i % 2 else [],
            deadline=days(20 + i),
        )
        other = OrganisationPageFactory(
            parent=world.portal.localized(italy, "it"), title=f"Cooperativa {i}", city="Enna"
        )
        other = with_expertise(other, world.terms.training)
        ExpressionOfInterest.objects.create(
            call_key=world.calls.gr.translation_key,
            call=world.calls.gr,
            organisation_key=other.translation_key,
            organisation=other,
            owner_key=world.a.page.translation_key,
            message=f"Interest {i}",
        )


count = count_queries


# The most queries the list may take, as measured (35 without words, 36 with): the site and
# its pages, the form's vocabularies and countries, the rows' freshness (one), each filter's
# counts (one each, four), one count and one page of ids (with words: the search, the listed
# versions of its matches, the ids passing), the cards and their addresses.
LIST_BUDGET = 36


def test_the_list_of_calls_costs_the_same_for_3_and_23_calls(world, settings):
    settings.PORTAL_PAGE_SIZE = 100
    client = Client()
    searches = [{}, {"expertise": "training", "q": "trainers"}, {"country": "gr", "deadline": "92"}]
    small, response = count(client, "/el/collaboration/")
    assert len(response.context["calls"].object_list) == 3
    small_searches = [count(client, "/el/collaboration/", **query)[0] for query in searches]
    grow(world, 20)
    large, response = count(client, "/el/collaboration/")
    assert len(response.context["calls"].object_list) == 23
    assert small == large <= LIST_BUDGET
    large_searches = [count(client, "/el/collaboration/", **query)[0] for query in searches]
    assert small_searches == large_searches
    assert max(large_searches) <= LIST_BUDGET, large_searches


def test_the_collaboration_panel_costs_the_same_for_5_and_25_calls(world):
    owner, partner = Client(), Client()
    owner.force_login(world.a.user)
    partner.force_login(world.c.user)  # the calls that seek its expertise: 1, then 21
    home = reverse("wagtailadmin_home")
    small = (count(owner, home)[0], count(partner, home)[0])
    grow(world, 20)
    large_owner, response = count(owner, home)
    html = response.content.decode()
    assert "Call number 19" in html
    large_partner, response = count(partner, home)
    html = response.content.decode()
    # 21 calls seek its expertise: the five closest deadlines are shown, and how many more.
    assert "Call number 4" in html and "Call number 5" not in html and "And 16 more." in html
    assert small == (large_owner, large_partner)

"""The list of open calls at /<lang>/collaboration/, its filters and search, and a call's page."""

import pytest
from django.test import Client

from tests.helpers import has_form, translate

pytestmark = pytest.mark.django_db


def listed(client, language="en", **params):
    response = client.get(f"/{language}/collaboration/", params)
    assert response.status_code == 200, response.status_code
    return [call.title for call in response.context["calls"].object_list]


def test_the_list_shows_open_calls_only_soonest_deadline_first(client, world):
    assert listed(client) == [
        "Exchange of trainers with Greece",  # in 10 days
        "Partners for a bakery job club",  # in 30 days
        "Co-design a digital help desk",  # no deadline: last
    ]


def test_closed_and_past_deadline_calls_keep_their_page_and_say_they_are_closed(client, world):
    for call in (world.calls.closed, world.calls.past):
        response = client.get(call.url)
        assert response.status_code == 200
        assert response.context["standing"].state == "closed"
        assert not has_form(response.content.decode())
    # No English version: at the English address, the Italian call in an English page.
    english = client.get(world.calls.past.url.replace("/it/", "/en/", 1))
    assert english.status_code == 200
    html = english.content.decode()
    assert '<html lang="en"' in html and f'<h1 lang="it" dir="ltr">{world.calls.past.title}' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "co_design"}, ["Co-design a digital help desk"]),
        (
            {"expertise": "training"},
            ["Exchange of trainers with Greece", "Partners for a bakery job club"],
        ),
        # Greece: the call for Greek partners, and the call open to every country.
        ({"country": "gr"}, ["Exchange of trainers with Greece", "Co-design a digital help desk"]),
        (
            {"country": "it"},
            ["Partners for a bakery job club", "Co-design a digital help desk"],
        ),
        ({"deadline": "14"}, ["Exchange of trainers with Greece"]),
        (
            {"deadline": "31"},
            ["Exchange of trainers with Greece", "Partners for a bakery job club"],
        ),
        ({"deadline": "none"}, ["Co-design a digital help desk"]),
        ({"expertise": "training", "country": "it"}, ["Partners for a bakery job club"]),
        ({"q": "bakery"}, ["Partners for a bakery job club"]),
        ({"q": "help desk"}, ["Co-design a digital help desk"]),
        ({"q": "bakery", "kind": "co_design"}, []),
        ({"q": "volunteers"}, []),  # only the past call has the word
    ],
)
def test_each_filter_and_the_search_narrow_the_list(client, world, params, expected):
    assert listed(client, **params) == expected


def test_a_search_finds_a_call_by_words_of_another_language_and_shows_it_in_yours(client, world):
    # The call was written on the organisation's Italian pages; it is translated into Greek.
    translate(
        world.calls.training_it,
        "el",
        title="Συνεργάτες για job club σε αρτοποιείο",
        summary="Ζητούνται εκπαιδευτές για job club σε αρτοποιείο στο Παλέρμο.",
    )
    # In Greek, the Greek version is listed; the words of the original still find it.
    assert listed(client, "el", q="bakery") == ["Συνεργάτες για job club σε αρτοποιείο"]
    # In English (no English version), the original is listed; the Greek words find it.
    assert listed(client, "en", q="αρτοποιείο") == ["Partners for a bakery job club"]
    # A call not translated into Greek is listed in its own language on the Greek site.
    assert "Co-design a digital help desk" in listed(client, "el")


def test_values_that_are_not_choices_are_ignored_with_a_message(client, world):
    response = client.get("/en/collaboration/", {"kind": "lunch", "country": "xx", "deadline": "7"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were not recognised and have been ignored" in html
    assert len(response.context["calls"].object_list) == 3


@pytest.mark.parametrize("page", ["2", "0", "last", "-1"])
def test_a_page_of_results_that_does_not_exist_is_404(client, world, page):
    assert client.get("/en/collaboration/", {"page": page}).status_code == 404


def test_the_empty_state_offers_the_whole_list(client, world):
    html = client.get("/en/collaboration/", {"q": "submarine"}).content.decode()
    assert "No open call matches this search yet." in html
    assert 'href="/en/collaboration/">See every open call' in html


def test_the_card_and_the_page_show_what_a_partner_needs_to_know(client, world):
    html = client.get("/en/collaboration/", {"q": "bakery"}).content.decode()
    assert "Cooperativa Il Ponte, Italia" in html  # in the language of the card
    assert "Training" in html
    response = client.get(world.calls.gr.url)
    assert response.context["country_labels"] == ["Grecia"]  # the page is in Italian
    assert response.context["expertise_labels"] == ["Formazione"]
    html = response.content.decode()
    assert 'href="/it/register/"' in html  # an anonymous visitor is invited to register


def test_the_arabic_list_is_right_to_left_and_names_countries_in_arabic(client, world):
    response = Client().get("/ar/collaboration/", {"q": "trainers"})
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "اليونان" in html


def test_the_organisation_page_lists_its_open_calls(client, world):
    response = client.get(world.a.page.url)
    assert [call.title for call in response.context["calls"]] == [
        "Exchange of trainers with Greece",
        "Partners for a bakery job club",
        "Co-design a digital help desk",
    ]
    assert world.calls.gr.url in response.content.decode()
    assert client.get(world.b.page.url).context["calls"] == []

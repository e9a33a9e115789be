"""Places in search: a town is one place with its names in every language, so a search in one
language finds what is written in another, and the "City or region" filter offers places by name
in the visitor's language. Run on SQLite and on PostgreSQL alike."""

import re

import pytest

from directory.factories import (
    CountryPageFactory,
    OrganisationPageFactory,
    PlaceFactory,
    ServicePageFactory,
)
from directory.models import Delivery
from tests.helpers import load_portal, module_transaction, publish, refreshed, term, translate

from .helpers import search, titles

pytestmark = pytest.mark.django_db

BEIRUT = {"en": "Beirut", "ar": "بيروت", "el": "Βηρυτός", "it": "Beirut"}


@pytest.fixture(scope="module")
def made_beirut(django_db_setup, django_db_blocker):
    """The places and pages below, made once for the module (`module_transaction`)."""
    with module_transaction(django_db_blocker):
        yield make_beirut(load_portal(django_db_setup))


@pytest.fixture
def beirut(portal, made_beirut):
    """The same pages and places in new instances read from the database, for one test."""
    return refreshed(made_beirut)


def make_beirut(portal):
    """An Italian organisation working in Beirut, with an Italian service held there and an
    English one held in Tripoli; a Greek organisation in Athens."""
    lebanon = CountryPageFactory(parent=portal.directory, title="Lebanon", code="LB")
    translate(lebanon, "ar", title="لبنان")
    lebanon_it = translate(lebanon, "it", title="Libano")
    places = {
        "beirut": term(PlaceFactory, "beirut", BEIRUT, country="LB")["en"],
        "tripoli": term(PlaceFactory, "tripoli", {"en": "Tripoli", "ar": "طرابلس"}, country="LB")[
            "en"
        ],
        "athens": term(PlaceFactory, "athens", {"el": "Αθήνα", "en": "Athens"}, country="GR")["el"],
    }
    ponte = publish(
        OrganisationPageFactory(
            parent=lebanon_it, title="Ponte per il Libano", place=places["beirut"]
        )
    )
    course = publish(
        ServicePageFactory(
            parent=ponte,
            title="Corso di italiano per adulti",
            summary="Lezioni serali di lingua italiana.",
            delivery=Delivery.IN_PERSON,
        )
    )
    outreach = publish(
        ServicePageFactory(
            parent=ponte,
            title="Sportello mobile",
            summary="Consulenza nei quartieri del nord.",
            place=places["tripoli"],
        )
    )
    greece_el = portal.localized(portal.countries["GR"], "el")
    syllogos = publish(
        OrganisationPageFactory(
            parent=greece_el, title="Σύλλογος Αλληλεγγύης", place=places["athens"]
        )
    )
    return {"ponte": ponte, "course": course, "outreach": outreach, "syllogos": syllogos, **places}


@pytest.mark.parametrize("name", ["بيروت", "Βηρυτός", "Beirut"])
def test_a_place_is_found_by_its_name_in_any_language(client, beirut, name):
    found = titles(search(client, "ar", q=name))
    assert "Ponte per il Libano" in found
    assert "Corso di italiano per adulti" in found  # in its organisation's place
    assert "Sportello mobile" not in found  # held in Tripoli


def test_a_service_held_elsewhere_is_found_by_its_own_place(client, beirut):
    found = titles(search(client, "el", q="طرابلس"))
    assert found == ["Sportello mobile"]


def test_a_venue_is_no_place_to_search_by(client, beirut):
    service = beirut["course"]
    service.address = "Centro giovanile di Bourj Hammoud, Rue Arax"
    publish(service)
    assert "Corso di italiano per adulti" in titles(search(client, "en", q="Bourj Hammoud"))
    options = place_options(search(client, "en"))
    assert "Bourj Hammoud" not in " ".join(options.values())


def place_options(response):
    """{value: "name (count)"} of the "City or region" filter."""
    html = response.content.decode()
    select = re.search(r'<select name="place".*?</select>', html, re.S).group(0)
    return {
        value: label.strip()
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
        if value
    }


def test_the_filter_offers_places_by_slug_named_in_the_visitors_language(client, beirut):
    arabic = place_options(search(client, "ar"))
    # Athens has no Arabic name yet: it is named in English.
    assert arabic == {"beirut": "بيروت (2)", "tripoli": "طرابلس (1)", "athens": "Athens (1)"}
    greek = place_options(search(client, "el"))
    assert greek["beirut"] == "Βηρυτός (2)"
    assert greek["athens"] == "Αθήνα (1)"
    english = place_options(search(client, "en"))
    assert english["athens"] == "Athens (1)"


def test_filtering_by_a_place_keeps_its_pages_and_says_it_in_the_visitors_language(client, beirut):
    response = search(client, "ar", place="beirut")
    assert set(titles(response)) == {"Ponte per il Libano", "Corso di italiano per adulti"}
    # The filter in force, as a removable chip, named in Arabic.
    assert "بيروت" in re.search(r'class="chips?.*?</ul>', response.content.decode(), re.S).group(0)
    assert titles(search(client, "ar", place="tripoli")) == ["Sportello mobile"]


def test_an_unknown_place_is_reported_not_an_error(client, beirut):
    response = search(client, "en", place="atlantis")
    assert "Corso di italiano per adulti" in titles(response)  # the filter is left out
    assert "valid choice" in response.content.decode()


def test_cards_name_the_place_in_the_visitors_language(client, beirut):
    html = search(client, "el", q="Ponte").content.decode()
    organisation = re.search(r'<article class="card organisation-card">.*?</article>', html, re.S)
    assert "Βηρυτός" in organisation.group(0)
    html = search(client, "ar", q="Corso").content.decode()
    service = re.search(r'<article class="card service-card">.*?</article>', html, re.S)
    assert "بيروت" in service.group(0)
    assert "Beirut" not in service.group(0)

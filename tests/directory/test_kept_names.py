"""The names a page of cards shows (the locales, the vocabulary, the places, the countries) are
the same for every visitor of a language until something public changes, so each process keeps
them between requests (`core.page_cache.kept_in_memory`); a term or a place renamed by staff shows
on the next page anyway."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from directory.countries import country_names
from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.listing import Locales, TermLabels
from directory.models import ExpertiseCategory, PlaceNames, TargetGroup
from tests.helpers import locale, publish, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(portal):
    category = term(ExpertiseCategoryFactory, "training", {"en": "Training", "it": "Formazione"})[
        "en"
    ]
    young = term(TargetGroupFactory, "young-people", {"en": "Young people", "it": "Giovani"})
    naples = term(PlaceFactory, "naples", {"en": "Naples", "it": "Napoli"}, country="IT")["en"]
    organisation = publish(
        OrganisationPageFactory(parent=portal.countries["IT"], title="Forno Aperto", place=naples)
    )
    service = publish(
        ServicePageFactory(
            parent=organisation, title="Bakery apprenticeship", category=category, place=naples
        )
    )
    service.target_groups.set([young["en"]])
    return publish(service)


def names_statements():
    """The SQL that reads the locales, the vocabulary, the places and the countries' names."""
    with CaptureQueriesContext(connection) as queries, override_settings(PORTAL_MEMORY_SECONDS=0):
        Locales()
        TermLabels(ExpertiseCategory, TargetGroup)
        TermLabels(ExpertiseCategory)
        PlaceNames()
        country_names()
    assert len(queries) == 6
    return {query["sql"] for query in queries}


def card(client, language="en"):
    response = client.get(f"/{language}/search/", {"q": "apprenticeship"})
    assert response.status_code == 200
    html = response.content.decode()
    found = re.search(r'<article class="card service-card">.*?</article>', html, re.S)
    assert found, "no service card"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))).strip()


def test_a_second_page_of_cards_reads_neither_locales_nor_vocabulary_nor_places(client, service):
    first = card(client)
    assert "Training" in first
    assert "Young people" in first
    assert "Naples" in first
    with CaptureQueriesContext(connection) as queries:
        second = card(client)
    assert second == first
    read = {query["sql"] for query in queries}
    # None of the statements that read the names was sent again.
    assert names_statements() & read == set()
    # Each language has its own names.
    italian = card(client, "it")
    assert "Formazione" in italian
    assert "Giovani" in italian
    assert "Napoli" in italian


def test_a_term_or_a_place_renamed_shows_on_the_next_page(client, service):
    assert "Formazione" in card(client, "it")
    assert "Naples" in card(client)
    formazione = service.category.get_translation(locale("it"))
    formazione.name = "Formazione professionale"
    formazione.save()
    naples = service.place
    naples.name = "Naples (Campania)"
    naples.save()
    assert "Formazione professionale" in card(client, "it")
    english = card(client)
    assert "Naples (Campania)" in english
    assert "Training" in english  # the English name did not change

"""Matching: the open calls that seek an organisation's expertise in its country, and the
organisations that have the expertise a call seeks (see the world in conftest.py)."""

import pytest

from collaboration.matching import calls_for, organisations_for
from directory.listing import Locales
from tests.collaboration.calls import make_call

pytestmark = pytest.mark.django_db


def titles(pages):
    return [page.title for page in pages]


def test_each_organisation_is_offered_exactly_the_calls_that_seek_it(world):
    found = calls_for([world.a.page, world.b.page, world.c.page, world.e.page], Locales())
    # A: its own calls never; it offers care, which no call seeks.
    assert found[world.a.page.translation_key] == []
    # B (Greece, training): the Greek call; not the Italian one, not the closed or past ones.
    assert titles(found[world.b.page.translation_key]) == ["Exchange of trainers with Greece"]
    # C (Italy, "Formazione", the Italian translation of Training).
    assert titles(found[world.c.page.translation_key]) == ["Partners for a bakery job club"]
    # E (Italy, ICT): the call open to every country.
    assert titles(found[world.e.page.translation_key]) == ["Co-design a digital help desk"]


def test_each_call_is_offered_exactly_the_organisations_that_could_answer_it(world):
    calls = world.calls
    found = organisations_for([calls.training_it, calls.any, calls.gr], Locales())
    # Italy and training: C only (B is in Greece, A is the owner and offers care).
    assert titles(found[calls.training_it.pk]) == ["Lavoro Insieme"]
    # Any country and ICT: E; D has ICT too but is not published.
    assert titles(found[calls.any.pk]) == ["Officina Digitale"]
    assert titles(found[calls.gr.pk]) == ["Synergasia Vita"]


def test_organisations_with_more_of_the_sought_expertise_come_first(world):
    terms = world.terms
    call = make_call(
        world.a.page, title="Training in digital skills", expertise=[terms.training, terms.ict]
    )
    world.c.page.expertise_categories = [terms.formazione, terms.ict]
    world.c.page.save_revision().publish()
    found = organisations_for([call], Locales())
    assert titles(found[call.pk]) == ["Lavoro Insieme", "Officina Digitale", "Synergasia Vita"]
    assert titles(organisations_for([call], Locales(), limit=1)[call.pk]) == ["Lavoro Insieme"]


def test_a_call_seeking_no_expertise_matches_no_one(world):
    call = make_call(world.a.page, title="Anyone?", expertise=[])
    assert organisations_for([call], Locales())[call.pk] == []
    found = calls_for([world.b.page, world.c.page], Locales())
    assert "Anyone?" not in titles(found[world.b.page.translation_key])

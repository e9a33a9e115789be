"""Organisations with calls for collaboration, and organisations that could answer them.

A  Cooperativa Il Ponte (Italy, Italian page; account A.user): care. Its calls:
   training_it  seeks training, partners from Italy, open, deadline in 30 days (new service)
   any          seeks ICT, partners from any country, open, no deadline (co-design)
   gr           seeks training, partners from Greece, open, deadline in 10 days (project)
   closed       seeks training, Italy, closed by A
   past         seeks training, Italy, deadline yesterday
B  Synergasia Vita (Greece; account B.user): training
C  Lavoro Insieme (Italy; account C.user): training, through the Italian term "Formazione"
D  Rete Digitale (Italy; draft, never published): ICT
E  Officina Digitale (Italy, page in Italian only): ICT
"""

from types import SimpleNamespace

import pytest
from django.db import models

from collaboration.factories import CollaborationIndexPageFactory
from collaboration.models import CallKind
from directory.factories import ExpertiseCategoryFactory, OrganisationPageFactory
from tests.collaboration.calls import make_call, with_expertise
from tests.directory.organisations import registered
from tests.helpers import days, load_portal, module_transaction, translate

pytestmark = pytest.mark.django_db


def build_world(portal):
    italy, greece = portal.countries["IT"], portal.countries["GR"]
    index = CollaborationIndexPageFactory(parent=portal.home)
    for code in ("it", "el", "ar"):
        translate(index, code)
    training = ExpertiseCategoryFactory(name="Training", slug="training")
    formazione = training.copy_for_translation(portal.localized(portal.home, "it").locale)
    formazione.name = "Formazione"
    formazione.save()
    ict = ExpertiseCategoryFactory(name="Digital skills", slug="ict")
    care = ExpertiseCategoryFactory(name="Care", slug="care")

    a_user, a, a_account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    a = with_expertise(a, care)
    b_user, b, b_account = registered("gr", "info@vita.example.org", "Synergasia Vita")
    b = with_expertise(b, training)
    c_user, c, c_account = registered("it", "info@insieme.example.org", "Lavoro Insieme")
    c = with_expertise(c, formazione)
    d_user, d, _ = registered("it", "info@rete.example.org", "Rete Digitale")
    d.expertise_categories = [ict]
    d.save_revision()  # a draft: never published
    e = OrganisationPageFactory(
        parent=portal.localized(italy, "it"), title="Officina Digitale", city="Bari"
    )
    e = with_expertise(e, ict)

    calls = SimpleNamespace(
        training_it=make_call(
            a,
            title="Partners for a bakery job club",
            summary="Trainers wanted for a job club in a bakery in Palermo.",
            expertise=[training],
            countries=[italy],
            deadline=days(30),
        ),
        any=make_call(
            a,
            title="Co-design a digital help desk",
            summary="Design with us a help desk for online job applications.",
            kind=CallKind.CO_DESIGN,
            expertise=[ict],
            deadline=None,
        ),
        gr=make_call(
            a,
            title="Exchange of trainers with Greece",
            summary="Support for an ongoing exchange of trainers between islands.",
            kind=CallKind.ONGOING_PROJECT,
            expertise=[training],
            countries=[greece],
            deadline=days(10),
        ),
        closed=make_call(
            a,
            title="Closed call for mentors",
            summary="Mentors for young bakers.",
            expertise=[training],
            countries=[italy],
            is_open=False,
        ),
        past=make_call(
            a,
            title="Past call for volunteers",
            summary="Volunteers for the summer school.",
            expertise=[training],
            countries=[italy],
            deadline=days(-1),
        ),
    )
    return SimpleNamespace(
        portal=portal,
        index=index,
        terms=SimpleNamespace(training=training, formazione=formazione, ict=ict, care=care),
        a=SimpleNamespace(user=a_user, page=a, account=a_account),
        b=SimpleNamespace(user=b_user, page=b, account=b_account),
        c=SimpleNamespace(user=c_user, page=c, account=c_account),
        d=SimpleNamespace(user=d_user, page=d),
        e=SimpleNamespace(page=e),
        calls=calls,
    )


def _keys(value):
    """The same structure, with each model instance replaced by (its class, its pk)."""
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{name: _keys(item) for name, item in vars(value).items()})
    if isinstance(value, models.Model):
        return (type(value), value.pk)
    return value


def _load(value):
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{name: _load(item) for name, item in vars(value).items()})
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], type):
        model, pk = value
        return model._default_manager.get(pk=pk)
    return value


@pytest.fixture(scope="module")
def world_keys(django_db_setup, django_db_blocker):
    """The world, built once for a module of tests (`module_transaction`)."""
    with module_transaction(django_db_blocker):
        world = build_world(load_portal(django_db_setup))
        world.portal = None  # the session's portal: loaded by `world`
        yield _keys(world)


@pytest.fixture
def world(db, django_db_setup, world_keys):
    """Fresh instances of the world from the database: what a test changes on them in memory
    never reaches the next test."""
    world = _load(world_keys)
    world.portal = load_portal(django_db_setup)
    return world

"""The news of a small portal, written by central staff, by facilitators and by an organisation.

central    "Portal open in four languages", under the news index, English and Italian, 1 day ago
italy      "Sportello lavoro a Palermo", under Italy (Italian), by its facilitators, 3 days ago,
           tagged training
ponte      "Il Ponte apre un forno sociale", under Cooperativa Il Ponte (Italy, Italian), 2 days
           ago, about its own page, tagged training
greece     "Νέο κέντρο κατάρτισης", under Greece (Greek), 5 days ago, tagged training
draft      under the news index, never published: listed nowhere
"""

from types import SimpleNamespace

import pytest

from directory.factories import ExpertiseCategoryFactory
from news.factories import NewsIndexPageFactory
from tests.directory.organisations import registered
from tests.helpers import (
    days,
    load_portal,
    module_transaction,
    publish,
    refreshed,
    translate,
)
from tests.news.news import make_news


def build_news(portal):
    index = NewsIndexPageFactory(parent=portal.home, show_in_menus=True)
    for code in ("it", "el", "ar"):
        translate(index, code, title={"it": "Notizie", "el": "Νέα", "ar": "الأخبار"}[code])
    training = ExpertiseCategoryFactory(name="Training", slug="training")
    italy = portal.localized(portal.countries["IT"], "it")
    greece = portal.localized(portal.countries["GR"], "el")
    user, ponte, account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    ponte = publish(ponte)
    central = make_news(
        index,
        title="Portal open in four languages",
        summary="The portal now speaks English, Italian, Greek and Arabic.",
        date=days(-1),
    )
    central_it = translate(central, "it", title="Portale aperto in quattro lingue")
    news = SimpleNamespace(
        central=central,
        central_it=central_it,
        italy=make_news(
            italy,
            title="Sportello lavoro a Palermo",
            summary="Un nuovo sportello per chi cerca lavoro.",
            date=days(-3),
            categories=[training],
        ),
        ponte=make_news(
            ponte,
            title="Il Ponte apre un forno sociale",
            summary="Pane, lavoro e uno sportello per dieci giovani.",
            date=days(-2),
            categories=[training],
            related=[ponte],
        ),
        greece=make_news(
            greece,
            title="Νέο κέντρο κατάρτισης",
            summary="Ένα νέο κέντρο κατάρτισης στην Αθήνα.",
            date=days(-5),
            categories=[training],
        ),
        draft=make_news(index, title="Draft news never published", live=False),
    )
    return SimpleNamespace(
        portal=portal,
        index=index,
        training=training,
        ponte=SimpleNamespace(user=user, page=ponte, account=account),
        news=news,
    )


@pytest.fixture(scope="module")
def made_world(django_db_setup, django_db_blocker):
    """The news, made once for a module (`module_transaction`)."""
    with module_transaction(django_db_blocker):
        yield build_news(load_portal(django_db_setup))


@pytest.fixture
def world(portal, made_world):
    """The same news in new instances read from the database, for one test."""
    world = refreshed(SimpleNamespace(**{**vars(made_world), "portal": None}))
    world.portal = portal
    return world

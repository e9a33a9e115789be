"""Who writes news where, tried by direct address in the admin: central staff on the news index,
facilitators on their own country, organisations on their own page, published only once their
country's facilitators approve it."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.factories import CentralStaffFactory, CountryFacilitatorFactory
from news.models import NewsPage
from tests.directory.organisations import refused
from tests.helpers import card_titles, days
from tests.news.news import make_news

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["news", "newspage", parent.pk])


def news_form(title, **action):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "date": days(0).isoformat(),
            "summary": "What happened, in two sentences.",
            "body": streamfield([("paragraph", rich_text("<p>The whole story.</p>"))]),
            "related_pages": inline_formset([]),
            **action,
        }
    )


PUBLISH = {"action-publish": "publish"}
SUBMIT = {"action-submit": "submit"}


def listed(language="en"):
    """The titles of the news index as a visitor reads it."""
    return card_titles(Client().get(f"/{language}/news/").content.decode())


def written(title):
    return NewsPage.objects.filter(title=title).first()


def test_an_organisation_proposes_news_that_its_countrys_facilitator_approves(client, world):
    ponte = world.ponte
    client.force_login(ponte.user)
    assert client.get(add_url(ponte.page)).status_code == 200
    client.post(add_url(ponte.page), news_form("Our new bakery", **PUBLISH))
    news = written("Our new bakery")
    assert news is not None and not news.live, "an organisation cannot publish news itself"
    edit = reverse("wagtailadmin_pages:edit", args=[news.pk])
    response = client.post(edit, news_form("Our new bakery", **SUBMIT))
    assert response.status_code == 302
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(news.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    assert "Our new bakery" not in listed()

    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[news.pk, "approve", task_state.pk]
    )
    client.force_login(CountryFacilitatorFactory(country="GR", username="eleni"))
    client.post(approve)
    news.refresh_from_db()
    assert not news.live, "a facilitator of another country cannot approve it"

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    client.post(approve)
    news.refresh_from_db()
    assert news.live
    assert "Our new bakery" in listed()


def test_an_organisation_writes_news_only_under_its_own_page(client, world):
    client.force_login(world.ponte.user)
    italy = world.portal.localized(world.portal.countries["IT"], "it")
    for parent in (world.index, italy):
        assert refused(client.get(add_url(parent)))
        assert refused(client.post(add_url(parent), news_form("Not ours", **PUBLISH)))
    assert written("Not ours") is None
    edit = reverse("wagtailadmin_pages:edit", args=[world.news.italy.pk])
    assert refused(client.get(edit)), "nor edits its facilitators' news"


def test_facilitators_publish_news_for_their_own_country_only(client, world):
    italy = world.portal.localized(world.portal.countries["IT"], "it")
    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    client.post(add_url(italy), news_form("Job fair in Catania", **PUBLISH))
    assert written("Job fair in Catania").live
    assert refused(client.get(add_url(world.index))), "the portal's own news is central staff's"

    client.force_login(CountryFacilitatorFactory(country="GR", username="eleni"))
    edit = reverse("wagtailadmin_pages:edit", args=[world.news.italy.pk])
    assert refused(client.get(edit))
    assert refused(client.post(edit, news_form("Changed by Greece", **PUBLISH)))
    assert refused(client.get(add_url(italy)))
    world.news.italy.refresh_from_db()
    assert world.news.italy.title == "Sportello lavoro a Palermo"


def test_central_staff_publish_the_portals_news(client, world):
    client.force_login(CentralStaffFactory(username="coordinator"))
    client.post(add_url(world.index), news_form("Annual meeting in Palermo", **PUBLISH))
    assert written("Annual meeting in Palermo").live
    assert "Annual meeting in Palermo" in listed("ar")


def test_news_goes_only_where_it_belongs_in_the_tree(world):
    service_parent = world.ponte.page
    assert NewsPage.can_create_at(world.index)
    assert NewsPage.can_create_at(world.portal.countries["IT"])
    assert NewsPage.can_create_at(service_parent)
    assert not NewsPage.can_create_at(world.portal.home)
    assert not NewsPage.can_create_at(world.portal.directory)
    assert not NewsPage.can_create_at(make_news(world.index, title="Leaf"))

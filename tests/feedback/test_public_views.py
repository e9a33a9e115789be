"""Readers' reactions on the public pages that are plain views (the search, the registration):
asked and stored against the view's key, only for the views of the registry; never on an error
page nor on a private page; their answers central staff's alone in the admin."""

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from wagtail.models import PageViewRestriction

from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    OrganisationMemberFactory,
    UserFactory,
)
from feedback.factories import AnswerFactory
from feedback.models import Answer
from feedback.public_views import PUBLIC_VIEWS
from tests.directory.organisations import refused, registered
from tests.helpers import signed_in

from .test_answers import hidden, widget
from .test_reactions_admin import LAST_MONTH, THIS_MONTH, URL, titles

pytestmark = pytest.mark.django_db

VIEW_URL = f"{URL}view/search/"


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


def test_the_search_page_asks_and_a_reader_without_javascript_answers_about_it(browser, portal):
    response = browser.get("/it/search/", {"q": "corso di cucina", "country": "it"})
    assert response.status_code == 200
    action, fields, buttons = widget(response.content.decode())
    assert buttons == ["yes", "no"]
    assert fields == {"csrfmiddlewaretoken": "", "view": "search"}  # not the query
    assert action == "/it/feedback/"
    assert not response.cookies  # the search page stays the same for everyone

    refused_once = browser.post(action, {**fields, "useful": "no"})
    assert refused_once.status_code == 403
    assert not Answer.objects.exists()
    token = hidden(refused_once.content.decode(), "csrfmiddlewaretoken")
    taken = browser.post(action, {"csrfmiddlewaretoken": token, "view": "search", "useful": "no"})
    assert taken.status_code == 303
    answer = Answer.objects.get()
    assert (answer.page_id, answer.view, answer.language, answer.useful) == (
        None,
        "search",
        "it",
        False,
    )
    stored = " ".join(str(value) for value in Answer.objects.values().get().values())
    assert "cucina" not in stored  # nothing of what the reader searched for

    thanks = browser.get(taken["Location"]).content.decode()
    assert 'href="/it/search/"' in thanks  # back to the search, without the reader's query
    sent = browser.post(
        "/it/feedback/missing/",
        {
            "csrfmiddlewaretoken": hidden(thanks, "csrfmiddlewaretoken"),
            "token": hidden(thanks, "token"),
            "missing": "Un filtro per i corsi serali",
        },
    )
    assert sent.status_code == 303
    assert Answer.objects.get().missing == "Un filtro per i corsi serali"


def test_the_registration_page_asks_about_itself(client, portal):
    _action, fields, _buttons = widget(client.get("/el/register/").content.decode())
    assert fields == {"csrfmiddlewaretoken": "", "view": "register"}


@pytest.mark.parametrize(
    "data",
    [
        {"view": "register_verify", "useful": "no"},  # a view behind a personal link
        {"view": "subscriptions_manage", "useful": "yes"},
        {"view": "admin", "useful": "no"},
        {"view": "search?q=lavoro", "useful": "no"},
        {"view": "x" * 60, "useful": "no"},
        {"view": "search", "page": "HOME", "useful": "no"},  # both at once
        {"view": "", "page": "", "useful": "yes"},  # neither
    ],
)
def test_an_unlisted_view_is_refused_and_nothing_is_kept(client, portal, data):
    data = {name: str(portal.home.pk) if value == "HOME" else value for name, value in data.items()}
    token = client.get("/en/enquiry/token/").json()["token"]
    response = client.post("/en/feedback/", {"csrfmiddlewaretoken": token, **data})
    assert response.status_code == 400
    assert "Your answer could not be taken" in response.content.decode()
    assert not Answer.objects.exists()


def test_the_database_keeps_an_answer_about_exactly_one_page_or_view(portal):
    for about in ({"page": None, "view": ""}, {"page": portal.home, "view": "search"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            AnswerFactory(**about)
    assert not Answer.objects.exists()


def test_error_pages_and_the_answers_own_pages_do_not_ask(client, portal, monkeypatch):
    # Even were the pages' view listed, its "not found" would not ask about itself.
    monkeypatch.setitem(PUBLIC_VIEWS, "wagtail_serve", "Pages")
    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404
    assert "page-feedback__form" not in missing.content.decode()
    taken = client.post("/en/feedback/", {"view": "search", "useful": "no"})
    thanks = client.get(taken["Location"])
    assert thanks.status_code == 200 and "page-feedback__form" not in thanks.content.decode()


def test_a_private_page_does_not_ask(portal):
    restricted = portal.countries["GR"]
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    reader = signed_in(UserFactory())
    response = reader.get(restricted.url)
    assert response.status_code == 200 and restricted.title in response.content.decode()
    assert "page-feedback__form" not in response.content.decode()
    assert "page-feedback__form" in reader.get(portal.directory.url).content.decode()


@pytest.fixture
def answered(portal):
    """Answers about the search page (the most "no"), the registration and the home page."""
    for useful, count in ((False, 7), (True, 2)):
        for _ in range(count):
            AnswerFactory(page=None, view="search", useful=useful)
    AnswerFactory(page=None, view="search", missing="Cerca per città", language="it")
    AnswerFactory(page=None, view="register", useful=True, month=LAST_MONTH)
    for _ in range(3):
        AnswerFactory(page=portal.home)
    _user, ponte, _account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    AnswerFactory(page=ponte)
    return ponte


def test_central_staff_see_the_views_among_the_pages_the_most_no_first(answered):
    staff = signed_in(CentralStaffFactory())
    html = staff.get(URL).content.decode()
    assert titles(html) == [
        "Search",  # 8 no
        "MoreThanAJob",  # 3 no
        "Cooperativa Il Ponte",  # 1 no
        "Register an organisation",  # no "no"
    ]
    assert f'href="{VIEW_URL}"' in html
    this_month = staff.get(URL, {"month": THIS_MONTH.strftime("%Y-%m")}).content.decode()
    assert "Register an organisation" not in this_month and "Search" in this_month
    last_month = staff.get(URL, {"month": LAST_MONTH.strftime("%Y-%m")}).content.decode()
    assert titles(last_month) == ["Register an organisation"]
    # A country's answers are its pages': a view belongs to none.
    assert "Search" not in titles(staff.get(URL, {"country": "IT"}).content.decode())

    screen = staff.get(VIEW_URL)
    assert screen.status_code == 200
    assert "Cerca per città" in screen.content.decode()
    assert 'href="/en/search/"' in screen.content.decode()
    assert staff.get(f"{URL}view/register_verify/", follow=True).status_code == 404


@pytest.mark.parametrize("who", ["facilitator", "organisation"])
def test_facilitators_and_organisations_do_not_see_the_views(answered, who):
    user = (
        CountryFacilitatorFactory(country="IT")
        if who == "facilitator"
        else OrganisationMemberFactory(organisation=answered)
    )
    browser = signed_in(user)
    html = browser.get(URL).content.decode()
    assert "Cooperativa Il Ponte" in titles(html)
    assert "Search" not in titles(html) and "Register an organisation" not in titles(html)
    assert refused(browser.get(VIEW_URL))
    assert "Cerca per città" not in browser.get(VIEW_URL, follow=True).content.decode()

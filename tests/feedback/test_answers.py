"""Readers' reactions on the public pages: "Was this page useful?", then "What was missing?",
without JavaScript, without personal data, limited per connection."""

import re

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.factories import ServicePageFactory
from feedback.forms import without_personal_data
from feedback.models import Answer

pytestmark = pytest.mark.django_db


def widget(html):
    """The fields of the "Was this page useful?" form of a page, and where it posts."""
    form = html.split('class="page-feedback__form"', 1)[1].split("</form>", 1)[0]
    action = re.search(r'action="([^"]+)"', form).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    buttons = re.findall(r'<button type="submit" name="useful" value="(yes|no)"', form)
    return action, fields, buttons


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def answered(client, page, useful="no", language="en"):
    """Answer about `page` as a reader with JavaScript would (the token fetched first); the
    response (a 303 to the thanks)."""
    token = client.get(f"/{language}/enquiry/token/").json()["token"]
    return client.post(
        f"/{language}/feedback/",
        {"csrfmiddlewaretoken": token, "page": page.pk, "useful": useful},
    )


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


def test_every_public_page_asks_whether_it_was_useful_and_stays_cacheable(browser, portal):
    italian_country = portal.localized(portal.countries["IT"], "it")
    for page in (portal.home, portal.directory, italian_country):
        response = browser.get(page.url)
        assert response.status_code == 200
        action, fields, buttons = widget(response.content.decode())
        assert buttons == ["yes", "no"]
        assert fields == {"csrfmiddlewaretoken": "", "page": str(page.pk)}
        assert action == f"/{page.locale.language_code}/feedback/"
        assert not response.cookies  # no token on the page: it stays the same for everyone


def test_without_javascript_the_answer_is_confirmed_once_then_taken(browser, portal):
    country = portal.localized(portal.countries["IT"], "it")
    html = browser.get(country.url).content.decode()
    action, fields, _buttons = widget(html)

    refused = browser.post(action, {**fields, "useful": "no"})
    assert refused.status_code == 403
    assert not Answer.objects.exists()
    page = refused.content.decode()
    assert '<html lang="it"' in page
    token = hidden(page, "csrfmiddlewaretoken")
    assert token and "csrftoken" in refused.cookies

    taken = browser.post(action, {"csrfmiddlewaretoken": token, "page": country.pk, "useful": "no"})
    assert taken.status_code == 303
    assert taken["Location"].startswith("/it/feedback/thanks/?t=")
    answer = Answer.objects.get()
    assert (answer.page_id, answer.language, answer.useful) == (country.pk, "it", False)
    assert answer.month == timezone.localdate().replace(day=1)
    assert answer.missing == ""

    thanks = browser.get(taken["Location"])
    assert thanks.status_code == 200
    assert '<html lang="it"' in thanks.content.decode()
    assert f'href="{country.url}"' in thanks.content.decode()  # back to the page


def test_a_yes_is_stored_for_the_page_in_the_readers_language(client, portal):
    greek_home = portal.localized(portal.home, "el")
    assert answered(client, greek_home, "yes", "el").status_code == 303
    answer = Answer.objects.get()
    assert (answer.page_id, answer.language, answer.useful) == (greek_home.pk, "el", True)


def test_what_was_missing_is_kept_without_addresses_or_phone_numbers(client, portal):
    location = answered(client, portal.directory)["Location"]
    thanks = client.get(location).content.decode()
    assert "What was missing?" in thanks
    token = hidden(thanks, "token")
    text = (
        "The opening hours of the Palermo office. Write to me at amina.h@example.org "
        "or call +39 091 234 5678, I was there on 12/03/2026."
    )
    sent = client.post(
        "/en/feedback/missing/",
        {
            "csrfmiddlewaretoken": hidden(thanks, "csrfmiddlewaretoken"),
            "token": token,
            "missing": text,
        },
    )
    assert sent.status_code == 303
    answer = Answer.objects.get()
    assert answer.missing == (
        "The opening hours of the Palermo office. Write to me at […] or call […], I was there on "
        "12/03/2026."
    )
    done = client.get(sent["Location"]).content.decode()
    assert "We have received what was missing" in done and 'name="missing"' not in done

    again = client.post("/en/feedback/missing/", {"token": token, "missing": "Something else"})
    assert again.status_code == 400
    assert Answer.objects.get().missing == answer.missing


def test_the_arabic_thanks_read_right_to_left(client, portal):
    arabic_home = portal.localized(portal.home, "ar")
    location = answered(client, arabic_home, "no", "ar")["Location"]
    html = client.get(location).content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert Answer.objects.get().language == "ar"


def test_nothing_about_the_reader_is_kept(client, portal):
    assert {field.name for field in Answer._meta.get_fields()} == {
        "id",
        "page",
        "view",
        "language",
        "month",
        "useful",
        "missing",
    }
    # A reader with an address, a browser and a cookie of their own.
    client.cookies["sessionid"] = "not-a-session"
    token = client.get("/en/enquiry/token/").json()["token"]
    client.post(
        "/en/feedback/",
        {"csrfmiddlewaretoken": token, "page": portal.home.pk, "useful": "no"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 (Reader's phone)",
    )
    row = Answer.objects.values().get()
    stored = " ".join(str(value) for value in row.values())
    assert "203.0.113.7" not in stored and "Mozilla" not in stored and "not-a-session" not in stored
    assert set(row) == {"id", "page_id", "view", "language", "month", "useful", "missing"}


def test_answers_are_limited_per_connection(client, portal, settings):
    settings.PORTAL_FEEDBACK_RATE_LIMIT = 2
    assert answered(client, portal.home).status_code == 303
    assert answered(client, portal.directory).status_code == 303
    third = answered(client, portal.services)
    assert third.status_code == 429
    assert "Many answers have come from your connection" in third.content.decode()
    assert Answer.objects.count() == 2
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert answered(other, portal.services).status_code == 303


@pytest.fixture
def private_page(portal):
    page = ServicePageFactory.build(title="Staff only")
    restricted = portal.directory.add_child(instance=page)
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return restricted


@pytest.mark.parametrize(
    "data",
    [
        {"page": "999999", "useful": "no"},  # no such page
        {"page": "1", "useful": "no"},  # the tree's root
        {"page": "abc", "useful": "yes"},
        {"useful": "yes"},
        {"page": "HOME", "useful": "maybe"},
        {"page": "HOME"},
        {"page": "DRAFT", "useful": "no"},
        {"page": "PRIVATE", "useful": "no"},
    ],
)
def test_hostile_answers_are_refused_and_nothing_is_kept(client, portal, private_page, data):
    draft = portal.directory.add_child(instance=ServicePageFactory.build(title="Draft", live=False))
    ids = {"HOME": portal.home.pk, "DRAFT": draft.pk, "PRIVATE": private_page.pk}
    data = {name: str(ids.get(value, value)) for name, value in data.items()}
    token = client.get("/en/enquiry/token/").json()["token"]
    response = client.post("/en/feedback/", {"csrfmiddlewaretoken": token, **data})
    assert response.status_code == 400
    assert "Your answer could not be taken" in response.content.decode()
    assert not Answer.objects.exists()


def test_answers_are_taken_by_post_only(client, portal):
    assert client.get("/en/feedback/").status_code == 405
    assert client.put("/en/feedback/").status_code == 405
    assert client.get("/en/feedback/missing/").status_code == 405
    assert not Answer.objects.exists()


def test_hostile_texts_are_refused_and_nothing_is_kept(client, portal):
    location = answered(client, portal.home)["Location"]
    token = hidden(client.get(location).content.decode(), "token")
    for data in (
        {"token": token, "missing": "x" * 1001},
        {"token": token, "missing": "   "},
        {"token": token, "missing": "amina@example.org"},  # nothing left once taken out
        {"token": token[:-3] + "abc", "missing": "The address of the office"},
        {"token": "", "missing": "The address of the office"},
    ):
        response = client.post("/en/feedback/missing/", data)
        assert response.status_code == 400, data
    assert Answer.objects.get().missing == ""
    assert client.get("/en/feedback/thanks/?t=forged").status_code == 404


def test_the_text_may_only_be_added_for_a_while(client, portal, settings):
    location = answered(client, portal.home)["Location"]
    token = hidden(client.get(location).content.decode(), "token")
    settings.PORTAL_FEEDBACK_FOLLOW_UP_MINUTES = -1  # the time is over
    response = client.post("/en/feedback/missing/", {"token": token, "missing": "The map"})
    assert response.status_code == 400
    assert "can no longer be added to" in response.content.decode()
    assert Answer.objects.get().missing == ""


def test_personal_data_is_taken_out_of_texts_in_every_script():
    assert without_personal_data("اتصل بي ٠٧٩١٢٣٤٥٦٧ شكرا") == "اتصل بي […] شكرا"
    assert without_personal_data("Γράψτε στο eleni@example.gr") == "Γράψτε στο […]"
    assert without_personal_data("Aperto dal 2024 al 2026, 3 sedi") == (
        "Aperto dal 2024 al 2026, 3 sedi"
    )


def test_a_translated_page_is_answered_about_in_its_own_language(client, portal):
    italian = portal.localized(portal.services, "it")
    assert answered(client, italian, "yes", "it").status_code == 303
    assert Answer.objects.get().page_id == italian.pk

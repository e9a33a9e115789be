"""In each language, Arabic right to left: the open data page, reached by the footer's "Open
data", and the pages the yearly check's links open (still accurate, needs changes, the "no
longer offered" confirmation, and a link used, expired or changed) pass axe."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible

LANGUAGES = ["en", "it", "el", "ar"]

# Run in the demo server's Django: a yearly check of a demo organisation (one per language,
# so that each language's links are unused), and the links of one of its recently checked
# services, one of them signed 31 days ago (expired).
LINKS = """
import json, time
from django.core import signing
from directory.freshness import note_before
from directory.models import ServicePage
from freshness.checks import SALT, token
from freshness.models import CheckRequest

class Then(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 31 * 24 * 60 * 60)

service = ServicePage.objects.live().filter(checked_on__gte=note_before()).order_by("pk").first()
organisation = service.get_parent().specific
key = str(service.translation_key)
links = {}
for language in ("en", "it", "el", "ar"):
    check = CheckRequest.objects.create(
        organisation_key=organisation.translation_key, organisation=organisation, language=language
    )
    answers = ("accurate", "changes", "gone")
    links[language] = {answer: token(check, key, answer) for answer in answers}
    links[language]["expired"] = Then(salt=SALT).sign_object(
        {"c": check.pk, "k": key, "a": "accurate"}, compress=True
    )
print(json.dumps(links))
"""


@pytest.fixture(scope="module")
def check_links(demo_server):
    return json.loads(demo_server.python(LINKS).strip().splitlines()[-1])


def assert_in_language(page, language):
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_data_page_from_the_footer(demo_server, desktop, language):
    page = desktop
    page.goto(f"{demo_server.url}/{language}/")
    with page.expect_navigation():
        page.locator("footer a[href$='/data/']").click()
    assert page.url.startswith(f"{demo_server.url}/{language}/"), page.url
    assert_in_language(page, language)
    expect(page.locator("a[rel=license]")).to_be_visible()
    expect(page.locator("a[href$='hsds-ar.zip']")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_yearly_checks_answer_pages(demo_server, phone, check_links, language):
    page = phone
    links = check_links[language]

    def opened(answer, status):
        response = page.goto(f"{demo_server.url}/{language}/check/{links[answer]}/")
        assert response.status == status, (answer, response.status)
        return page

    # Still accurate: recorded by the link; opened again, it says it was already given.
    assert_in_language(opened("accurate", 200), language)
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    assert_in_language(opened("accurate", 409), language)
    assert_accessible(page)
    # No longer offered: a confirmation first (nothing is taken off by opening it).
    assert_in_language(opened("gone", 200), language)
    expect(page.locator("main form.form button[type=submit]")).to_be_visible()
    assert_accessible(page)
    # Expired, and changed by hand.
    assert_in_language(opened("expired", 410), language)
    assert_accessible(page)
    response = page.goto(f"{demo_server.url}/{language}/check/x{links['accurate']}/")
    assert response.status == 400
    assert_in_language(page, language)
    assert_accessible(page)
    # Needs changes: recorded, then the editor, which asks a visitor to sign in first.
    page.goto(f"{demo_server.url}/{language}/check/{links['changes']}/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    assert_accessible(page)

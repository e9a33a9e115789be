"""On a phone, in each language: a search from the home page's box, a result written in another
language opened, and a message sent to its organisation, without ever leaving the visitor's
language (its address prefix and <html lang>), the content itself marked with its own language."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible
from tests.browser.test_way_in_journey import SCREEN_HEIGHT, SEARCHES, search_from_home

PAGES_LOOKED_THROUGH = 8


def assert_in_language(page, base, language):
    assert page.url.startswith(f"{base}/{language}/"), page.url
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")


def first_in_another_language(page, cards):
    """The first result card written in another language, on this page of results or a next."""
    for _page_of_results in range(PAGES_LOOKED_THROUGH):
        others = cards.filter(has=page.locator(".badge--language"))
        if others.count():
            return others.first
        page.locator("a[rel=next]").click()
        expect(cards.first).to_be_visible()
    pytest.fail("no result in another language")


@pytest.mark.parametrize(("language", "words"), SEARCHES)
def test_a_result_in_another_language_keeps_the_visitor_in_theirs(
    demo_server, phone, language, words
):
    page = phone
    base = demo_server.url
    page.goto(f"{base}/{language}/")
    assert_accessible(page)
    first = search_from_home(page, base, language, words)
    top = first.bounding_box()["y"]
    assert top < SCREEN_HEIGHT, f"the first result starts {top} px down"
    cards = page.locator("#results .card")
    assert_accessible(page)

    # A result written in another language (after those in the visitor's): its card says so,
    # and links in the visitor's language.
    other = first_in_another_language(page, cards)
    link = other.locator("h3 a")
    href = link.get_attribute("href")
    assert href.startswith(f"/{language}/"), href
    title = link.inner_text()
    link.click()

    assert_in_language(page, base, language)
    heading = page.locator("h1")
    expect(heading).to_contain_text(title)
    own = heading.get_attribute("lang")
    assert own and own != language, "the content is marked with its own language"
    # The crumbs lead back in the visitor's language.
    for crumb in page.locator(".breadcrumb a").all():
        assert crumb.get_attribute("href").startswith(f"/{language}/")
    assert_accessible(page)

    # A message to the organisation, from this address.
    address = page.url
    form = page.locator("#enquiry")
    form.locator("input[name=name]").fill("Amina Haddad")
    form.locator("input[name=email]").fill(f"amina.{language}@example.org")
    form.locator("textarea[name=message]").fill("Hello, is there still a place? Thank you.")
    form.locator("input[name=consent]").check()
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(f"{address}#enquiry")
    assert_in_language(page, base, language)
    expect(form.get_by_role("status")).to_be_visible()
    sent = demo_server.python(
        "from directory.models import Enquiry; "
        f"e = Enquiry.objects.get(email='amina.{language}@example.org'); "
        "print(e.language, bool(e.outbox_email_id))"
    ).split()
    assert sent == [language, "True"]
    assert_accessible(page)

    # The switcher leads to the same content in English, never to a home page.
    if language != "en":
        page.locator(".language-switcher a[lang=en]").click()
        assert page.url.startswith(f"{base}/en/"), page.url
        expect(page.locator("h1")).to_contain_text(title if own == "en" else "")
        assert page.locator(".breadcrumb").count() == 1

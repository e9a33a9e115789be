"""On a phone, in each language: a search typed in the home page's box shows its first result on
the first screen, the filters folded and the filters in use as chips; opening a result keeps the
visitor in their language."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible

SCREEN_HEIGHT = 844  # the `phone` fixture's viewport: 390 × 844
SEARCHES = [
    ("it", "formazione giovani"),
    ("el", "κατάρτιση νέων"),
    ("ar", "تدريب الشباب"),
    ("en", "training for young people"),
]


def search_from_home(page, url, language, words):
    page.goto(f"{url}/{language}/")
    box = page.locator("#home-search-q")
    box.fill(words)
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/search/\?q="))
    first = page.locator("#results .card").first
    expect(first).to_be_visible()
    return first


@pytest.mark.parametrize(("language", "words"), SEARCHES)
def test_a_search_from_the_home_page_shows_a_result_on_the_first_screen(
    demo_server, phone, language, words
):
    page = phone
    page.goto(f"{demo_server.url}/{language}/")
    assert_accessible(page)
    first = search_from_home(page, demo_server.url, language, words)
    assert page.evaluate("window.scrollY") == 0
    top = first.bounding_box()["y"]
    assert top < SCREEN_HEIGHT, f"the first result starts {top} px down"
    # The filters are folded behind their summary; opening it shows them.
    country = page.locator("#id_country")
    expect(country).to_be_hidden()
    page.locator(".filters__summary").click()
    expect(country).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(("language", "words"), SEARCHES)
def test_opening_the_first_result_keeps_the_language(demo_server, phone, language, words):
    page = phone
    first = search_from_home(page, demo_server.url, language, words)
    link = first.locator("h3 a")
    title = link.inner_text()
    link.click()
    expect(page.locator("h1")).to_have_text(title)
    assert page.url.startswith(f"{demo_server.url}/{language}/"), page.url


def test_chips_and_the_summary_by_keyboard_in_arabic(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/ar/search/?q=تدريب&country=lb&free=on")
    summary = page.locator(".filters__summary")
    expect(summary).to_have_text(re.compile(r"\(2\)"))
    # The skip link is the first stop inside the page's search form after its button.
    page.locator("main button[type=submit]").first.focus()
    page.keyboard.press("Tab")
    expect(page.locator(".skip-results")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#results")).to_be_focused()
    # The summary opens with the keyboard.
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_country")).to_be_visible()
    # A chip takes its own filter away, and only it.
    chips = page.get_by_role("list", name="عوامل التصفية المطبّقة")
    expect(chips.get_by_role("link")).to_have_count(2)
    lebanon = chips.get_by_role("link").first
    lebanon.focus()
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"country="))
    expect(page).to_have_url(re.compile(r"free=on"))
    expect(page.locator(".filters__summary")).to_have_text(re.compile(r"\(1\)"))
    assert_accessible(page)


def test_the_header_search_works_without_javascript(demo_server, chromium):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(f"{demo_server.url}/el/organisations/")
        box = page.locator("#site-search-q")
        box.fill("κατάρτιση")
        box.press("Enter")
        expect(page).to_have_url(re.compile(r"/el/search/\?q="))
        expect(page.locator("#results .card").first).to_be_visible()
        page.locator(".filters__summary").click()
        expect(page.locator("#id_country")).to_be_visible()
    finally:
        context.close()

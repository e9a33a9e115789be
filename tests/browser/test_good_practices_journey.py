"""A visitor learns from good practices: filters the library, reads a practice sheet, in
English and in Arabic, on a phone and by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, tab_through

GREECE = ("Greece", "Ελλάδα")


def test_filter_the_library_by_country_and_read_a_practice_sheet(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/en/good-practices/")
    expect(page.locator("h1")).to_have_text("Good practices")
    cards = page.locator("article.practice-card")
    expect(cards.first).to_be_visible()
    everything = cards.count()
    assert everything >= 8
    assert page.locator("#results-heading").get_attribute("aria-live") == "polite"
    expect(page.locator("#results-heading")).to_have_text(f"{everything} good practices")

    # On a phone the filters are folded behind their summary.
    page.locator(".filters__summary").click()
    page.get_by_label("Country").select_option("gr")
    page.get_by_role("button", name="Show results").click()
    expect(page).to_have_url(re.compile(r"country=gr"))
    expect(cards.first).to_be_visible()
    assert 0 < cards.count() < everything
    for country in cards.locator("dt:text-is('Country') + dd").all_inner_texts():
        assert country in GREECE, country
    # The filter in use can be taken away again.
    expect(page.locator(".chips a")).to_contain_text("Greece")

    first = cards.first.locator("h3 a")
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("header .badge--good-practice")).to_be_visible()
    glance = page.locator("#at-a-glance").locator("xpath=..")
    expect(glance).to_be_visible()
    assert any(country in glance.inner_text() for country in GREECE)
    # Every section of the sheet, in order, under the page's one h1.
    levels = page.locator("main h1, main h2").evaluate_all(
        "(nodes) => nodes.map((node) => node.tagName)"
    )
    assert levels[0] == "H1" and set(levels[1:]) == {"H2"} and len(levels) >= 8

    page.locator(".practice-sheet__footer a[href$='/good-practices/']").click()
    expect(page).to_have_url(re.compile(r"/good-practices/$"))


def test_the_library_is_searched_and_filtered_by_keyboard(demo_server, desktop):
    page = desktop
    focused = tab_through(page, f"{demo_server.url}/en/good-practices/", 40)
    for control in ("id_q", "id_country", "id_target_group", "id_scope", "id_category"):
        assert control in focused, control
    assert "BUTTON" in focused

    page.locator("#id_q").focus()
    page.keyboard.type("digital")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=digital"))
    cards = page.locator("article.practice-card")
    expect(cards.first).to_be_visible()
    assert page.locator("#id_q").input_value() == "digital"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_library_and_a_practice_sheet_pass_axe_wcag_aa(demo_server, desktop, language):
    page = desktop
    page.goto(f"{demo_server.url}/{language}/good-practices/")
    assert page.get_attribute("html", "lang") == language
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    expect(page.locator("article.practice-card").first).to_be_visible()
    assert_accessible(page)

    page.goto(f"{demo_server.url}/{language}/good-practices/?country=lb&scope=nowhere")
    expect(page.locator(".notice").first).to_be_visible()  # the bad value, ignored
    assert_accessible(page)

    page.locator("article.practice-card h3 a").first.click()
    page.wait_for_load_state()
    expect(page.locator(".badge--good-practice").first).to_be_visible()
    assert_accessible(page)


def test_arabic_library_mirrors_on_a_phone(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/ar/good-practices/")
    assert page.get_attribute("html", "dir") == "rtl"
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
    card = page.locator("article.practice-card").first.bounding_box()
    badge = page.locator("article.practice-card .badge--good-practice").first.bounding_box()
    # The card's first words sit at its right edge, as they sit at its left in English.
    assert badge["x"] + badge["width"] > card["x"] + card["width"] - 40
    page.locator("article.practice-card h3 a").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.scrollWidth") <= width

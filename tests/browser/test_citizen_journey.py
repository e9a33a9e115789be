"""A citizen finds a service and its provider, on a phone, in English and in Arabic."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, tab_through


def test_home_to_service_to_organisation(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/en/")
    expect(page.locator("h1")).to_be_visible()
    page.get_by_role("link", name="Find a service").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?kind=all-services$"))

    # On a phone the filters are folded behind their summary.
    page.locator(".filters__summary").click()
    page.get_by_label("Country").select_option("gr")
    page.get_by_role("button", name="Show results").click()
    expect(page).to_have_url(re.compile(r"country=gr"))
    cards = page.locator("article.service-card")
    expect(cards.first).to_be_visible()
    # Every result is in Greece, or online.
    for where in cards.locator("dt:text-is('Where') + dd").all_inner_texts():
        assert where == "Online" or where.endswith(("Greece", "Ελλάδα")), where

    first = cards.first.locator("h3 a")
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    provider = page.locator("header.page-header a").first
    provider_name = provider.inner_text()
    provider.click()
    expect(page.locator("h1")).to_contain_text(provider_name)
    expect(page.get_by_role("heading", name=re.compile("Services|Υπηρεσίες"))).to_be_visible()


def test_keyboard_reaches_the_filters_and_results(demo_server, desktop):
    focused = tab_through(desktop, f"{demo_server.url}/en/search/?kind=all-services", 60)
    assert "id_country" in focused
    assert "BUTTON" in focused


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_pass_axe_wcag_aa(demo_server, desktop, language):
    page = desktop
    page.goto(f"{demo_server.url}/{language}/")
    assert page.get_attribute("html", "lang") == language
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    assert_accessible(page)

    page.goto(f"{demo_server.url}/{language}/services/")
    assert_accessible(page)

    page.locator("article.service-card h3 a").first.click()
    page.wait_for_load_state()
    assert_accessible(page)

    page.locator("header.page-header a").first.click()
    page.wait_for_load_state()
    assert_accessible(page)


def test_arabic_layout_mirrors(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/ar/services/")
    assert page.get_attribute("html", "dir") == "rtl"
    brand = page.locator(".brand").bounding_box()
    width = page.viewport_size["width"]
    # The brand sits at the right edge in Arabic, as it sits at the left in English.
    assert brand["x"] + brand["width"] > width - 40
    page.locator(".filters__summary").click()
    label = page.locator(".filters label").first
    assert page.evaluate("(el) => getComputedStyle(el).direction", label.element_handle()) == "rtl"
    page.goto(f"{demo_server.url}/en/services/")
    assert page.locator(".brand").bounding_box()["x"] < 40

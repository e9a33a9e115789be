"""A visitor looks through the networks: filters the list by form, opens a network, in English
and in Arabic; the list passes axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible


def test_filter_the_networks_by_form_and_open_one(demo_server, desktop):
    page = desktop
    page.goto(f"{demo_server.url}/en/")
    page.locator(".site-nav").get_by_role("link", name="Networks").click()
    expect(page).to_have_url(re.compile(r"/en/networks/$"))
    cards = page.locator("article.network-card")
    expect(cards.first).to_be_visible()
    everything = cards.count()
    assert everything >= 3
    expect(page.locator("#results-heading")).to_have_text(f"{everything} networks")

    page.get_by_label("Form of the network").select_option("informal")
    page.get_by_role("button", name="Show networks").click()
    expect(page).to_have_url(re.compile(r"form=informal"))
    expect(cards.first).to_be_visible()
    assert 0 < cards.count() < everything
    for badge in cards.locator(".card__eyebrow .badge").all_inner_texts():
        assert badge == "Informal network", badge

    first = cards.first.locator("h3 a")
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_contain_text(title)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_list_of_networks_passes_axe_wcag_aa(demo_server, desktop, language):
    page = desktop
    page.goto(f"{demo_server.url}/{language}/networks/")
    assert page.get_attribute("html", "lang") == language
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    expect(page.locator("article.network-card").first).to_be_visible()
    assert_accessible(page)

    page.goto(f"{demo_server.url}/{language}/networks/?level=international&size=nowhere")
    expect(page.locator("article.network-card").first).to_be_visible()
    assert_accessible(page)

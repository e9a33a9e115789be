"""A citizen on a phone searches in their language, narrows the results and opens a service."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible


def test_search_filter_and_open_a_service_on_a_phone(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/it/organisations/")
    box = page.locator("#site-search-q")
    box.fill("corso formazione")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/it/search/\?q=corso\+formazione"))
    heading = page.locator("#results-heading")
    expect(heading).to_contain_text("risultat")
    everywhere = int(heading.inner_text().split()[0])
    assert everywhere > 0

    # Narrow to Italy: the count beside Italia is what the next page shows.
    page.locator(".filters__summary").click()
    country = page.get_by_label("Paese")
    italy = country.locator("option[value='it']").inner_text()
    expected = int(re.search(r"\((\d+)\)", italy).group(1))
    country.select_option("it")
    page.get_by_role("button", name="Mostra i risultati").click()
    expect(page).to_have_url(re.compile(r"country=it"))
    expect(heading).to_have_text(re.compile(rf"^{expected} "))
    assert 0 < expected <= everywhere
    # The filter in use is shown, and the search words are kept.
    expect(page.locator("#id_q")).to_have_value("corso formazione")
    expect(page.get_by_role("list", name="Filtri attivi")).to_contain_text("Italia")
    assert_accessible(page)

    card = page.locator("article.service-card").first
    title = card.locator("h3 a").inner_text()
    card.locator("h3 a").click()
    expect(page.locator("h1")).to_have_text(title)

    # And writes to its provider from the service's page.
    page.locator("#enquiry-name").fill("Giulia Ferrante")
    page.locator("#enquiry-email").fill("giulia.search@example.org")
    page.locator("#enquiry-message").fill("Buongiorno, ci sono ancora posti per il corso?")
    page.locator("#enquiry-consent").check()
    page.locator("#enquiry button[type=submit]").click()
    expect(page.locator("#enquiry").get_by_role("status")).to_be_visible()
    stored = demo_server.python(
        "from directory.models import Enquiry; "
        "e = Enquiry.objects.get(email='giulia.search@example.org'); "
        "print(e.service.title if e.service else '')"
    )
    assert stored.strip() == title


def test_type_ahead_offers_categories_and_organisations(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/en/search/")
    box = page.locator("#id_q")
    box.press_sequentially("coop", delay=50)
    options = page.locator("#search-suggestions option")
    expect(options.first).to_be_attached()
    labels = [option.get_attribute("value") for option in options.all()]
    assert any("Cooperative" in label or "Cooperativa" in label for label in labels), labels


@pytest.mark.parametrize("language", ["en", "ar"])
def test_search_pages_pass_axe_and_mirror_in_arabic(demo_server, desktop, language):
    page = desktop
    page.goto(f"{demo_server.url}/{language}/search/?q=training&kind=service")
    assert_accessible(page)
    page.goto(f"{demo_server.url}/{language}/search/?q=zzzzzz")
    expect(page.locator(".empty")).to_be_visible()
    assert_accessible(page)
    if language == "ar":
        box = page.locator("#id_q").bounding_box()
        button = page.locator("main").get_by_role("button", name="البحث", exact=True)
        button = button.bounding_box()
        assert button["x"] < box["x"], "in Arabic the search button is on the left of the box"

"""On a phone, a service page says how to get in touch before anything else: call, write,
find the way, in every language."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible

FIND_SERVICES = """
from directory.models import ServicePage
for code in ("en", "it", "el", "ar"):
    services = ServicePage.objects.live().filter(locale__language_code=code)
    for service in services.exclude(delivery="online").exclude(opening_hours="").order_by("path"):
        organisation = service.get_parent().specific
        if (service.contact_phone or organisation.phone) and organisation.address:
            print(code, service.url)
            break
"""


@pytest.fixture(scope="module")
def service_urls(demo_server):
    """A service in each language with a phone, an address and opening hours."""
    return dict(line.split() for line in demo_server.python(FIND_SERVICES).splitlines())


@pytest.mark.parametrize("language", ["en", "it", "el", "ar"])
def test_contact_actions_are_on_the_first_screen_of_a_phone(
    demo_server, phone, service_urls, language
):
    page = phone
    page.goto(demo_server.url + service_urls[language])
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    actions = page.locator("ul.contact-actions a")
    expect(actions.first).to_be_visible()
    hrefs = actions.evaluate_all("(links) => links.map((link) => link.getAttribute('href'))")
    assert hrefs[0].startswith("tel:")
    assert any(href.startswith("mailto:") for href in hrefs)
    assert "#enquiry" in hrefs
    assert hrefs[-1].startswith("https://www.openstreetmap.org/search?query=")
    height = page.viewport_size["height"]
    for box in (link.bounding_box() for link in actions.all()):
        assert box["y"] + box["height"] <= height, (language, box)

    # Where and when is on the page, with the same map link.
    where = page.locator("#where-when").locator("..")
    expect(where.locator("address")).to_be_visible()
    expect(where.get_by_role("link").first).to_have_attribute("href", hrefs[-1])
    assert_accessible(page)


def test_the_contact_actions_are_reached_by_keyboard_and_lead_to_the_form(
    demo_server, phone, service_urls
):
    page = phone
    page.goto(demo_server.url + service_urls["en"])
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")  # past the site's header, to the page's own content
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "#enquiry":
            break
    else:
        pytest.fail("the link to the message form is not reached by keyboard")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{demo_server.url}{service_urls['en']}#enquiry")
    expect(page.locator("#enquiry")).to_be_in_viewport()

"""A visitor subscribes from the footer of a page kept in the cache, in every language."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible


@pytest.mark.parametrize("language", ["en", "it", "el", "ar"])
def test_the_footer_form_is_accessible_in_every_language(demo_server, desktop, language):
    page = desktop
    page.goto(f"{demo_server.url}/{language}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    form = page.locator("#footer-subscribe")
    expect(form.locator("input[type=email]")).to_be_visible()
    expect(form.locator("input[name=countries]").first).to_be_attached()
    assert_accessible(page, "#footer-subscribe")


def test_a_visitor_subscribes_from_the_footer(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/en/")
    form = page.locator("#footer-subscribe")
    form.get_by_label("Your email address").fill("footer.visitor@example.org")
    form.get_by_label("News", exact=True).check()
    form.get_by_role("button", name="Subscribe").click()

    # The box is not ticked: the form again, saying what is missing, as filled.
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Please tick the box")
    expect(page.locator("#subscribe").get_by_label("Your email address")).to_have_value(
        "footer.visitor@example.org"
    )
    assert_accessible(page, "#subscribe")

    page.locator("#subscribe").get_by_label(re.compile("^I agree")).check()
    page.locator("#subscribe").get_by_role("button", name="Subscribe").click()
    expect(page).to_have_url(re.compile(r"/en/subscriptions/subscribe/sent/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)

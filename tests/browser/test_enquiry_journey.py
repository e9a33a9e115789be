"""A citizen writes to an organisation from its pages, on a phone, with or without JavaScript."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible


@pytest.fixture
def phone_without_javascript(chromium):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def sent_to(demo_server, email):
    """(reply-to, to, whether it came from a service page) of the message from `email`."""
    return json.loads(
        demo_server.python(
            "import json; from directory.models import Enquiry; "
            f"e = Enquiry.objects.get(email={email!r}); "
            "print(json.dumps([e.outbox_email.reply_to, e.outbox_email.to, bool(e.service)]))"
        )
    )


def test_a_citizen_writes_from_a_service_page_without_javascript(
    demo_server, phone_without_javascript
):
    page = phone_without_javascript
    page.goto(f"{demo_server.url}/en/services/")
    page.locator("article.service-card h3 a").first.click()
    service_url = page.url
    form = page.locator("#enquiry")
    expect(form.get_by_role("heading", name=re.compile("^Write to "))).to_be_visible()

    page.get_by_label("Your name").fill("Amina Haddad")
    page.locator("#enquiry").get_by_label("Your email address").fill("amina@example.org")
    page.get_by_label("Your message").fill("Hello, is this still open? I can come in the mornings.")
    page.get_by_role("button", name="Send the message").click()

    # The box is not ticked: the same page, scrolled to the form, which says what is missing.
    expect(page).to_have_url(re.compile(r"/en/enquiry/\d+/#enquiry$"))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Please tick the box")
    expect(alert).to_be_in_viewport()
    expect(page.get_by_label("Your message")).to_have_value(re.compile("still open"))

    page.get_by_label(re.compile("I agree that my name")).check()
    page.get_by_role("button", name="Send the message").click()

    # Sent: back on the service page, at the form, thanked.
    expect(page).to_have_url(f"{service_url}#enquiry")
    thanks = form.get_by_role("status")
    expect(thanks).to_contain_text("your message has been sent")
    expect(thanks).to_be_in_viewport()

    reply_to, to, from_service = sent_to(demo_server, "amina@example.org")
    assert reply_to == ["amina@example.org"]
    assert to and to[0].endswith("example.org")
    assert from_service


def test_the_form_its_mistakes_and_its_thanks_pass_axe_in_arabic(demo_server, phone):
    page = phone
    organisation_url = f"{demo_server.url}/ar/organisations/lebanon/jamiyat-al-amal/"
    page.goto(organisation_url)
    assert page.get_attribute("html", "dir") == "rtl"
    expect(page.locator("#enquiry")).to_be_visible()
    assert_accessible(page)

    page.locator("#enquiry button[type=submit]").click()  # nothing filled in
    expect(page).to_have_url(re.compile(r"/ar/enquiry/\d+/#enquiry$"))
    expect(page.get_by_role("alert")).to_be_in_viewport()
    assert page.locator("#enquiry-name").get_attribute("aria-invalid") == "true"
    assert_accessible(page)

    page.locator("#enquiry-name").fill("ليلى منصور")
    page.locator("#enquiry-email").fill("layla@example.org")
    page.locator("#enquiry-message").fill("مرحباً، هل ما زال التسجيل مفتوحاً؟")
    page.locator("#enquiry-consent").check()
    page.locator("#enquiry button[type=submit]").click()
    expect(page).to_have_url(f"{organisation_url}#enquiry")
    expect(page.locator("#enquiry [role=status]")).to_be_in_viewport()
    assert_accessible(page)
    reply_to, _to, from_service = sent_to(demo_server, "layla@example.org")
    assert reply_to == ["layla@example.org"] and not from_service

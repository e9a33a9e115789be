"""A national facilitator opens an organisation's file from the follow-up panel: everything about
it on one screen, accessible, and usable on a phone."""

import re
from urllib.parse import urlencode

from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

NAME = "Associazione Nuovi Orizzonti"  # a demo organisation with contacts and emails


def open_file_from_panel(page, demo_server):
    page.goto(f"{demo_server.url}/admin/?{urlencode({'attention': 'all', 'q': NAME})}")
    row = page.locator("section.follow-up tbody tr").filter(has_text=NAME).first
    row.locator("th a").first.click()
    expect(page.get_by_role("heading", name=re.compile(f"File: {NAME}"))).to_be_visible()


def test_a_facilitator_opens_an_organisations_file(demo_server, chromium):
    context = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, demo_server, "facilitator-it", "morethanajob-demo")
    open_file_from_panel(page, demo_server)

    expect(page.get_by_role("heading", name="Where it stands")).to_be_visible()
    timeline = page.locator(".org-file__timeline")
    # The reminder that bounced is flagged; the welcome email was delivered.
    bounced = timeline.locator(".org-file__entry--alert").filter(has_text="Bounced")
    expect(bounced).to_contain_text("Marco Bellini")
    expect(timeline).to_contain_text("Delivered")
    assert_accessible(page, "main")

    # Only the contacts, by the filter form (no script needed).
    page.get_by_label("Contacts", exact=True).check()
    for label in ("Emails", "Reminders", "Approvals and verification"):
        page.get_by_label(label, exact=True).uncheck()
    for label in ("Enquiries", "Expressions of interest", "Features on social media"):
        page.get_by_label(label, exact=True).uncheck()
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"kind=contact"))
    expect(timeline.locator("li[data-kind='contact']").first).to_be_visible()
    expect(timeline.locator("li:not([data-kind='contact'])")).to_have_count(0)
    context.close()


def test_the_file_is_usable_on_a_phone(demo_server, chromium):
    context = chromium.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, demo_server, "facilitator-it", "morethanajob-demo")
    open_file_from_panel(page, demo_server)

    # Nothing runs off the side of the screen, and every action is within reach.
    overflow = page.evaluate(
        "[...document.querySelectorAll('main .org-file > *:not(section:has(.org-file__scroll))')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).length"
    )
    assert overflow == 0
    for name in ("Log a contact", "Send a reminder", "Open the profile"):
        link = page.locator(".org-file__actions").get_by_role("link", name=name)
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, name
    assert_accessible(page, "main")

    page.locator(".org-file__actions").get_by_role("link", name="Log a contact").click()
    expect(page.locator("select[name='organisation'] option:checked")).to_contain_text(NAME)
    context.close()

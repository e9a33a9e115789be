"""An organisation's admin home on a phone, in Arabic: where its profile stands, what to do next."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in


@pytest.fixture
def organisation_in_arabic(demo_server):
    """The demo user `organisation` reads the admin in Arabic for this test, and gets back the
    language it had: later journeys that sign in as `organisation` read the admin in English."""
    profile = (
        "from django.contrib.auth.models import User; "
        "from wagtail.users.models import UserProfile; "
        "profile = UserProfile.get_for_user(User.objects.get(username='organisation')); "
    )
    before = demo_server.python(profile + "print(repr(profile.preferred_language))")
    before = before.strip().splitlines()[-1]
    demo_server.python(profile + "profile.preferred_language = 'ar'; profile.save()")
    yield
    demo_server.python(profile + f"profile.preferred_language = {before}; profile.save()")
    after = demo_server.python(profile + "print(repr(profile.preferred_language))")
    assert after.strip().splitlines()[-1] == before


def test_the_organisations_status_on_a_phone_in_arabic(
    demo_server, chromium, organisation_in_arabic
):
    context = chromium.new_context(locale="ar", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        sign_in(page, demo_server, "organisation", "morethanajob-demo")
        assert page.get_attribute("html", "dir") == "rtl"
        status = page.locator(".profile-status").first
        expect(status).to_be_visible()
        expect(status.locator(".profile-status__line")).not_to_be_empty()
        next_step = status.locator(".profile-status__next a")
        expect(next_step).to_be_visible()
        box = next_step.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the next step fits the screen"
        assert_accessible(page, "section[aria-labelledby='profile-checklist-heading']")

        next_step.click()
        expect(page.locator("main")).to_be_visible()
        assert "/admin/pages/" in page.url or "/admin/localize/" in page.url
    finally:
        context.close()

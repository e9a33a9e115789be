"""A user of an organisation offers to mentor from their account: the sidebar leads to the
form, filled in with their name and their organisation's country; they choose a sector and send
it; the screen then says the profile waits for a facilitator and opens their mentoring page."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_an_organisations_user_becomes_a_mentor_from_the_admin(demo_server, desktop):
    page = desktop
    sign_in(page, demo_server, "organisation", "morethanajob-demo")
    page.locator("#wagtail-sidebar").get_by_role("link", name="Be a mentor").click()
    expect(page).to_have_url(f"{demo_server.url}/admin/mentoring_account/")
    form = page.locator("main form")
    expect(form.locator("input[name=name]")).not_to_have_value("")
    expect(form.locator("select[name=country]")).not_to_have_value("")
    assert_accessible(page)

    form.locator("textarea[name=profile]").fill("I coordinate our job placements for ten years.")
    form.get_by_label("Digital skills", exact=True).check()
    form.locator("input[name=keywords]").fill("placements, interviews")
    form.locator("input[name=consent]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("waits for a facilitator of your country")
    assert_accessible(page)

    state = json.loads(
        demo_server.python(
            "import json; from mentoring.models import MentorProfile; "
            "m = MentorProfile.objects.get(user__username='organisation'); "
            "print(json.dumps([m.approval, m.keywords]))"
        )
        .strip()
        .splitlines()[-1]
    )
    assert state == ["pending", "placements, interviews"]

    page.get_by_role("link", name="Open your mentoring page").click()
    expect(page.locator("main")).to_contain_text(
        "A facilitator of your country is reading your profile."
    )

"""A new Italian organisation registers; facilitator-it is told by email, opens the link, lands on
the organisation's file, logs a call with a follow-up date, and finds the follow-up on the panel."""

import datetime
import re

from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

NAME = "Laboratorio Tessile Le Rondini"
EMAIL = "info@lerondini.example.org"
PASSWORD = "swallows-and-looms-2026"


def test_a_new_registration_reaches_its_facilitator_and_gets_a_follow_up(demo_server, chromium):
    context = chromium.new_context(locale="it-IT", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # The organisation registers, in Italian.
    page.goto(f"{demo_server.url}/it/register/")
    page.fill("[name=organisation_name]", NAME)
    page.select_option("[name=kind]", "social_cooperative")
    page.select_option("[name=country]", "it")
    page.select_option("[name=place]", "bari")
    page.fill("[name=first_name]", "Rosa")
    page.fill("[name=last_name]", "Mancini")
    page.fill("[name=email]", EMAIL)
    page.fill("[name=password]", PASSWORD)
    page.fill("[name=password_confirm]", PASSWORD)
    page.check("[name=accept_terms]")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/it/register/sent/$"))

    # facilitator-it is told, in their admin language, through the outbox, with a link.
    told = demo_server.python(
        "from django.contrib.auth import get_user_model; "
        "from emails.models import OutboxEmail; "
        "user = get_user_model().objects.get(username='facilitator-it'); "
        "e = OutboxEmail.objects.filter(template_key='facilitator_registration', "
        "to__contains=[user.email]).latest('pk'); "
        "print('told:', e.subject); print(e.body_text)"
    )
    told = told[told.index("told:") :]
    assert NAME in told.splitlines()[0]
    link = re.search(r"https?://\S+/admin/facilitation/organisations/[0-9a-f-]+/", told).group(0)

    # The link, once signed in, opens the organisation's file.
    sign_in(page, demo_server, "facilitator-it", "morethanajob-demo")
    page.goto(link)
    expect(page.locator("h1")).to_contain_text(NAME)
    expect(page.locator("main")).to_contain_text("Rosa Mancini")
    assert_accessible(page, "main")

    # A call, with a follow-up in a week.
    page.locator(".org-file__actions a[href*='/contacts/']").first.click()
    page.locator("select[name='channel']").select_option("phone")
    page.locator("select[name='outcome']").select_option("agreed")
    follow_up = datetime.date.today() + datetime.timedelta(days=7)
    page.locator("input[name='follow_up_on']").fill(follow_up.isoformat())
    page.locator("textarea[name='note']").fill("Will send photos of the workshop by next week.")
    page.locator("main form[method=post] button[type=submit]").first.click()
    expect(page.locator(".messages")).to_contain_text(NAME)

    # The panel shows it: the last contact's outcome and the follow-up date.
    page.goto(f"{demo_server.url}/admin/?attention=all&q=Rondini")
    row = page.locator("section.follow-up tbody tr[data-organisation]").filter(has_text=NAME)
    expect(row).to_have_count(1)
    expect(row.locator(".follow-up__follow-up")).not_to_be_empty()
    context.close()

"""Organisation A posts a call for collaboration; organisation B finds it through the filters and
expresses interest; A reads it in the admin and marks its response. axe on the public pages."""

import datetime
import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

DEMO_PASSWORD = "morethanajob-demo"
PARTNER_PASSWORD = "olive-presses-and-ovens-2026"
TITLE = "Partners for a bakery that trains refugees"
MESSAGE = "We run bakery courses in Thessaloniki and could host two of your trainees."

# In the server's database: a login for a published Greek demo organisation (B), and what A's
# call should seek so that B matches it: one of B's kinds of expertise, named in Italian (A's
# pages, and so its editor's choices, are in Italian) and by its slug for the public filter.
PARTNER = """
import json
from django.contrib.auth import get_user_model
from directory.models import ExpertiseCategory, OrganisationAccount, OrganisationPage
org = OrganisationPage.objects.live().filter(locale__language_code='el').order_by('pk').first()
account = OrganisationAccount.objects.get(translation_key=org.translation_key)
User = get_user_model()
user = User.objects.filter(username='partner-gr').first()
if user is None:
    user = User.objects.create_user('partner-gr', 'partner@example.org', password)
    user.groups.add(account.group)
key = org.expertise_categories.order_by('pk').first().translation_key
terms = {t.locale.language_code: t for t in ExpertiseCategory.objects.filter(translation_key=key)}
print(json.dumps({'name': org.title, 'slug': terms['en'].slug, 'it': terms['it'].name}))
"""


@pytest.fixture
def partner(demo_server):
    return json.loads(demo_server.python(f"password = {PARTNER_PASSWORD!r}\n{PARTNER}"))


def test_a_call_is_posted_found_answered_and_followed_up(demo_server, chromium, partner):
    deadline = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()

    # A (the demo organisation, Il Ponte in Palermo) posts a call from its admin home.
    a = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = a.new_page()
    sign_in(page, demo_server, "organisation", DEMO_PASSWORD)
    expect(page.locator("#collaboration-heading")).to_be_visible()
    page.get_by_role("link", name="Post a call for collaboration").click()
    page.fill("#id_title", TITLE)
    page.select_option("#id_kind", "new_service")
    page.fill("#id_summary", "A bakery in Palermo that trains refugees wants a partner abroad.")
    page.locator("[data-contentpath='description'] [contenteditable=true]").first.click()
    page.keyboard.type("We bring the ovens and two trainers; we are looking for a partner.")
    # The editor copies its text into the form's field as it goes: wait for it before publishing.
    expect(page.locator("#id_description")).to_have_value(re.compile("two trainers"))
    page.get_by_label(partner["it"], exact=True).check()
    page.get_by_label("Greece", exact=True).check()
    page.fill("#id_deadline", deadline)
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("footer button[name='action-publish']").click()
    # Wait for the admin's answer (its message), not the page already loaded: the server may
    # still be between creating the page and publishing it.
    expect(page.locator(".messages")).to_contain_text(TITLE)
    live = demo_server.python(
        "from collaboration.models import CollaborationCallPage; "
        f"print(CollaborationCallPage.objects.get(title={TITLE!r}).live)"
    )
    assert live.strip() == "True"

    # B finds it through the filters, on a phone, and expresses interest.
    b = chromium.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    phone = b.new_page()
    phone.goto(f"{demo_server.url}/en/collaboration/")
    assert_accessible(phone, "main")
    phone.locator(".filters__summary").click()
    phone.select_option("#id_kind", "new_service")
    phone.select_option("#id_expertise", partner["slug"])
    phone.select_option("#id_country", "gr")
    phone.get_by_role("button", name="Show calls").click()
    card = phone.locator("article.call-card", has_text=TITLE)
    expect(card).to_be_visible()
    assert_accessible(phone, "main")
    card.get_by_role("link", name=TITLE).click()
    # The call is written on A's Italian pages, so its page speaks Italian.
    expect(phone.locator("h1")).to_have_text(TITLE)
    call_url = phone.url
    interest = phone.locator("#interest")
    expect(interest.locator("a[href$='/register/']")).to_be_visible()  # invited to register
    expect(interest.locator("form")).to_have_count(0)
    assert_accessible(phone, "main")

    sign_in(phone, demo_server, "partner-gr", PARTNER_PASSWORD)
    phone.goto(call_url)
    send = interest.locator("form button[type=submit]")
    send.click()  # nothing written: told why, and nothing sent
    expect(phone.locator("#interest-errors")).to_be_visible()
    assert_accessible(phone, "main")
    phone.locator("#interest-message").fill(MESSAGE)
    send.click()
    expect(interest.locator(".message--success")).to_be_visible()
    expect(interest.locator("form")).to_have_count(0)

    sent = demo_server.python(
        "from collaboration.models import ExpressionOfInterest as E; "
        f"i = E.objects.get(call__title={TITLE!r}); "
        "print(i.organisation.title, '|', i.outbox_email.status, '|', i.outbox_email.language)"
    )
    assert [part.strip() for part in sent.split("|")] == [partner["name"], "sent", "it"]

    # A reads it in the admin and marks its response.
    page.goto(f"{demo_server.url}/admin/")
    expect(page.locator("#collaboration-heading")).to_be_visible()
    page.locator(".collaboration-call", has_text=TITLE).get_by_role(
        "link", name=re.compile("1 expression of interest")
    ).click()
    page.locator("tbody tr", has_text=partner["name"]).get_by_role("link").first.click()
    expect(page.get_by_text(MESSAGE)).to_be_visible()
    page.get_by_role("link", name="Mark your response").click()
    page.locator("#id_status").select_option("in_touch")
    page.locator("#id_response_note").fill("We call them on Monday.")
    page.get_by_role("button", name="Save the response").click()
    saved = re.compile("Your response to .* is saved and emailed to them: In touch")
    expect(page.get_by_text(saved)).to_be_visible()
    a.close()
    b.close()


def test_the_list_of_calls_is_accessible_and_right_to_left_in_arabic(demo_server, chromium):
    context = chromium.new_context(locale="ar", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{demo_server.url}/ar/collaboration/")
    assert page.get_attribute("html", "dir") == "rtl"
    cards = page.locator("article.call-card")
    expect(cards.first).to_be_visible()
    assert_accessible(page, "main")
    cards.first.locator("h3 a").click()
    expect(page.locator("#interest")).to_be_visible()
    assert_accessible(page, "main")
    page.goto(f"{demo_server.url}/ar/collaboration/?q=zzzzqqq")
    expect(page.locator(".empty")).to_be_visible()
    assert_accessible(page, "main")
    context.close()

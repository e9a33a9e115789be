"""A network's coordinator invites an organisation from the network's "Members" screen; the
organisation's user accepts from its admin home; the network's public page lists it and its own
page says "Member of". axe on the new admin screens and the panel."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

DEMO_PASSWORD = "morethanajob-demo"
COORDINATOR_PASSWORD = "bologna-housing-network-2026"

# In the server's database: a login for the demo's Bologna housing network (its coordinator), and
# what the journey needs to know of the network and of the demo organisation's (Il Ponte).
COORDINATOR = """
import json
from django.contrib.auth import get_user_model
from directory.models import OrganisationAccount, OrganisationPage
network = OrganisationPage.objects.live().get(
    slug='rete-solidale-per-labitare', locale__language_code='it'
)
account = OrganisationAccount.objects.get(translation_key=network.translation_key)
User = get_user_model()
own = User.objects.get(username='organisation').groups.filter(organisation_account__isnull=False)
key = own.values_list('organisation_account__translation_key', flat=True).first()
member = OrganisationPage.objects.live().filter(translation_key=key).order_by('pk').first()
user = User.objects.filter(username='coordinator-bologna').first()
if user is None:
    user = User.objects.create_user(
        'coordinator-bologna', 'coordinator@bologna.example.org', password,
        first_name='Chiara', last_name='Neri',
    )
    user.groups.add(account.group)
def english(page):
    # The admin speaks the signed-in user's language (English here): names are its.
    return OrganisationPage.objects.filter(
        translation_key=page.translation_key, locale__language_code='en'
    ).values_list('title', flat=True).first() or page.title
print(json.dumps({
    'network_en': english(network),
    'member_en': english(member),
    'network': network.title,
    'network_url': network.get_url(),
    'network_key': str(network.translation_key),
    'member': member.title,
    'member_url': member.get_url(),
    'member_key': str(member.translation_key),
}))
"""


@pytest.fixture
def pair(demo_server):
    return json.loads(demo_server.python(f"password = {COORDINATOR_PASSWORD!r}\n{COORDINATOR}"))


def test_a_coordinator_invites_and_the_organisation_accepts_from_its_admin_home(
    demo_server, chromium, pair
):
    # The coordinator finds the network's members through the admin's menu and invites Il Ponte.
    a = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = a.new_page()
    sign_in(page, demo_server, "coordinator-bologna", COORDINATOR_PASSWORD)
    page.goto(f"{demo_server.url}/admin/networks/")
    page.get_by_role("link", name="its members").click()
    expect(page.locator("h1")).to_contain_text(pair["network_en"])
    assert_accessible(page, "main")
    # The type-ahead: a few letters of the name offer the matches; picking one chooses it.
    page.locator("#id_invite-name").fill(pair["member_en"][:8])
    suggestion = page.locator(".network-suggestions button", has_text=pair["member_en"])
    suggestion.first.click()
    expect(page.locator("input[name='invite-key']")).to_have_value(pair["member_key"])
    expect(page.locator("#id_invite-name")).to_have_value(pair["member_en"])
    page.locator("#id_invite-role").select_option("lead_partner")
    # By keyboard: the focus on the button, Enter sends the form.
    send = page.get_by_role("button", name="Send the invitation")
    send.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("is invited")
    waiting = page.locator("#members-waiting + table")
    expect(waiting).to_contain_text(pair["member_en"])
    assert_accessible(page, "main")

    emailed = demo_server.python(
        "from emails.models import OutboxEmail; "
        "e = OutboxEmail.objects.filter(template_key='network_invitation').latest('pk'); "
        "print(e.to[0], '|', e.language)"
    )
    assert emailed.split("|")[0].strip() != ""

    # Il Ponte's user accepts from its admin home.
    b = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    member = b.new_page()
    sign_in(member, demo_server, "organisation", DEMO_PASSWORD)
    panel = member.locator("section[aria-labelledby='network-answers-heading']")
    expect(panel).to_contain_text(pair["network_en"])
    assert_accessible(member, "section[aria-labelledby='network-answers-heading']")
    answer = panel.locator(".network-answer", has_text=pair["network_en"])
    answer.get_by_role("button", name=re.compile("^Accept")).click()
    expect(member.locator(".messages")).to_contain_text("is now a member of")
    expect(member.locator("#network-answers-heading")).to_have_count(0)

    answered = demo_server.python(
        "from emails.models import OutboxEmail; "
        "print(OutboxEmail.objects.filter(template_key='network_answer').latest('pk').to[0])"
    )
    assert answered.strip() == "coordinator@bologna.example.org"

    # The public pages: the network lists Il Ponte, Il Ponte's page says "Member of".
    visitor = chromium.new_context(locale="it-IT").new_page()
    visitor.goto(f"{demo_server.url}{pair['network_url']}")
    expect(visitor.locator("section[aria-labelledby='network-members']")).to_contain_text(
        pair["member"]
    )
    visitor.goto(f"{demo_server.url}{pair['member_url']}")
    expect(visitor.locator("section[aria-labelledby='member-of']")).to_contain_text(pair["network"])
    a.close()
    b.close()

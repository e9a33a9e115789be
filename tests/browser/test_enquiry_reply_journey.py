"""An organisation answers a citizen from its admin: the sidebar says how many messages wait,
the reply goes through the outbox, and the message is marked answered."""

import json
import re

from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

REPLY = "Dear Fatima, yes: the course is free, and there is a play corner for your daughter."


def kept_reply(demo_server, email):
    """(status of the message, its replies' bodies, their emails' addresses and Reply-To)."""
    return json.loads(
        demo_server.python(
            "import json; from directory.models import Enquiry; "
            f"e = Enquiry.objects.get(email={email!r}); "
            "print(json.dumps([e.status, [r.body for r in e.replies.all()], "
            "[[r.outbox_email.to, r.outbox_email.reply_to] for r in e.replies.all()]]))"
        )
    )


def test_an_organisation_replies_to_an_enquiry_from_the_sidebar(demo_server, desktop):
    page = desktop
    sign_in(page, demo_server, "organisation", "morethanajob-demo")

    # Two messages to Il Ponte await an answer (one answered already is not counted).
    page.get_by_role("link", name="Enquiries (2)").click()
    expect(page).to_have_url(re.compile(r"/admin/enquiries/\?status=new$"))
    assert_accessible(page)
    page.get_by_role("row", name=re.compile("Fatima Ouedraogo")).get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Reply to Fatima Ouedraogo")).to_be_visible()
    # Fatima wrote from the Italian page: the subject starts in Italian.
    expect(page.get_by_label("Subject")).to_have_value(re.compile(r"^Re: il Suo messaggio a "))
    assert_accessible(page)

    page.get_by_label("Your reply").fill("")
    page.get_by_role("button", name="Send the reply").click()
    expect(page.get_by_text("Please write your reply.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your reply").fill(REPLY)
    page.get_by_role("button", name="Send the reply").click()
    expect(page.get_by_text("Your reply to Fatima Ouedraogo is on its way")).to_be_visible()
    replies = page.locator("section", has=page.get_by_role("heading", name="Replies"))
    expect(replies).to_contain_text("the course is free")
    expect(replies).to_contain_text("fatima.ouedraogo@example.org")
    expect(page.get_by_role("button", name="Mark as new")).to_be_visible()
    expect(page.get_by_role("link", name="Enquiries (1)")).to_be_visible()
    assert_accessible(page)

    status, bodies, emails = kept_reply(demo_server, "fatima.ouedraogo@example.org")
    assert status == "answered" and bodies == [REPLY]
    [[to, reply_to]] = emails
    assert to == ["fatima.ouedraogo@example.org"]
    assert reply_to and reply_to[0].endswith("example.org"), "answers go to the organisation"


def test_the_reply_form_fits_a_phone(demo_server, phone):
    page = phone
    sign_in(page, demo_server, "organisation", "morethanajob-demo")
    page.goto(f"{demo_server.url}/admin/enquiries/?status=new")
    page.get_by_role("row", name=re.compile("يوسف بن علي")).get_by_role("link").first.click()
    reply = page.get_by_role("button", name="Send the reply")
    reply.scroll_into_view_if_needed()
    expect(reply).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)

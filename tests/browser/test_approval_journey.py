"""An organisation submits its profile; the Italian facilitator, told by email, approves it with a
comment; the organisation receives the comment in Italian, through the outbox."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

PASSWORD = "bread-and-olive-oil-2026"
EMAIL = "info@forno-sociale.example.org"
COMMENT = "Ottimo profilo! Aggiungete anche gli orari del laboratorio."


def test_a_profile_approved_with_a_comment_reaches_the_organisation(demo_server, chromium):
    page_id = demo_server.python(
        "from directory.registration import register_organisation; "
        "user, page, _a = register_organisation({'organisation_name': 'Forno Sociale Aperto', "
        "'acronym': '', 'kind': 'social_cooperative', 'country': 'it', 'place': None, "
        "'first_name': 'Chiara', 'last_name': 'Greco', "
        f"'email': {EMAIL!r}, 'password': {PASSWORD!r}}}); "
        "user.is_active = True; user.save(); print(f'page={page.pk}')"
    )
    # (The dev server's console email backend may print the emails sent meanwhile.)
    page_id = re.search(r"^page=(\d+)$", page_id, re.M).group(1)
    context = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # The organisation completes a line of its profile and submits it for approval.
    sign_in(page, demo_server, EMAIL, PASSWORD)
    page.goto(f"{demo_server.url}/admin/pages/{page_id}/edit/")
    page.fill("#id_short_description", "Un forno che forma e assume giovani a Catania.")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_request_finished(
        lambda r: r.method == "POST" and r.url.endswith(f"/admin/pages/{page_id}/edit/")
    ):
        page.locator("footer button[name='action-submit']").click()
    expect(page.locator(".messages")).to_contain_text("Forno Sociale Aperto")

    # The Italian facilitator was told, through the outbox, with a link to the page.
    told = demo_server.python(
        "from emails.models import OutboxEmail; "
        "e = OutboxEmail.objects.filter(template_key='facilitator_submission', "
        "to__contains=['facilitator-it@morethanajob.example']).latest('pk'); "
        "print('told:', e.language); print(e.body_text)"
    )
    told = told[told.index("told:") :]
    review = re.search(r"https?://\S+/admin/pages/\d+/edit/", told).group(0)
    assert review.endswith(f"/admin/pages/{page_id}/edit/")

    # The facilitator opens the link and approves with a comment.
    context.clear_cookies()
    sign_in(page, demo_server, "facilitator-it", "morethanajob-demo")
    page.goto(review)
    # Verification: at the top of the editor, for the country's facilitators.
    verification = page.locator("#organisation-verification")
    expect(verification).to_contain_text("Not verified")
    expect(verification.get_by_role("link", name="Mark as verified")).to_be_visible()
    assert_accessible(page, "#organisation-verification")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator(
        "footer button[data-workflow-action-name='approve'][data-workflow-action-modal-url]"
    ).click()
    comment = page.locator("textarea[name='comment']")
    expect(comment).to_be_visible()
    comment.fill(COMMENT)
    # The approval is done when the editor's form, which the modal submits with the comment, has
    # been answered: a message on the page may have been there before it.
    with page.expect_request_finished(
        lambda r: r.method == "POST" and r.url.endswith(f"/admin/pages/{page_id}/edit/")
    ):
        page.locator("form:has(textarea[name='comment']) button[type=submit]").click()
    page.wait_for_load_state()

    live = demo_server.python(
        f"from wagtail.models import Page; print(Page.objects.get(pk={page_id}).live)"
    )
    assert live.strip().splitlines()[-1] == "True"

    # The organisation receives the comment, in Italian, through the outbox.
    received = demo_server.python(
        "from emails.models import OutboxEmail; "
        "e = OutboxEmail.objects.filter(template_key='page_approved').latest('pk'); "
        "print('received:', e.to[0], e.language); print(e.subject); print(e.body_text)"
    )
    first, subject, *body = received[received.index("received:") :].splitlines()
    assert first.split() == ["received:", EMAIL, "it"]
    assert subject == "Approvata e pubblicata: Forno Sociale Aperto"
    assert COMMENT in "\n".join(body)
    context.close()

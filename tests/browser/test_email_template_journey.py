"""Central staff open an email template, read its preview and send themselves a test.

The test email is deleted at the end, so the other journeys see the outbox as seeded.
"""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser

TEMPLATE = """
import json
from emails.models import EmailTemplate
template = EmailTemplate.objects.get(key='profile_reminder', locale__language_code='it')
print(json.dumps({'pk': template.pk}))
"""

TEST_EMAILS = """
import json
from emails.models import OutboxEmail
emails = OutboxEmail.objects.filter(
    template_key='profile_reminder', to=['admin@morethanajob.example']
)
print(json.dumps([[email.subject, email.language, email.body_text] for email in emails]))
emails.delete()
"""


def test_staff_preview_an_email_and_send_themselves_a_test(demo_server, chromium):
    template = json.loads(demo_server.python(TEMPLATE))
    context = chromium.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        sign_in(page, demo_server, "admin", "morethanajob-demo")
        page.goto(f"{demo_server.url}/admin/snippets/emails/emailtemplate/edit/{template['pk']}/")
        expect(page.get_by_text("Placeholders this email can use").first).to_be_visible()

        # The preview: the Italian text, filled with sample values, as it will arrive.
        page.get_by_role("button", name="Toggle preview").click()
        preview = page.frame_locator("iframe#w-preview-iframe")
        body = preview.locator("[data-email-body]")
        expect(body).to_contain_text("Gentile Maria Rossi")
        expect(preview.locator("[data-email-subject]")).to_contain_text("Cooperativa Sole")
        expect(body).not_to_contain_text("{")
        assert_accessible(page, "main")

        # "Send me a test": back on the template, told where it went.
        with page.expect_navigation():
            page.get_by_role("button", name="Send me a test").click()
        expect(page.get_by_text("was sent to admin@morethanajob.example")).to_be_visible()
        assert_accessible(page, "main")

        # On a phone the button is still there, on screen.
        page.set_viewport_size({"width": 390, "height": 844})
        button = page.get_by_role("button", name="Send me a test")
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    finally:
        context.close()
        sent = json.loads(demo_server.python(TEST_EMAILS))

    [(subject, language, text)] = sent
    assert subject.startswith("[") and "Cooperativa Sole" in subject  # "[Test] …", translated
    assert language == "it"
    assert "Gentile Maria Rossi" in text and "{" not in text

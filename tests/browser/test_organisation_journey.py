"""An organisation registers in Arabic, confirms its address, publishes a service with approval."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import sign_in

PASSWORD = "olive-trees-and-looms-2026"


def latest_verification_link(demo_server, email):
    body = demo_server.python(
        "from emails.models import OutboxEmail; "
        "emails = OutboxEmail.objects.filter(template_key='email_verification'); "
        f"print(next(e.body_text for e in emails.order_by('-pk') if {email!r} in e.to))"
    )
    return re.search(r"https?://\S+/register/verify/\S+/", body).group(0)


def test_register_in_arabic_then_publish_a_service_after_approval(demo_server, chromium):
    email = "info@nahla.example.org"
    context = chromium.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # Register, in Arabic.
    page.goto(f"{demo_server.url}/ar/register/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill("[name=organisation_name]", "جمعية النحلة للتمكين الاقتصادي")
    page.select_option("[name=kind]", "association")
    page.select_option("[name=country]", "lb")
    page.select_option("[name=place]", "tripoli-lb")
    page.fill("[name=first_name]", "ليلى")
    page.fill("[name=last_name]", "حداد")
    page.fill("[name=email]", email)
    page.fill("[name=password]", PASSWORD)
    page.fill("[name=password_confirm]", PASSWORD)
    page.check("[name=accept_terms]")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/ar/register/sent/$"))

    # Not before the address is confirmed.
    sign_in(page, demo_server, email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    page.goto(latest_verification_link(demo_server, email))
    page.locator("a.button").click()
    sign_in(page, demo_server, email, PASSWORD)
    expect(page.locator("#profile-checklist-heading")).to_be_visible()

    # Add a service and submit it for approval.
    page.locator("main a[href*='/add/directory/servicepage/']").click()
    page.fill("#id_title", "دورة الخياطة للنساء")
    page.fill("#id_summary", "دورة مجانية لمدة ثلاثة أشهر لتعلم الخياطة وبدء عمل صغير.")
    page.locator("[data-contentpath='description'] [contenteditable=true]").first.click()
    page.keyboard.type("تدريب عملي مع شهادة في نهاية الدورة.")
    expect(page.locator("#id_description")).to_have_value(re.compile("تدريب عملي"))
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("footer button[name='action-submit']").click()
    expect(page.locator(".messages")).to_contain_text("دورة الخياطة للنساء")  # the admin's answer
    service_id = demo_server.python(
        "from directory.models import ServicePage; "
        "print(ServicePage.objects.get(title='دورة الخياطة للنساء').pk)"
    ).strip()
    assert (
        demo_server.python(
            f"from wagtail.models import Page; print(Page.objects.get(pk={service_id}).live)"
        ).strip()
        == "False"
    )

    # The facilitator of Lebanon approves it from the dashboard.
    context.clear_cookies()
    sign_in(page, demo_server, "facilitator-lb", "morethanajob-demo")
    row = page.locator(f"tr:has(a[href='/admin/pages/{service_id}/edit/'])")
    expect(row).to_be_visible()
    row.locator("[data-w-dropdown-target='toggle']").click()
    row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    expect(row).to_be_hidden()

    # The service is public.
    url = demo_server.python(
        f"from wagtail.models import Page; p = Page.objects.get(pk={service_id}); "
        "print(p.live, p.url)"
    ).split()
    assert url[0] == "True"
    public = chromium.new_page()
    public.goto(f"{demo_server.url}{url[1]}")
    expect(public.locator("h1")).to_have_text("دورة الخياطة للنساء")
    assert public.get_attribute("html", "dir") == "rtl"
    context.close()

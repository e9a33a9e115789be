"""A citizen's browser enforces the portal's Content-Security-Policy, and the public pages run
within it: no script or style of theirs is refused, so nothing breaks for the citizen."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(chromium):
    """A desktop page that records every CSP violation: reported events and console lines."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.console_violations = console
    yield page
    context.close()


def violations(page):
    return page.evaluate("window.__cspViolations") + page.console_violations


def test_public_pages_run_within_their_content_security_policy(demo_server, watched):
    page = watched
    response = page.goto(f"{demo_server.url}/en/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "camera=()" in response.headers["permissions-policy"]
    assert violations(page) == []

    # The search, with its type-ahead (a fetch to the portal itself).
    page.locator("#site-search-q").fill("train")
    page.locator("#site-search-q").press("Enter")
    expect(page.locator("#results-heading")).to_be_visible()
    assert violations(page) == []

    # A service's page, with its message form.
    page.locator("article.service-card h3 a").first.click()
    expect(page.locator("#enquiry-name")).to_be_visible()
    assert violations(page) == []

    page.goto(f"{demo_server.url}/en/register/")
    expect(page.locator("h1")).to_contain_text("Register")
    assert violations(page) == []


def test_an_editor_sees_the_public_pages_and_the_admin_without_breakage(demo_server, watched):
    """Signed in, the public pages carry Wagtail's user bar, still within the policy; the admin,
    which needs inline script, only reports."""
    from demo.builder import ADMIN_PASSWORD

    page = watched
    sign_in(page, demo_server, "admin", ADMIN_PASSWORD)
    assert violations(page) == [], "the admin's dashboard, as the portal's own, reports none"
    page.goto(f"{demo_server.url}/en/")
    expect(page.locator("wagtail-userbar, [data-wagtail-userbar]").first).to_be_attached()
    assert violations(page) == []

    response = page.goto(f"{demo_server.url}/admin/")
    assert "content-security-policy" not in response.headers
    assert "content-security-policy-report-only" in response.headers
    expect(page.locator("#main")).to_be_visible()

"""What the browser journeys share: signing in, the accessibility check, walking a page by
keyboard."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page, selector=None):
    """No WCAG 2.1 A or AA violation that axe finds, in the page or in the part `selector` names."""
    # Colours are read as they end: a message still fading in is not a contrast failure.
    page.evaluate(
        "() => Promise.allSettled(document.getAnimations()"
        ".filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)"
        ".map((a) => a.finished))"
    )
    results = Axe().run(page, context=selector, options=WCAG_AA)
    violations = results.response["violations"]
    assert not violations, "\n".join(
        f"{v['id']}: {v['help']} ({len(v['nodes'])}) {v['nodes'][0]['target']}" for v in violations
    )


def tab_through(page, url, presses):
    """Open `url`, follow the skip link by keyboard, then press Tab `presses` times: the ids (or
    tag names) of the elements that took the focus, in order."""
    page.goto(url)
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    focused = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    return focused


def sign_in(page, demo_server, username, password):
    """Sign in to the admin; the page is then wherever the form sent it."""
    page.goto(f"{demo_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    # Wait for the answer to the form (signed in, or the login page again), not the page
    # already loaded.
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()

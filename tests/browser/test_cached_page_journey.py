"""A citizen writes to an organisation from a page served out of the page cache, as production
serves anonymous pages: the page carries no CSRF token and sets no cookie; the form fetches its
token when it is sent."""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _free_port, serving


@pytest.fixture(scope="module")
def cached_server(demo_server):
    """A second server on the demo's database, keeping anonymous pages as production does."""
    port = _free_port()
    with serving({**demo_server.env, "PORTAL_PAGE_CACHE_SECONDS": "300"}, port):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def visitor(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def test_a_citizen_writes_from_a_page_served_from_the_cache(cached_server, demo_server, visitor):
    service_url = f"{cached_server}/en/organisations/italy/cooperativa-sociale-il-ponte/job-desk/"
    urllib.request.urlopen(service_url).read()  # noqa: S310 - another visitor was here first

    page = visitor.new_page()
    response = page.goto(service_url)
    assert response.headers["x-page-cache"] == "hit"
    assert "public" in response.headers["cache-control"]
    assert not visitor.cookies()

    page.get_by_label("Your name").fill("Marco Bianchi")
    page.locator("#enquiry").get_by_label("Your email address").fill("marco.cached@example.org")
    page.get_by_label("Your message").fill("Buongiorno, do you help with CVs on Saturdays?")
    page.get_by_label(re.compile("I agree that my name")).check()
    page.get_by_role("button", name="Send the message").click()

    expect(page).to_have_url(f"{service_url}#enquiry")
    expect(page.locator("#enquiry").get_by_role("status")).to_contain_text(
        "your message has been sent"
    )
    # The message is kept, then taken away again: the demo's organisations count their new
    # messages in other journeys.
    assert (
        demo_server.python(
            "from directory.models import Enquiry; "
            "sent = Enquiry.objects.filter(email='marco.cached@example.org'); "
            "print(sent.count()); sent.delete()"
        ).strip()
        == "1"
    )

"""A national facilitator opens the statistics: the chart and the table, on a phone too."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in


def test_a_facilitator_reads_the_statistics(demo_server, chromium):
    context = chromium.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sign_in(page, demo_server, "facilitator-it", "morethanajob-demo")

    # Admin menu → Facilitation → Statistics.
    page.get_by_role("button", name="Facilitation").click()
    page.get_by_role("link", name="Statistics").click()
    expect(page.get_by_role("heading", name="Statistics", level=1)).to_be_visible()

    chart = page.get_by_role("img", name="Statistics by month")
    expect(chart).to_be_visible()
    table = page.get_by_role("table", name="Statistics by month")
    expect(table.locator("tbody tr")).to_have_count(12)
    expect(table.get_by_role("columnheader", name="Registrations")).to_be_visible()
    # Only Italy: the facilitator's country, month by month, no table by country.
    expect(page.get_by_label("Country", exact=True)).to_contain_text("Italy")
    expect(page.get_by_label("Country", exact=True)).not_to_contain_text("Greece")
    # The stylesheet colours the bars and sizes the chart: a year fills the page, up to 1.5
    # times its own size.
    first_bar = chart.locator("rect").first
    assert first_bar.evaluate("bar => getComputedStyle(bar).fill") == "rgb(29, 78, 216)"
    drawn = chart.evaluate("svg => svg.getBoundingClientRect().width")
    assert 34 * 16 < drawn <= float(chart.get_attribute("width"))
    assert_accessible(page, "main")

    # A shorter period, with the month pickers.
    page.get_by_label("From (month)").fill("2026-01")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"start=2026-01"))
    expect(page.get_by_role("link", name="Download these statistics (CSV)")).to_have_attribute(
        "href", re.compile(r"statistics\.csv\?.*start=2026-01")
    )

    # At 390 px wide the page fits; chart and table scroll inside their own frames.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(chart).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert chart.evaluate("svg => svg.getBoundingClientRect().width") == 34 * 16, "it scrolls"
    expect(page.get_by_role("button", name="Show")).to_be_in_viewport()
    assert_accessible(page, "main")
    context.close()

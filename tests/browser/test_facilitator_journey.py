"""A national facilitator sees who has been forgotten, sends a reminder, and the flag clears."""

import re
from urllib.parse import urlencode

from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in


def test_a_facilitator_reminds_a_forgotten_organisation(demo_server, chromium):
    context = chromium.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sign_in(page, demo_server, "facilitator-it", "morethanajob-demo")

    panel = page.locator("section.follow-up")
    expect(panel.get_by_role("heading", name="Organisations to follow up")).to_be_visible()
    assert_accessible(page, "section.follow-up")

    # Only overdue organisations: the first one is the longest forgotten.
    panel.get_by_label("Show").select_option("overdue")
    panel.get_by_role("button", name="Apply").click()
    flagged = panel.locator("tr.follow-up__overdue").first
    expect(flagged).to_be_visible()

    # "Select all" ticks every organisation of the page for a bulk reminder, and unticks them.
    boxes = panel.locator("input[name='organisation']")
    select_all = panel.get_by_label("Select all the organisations on this page")
    select_all.check()
    assert boxes.count() > 1
    for box in boxes.all():
        expect(box).to_be_checked()
    select_all.uncheck()
    for box in boxes.all():
        expect(box).not_to_be_checked()
    organisation_id = flagged.get_attribute("data-organisation")
    name = flagged.locator("th").first.locator("a").inner_text()
    flag = flagged.locator(".follow-up__flag")
    expect(flag).to_have_text(re.compile(r"days ago|Never contacted"))

    flagged.get_by_role("link", name="Send reminder").click()
    expect(page.get_by_role("heading", name=re.compile(re.escape(name)))).to_be_visible()
    body = page.locator(f"textarea[name='org-{organisation_id}-body']")
    expect(body).to_have_value(re.compile(r"Mancano ancora questi elementi"))  # in Italian
    assert_accessible(page, "main")
    body.fill(body.input_value() + "\nVi chiamo la prossima settimana. Marco")
    page.get_by_role("button", name="Send the reminder").click()

    expect(page.get_by_text(re.compile(r"A reminder is on its way to"))).to_be_visible()
    page.goto(f"{demo_server.url}/admin/?{urlencode({'attention': 'all', 'q': name})}")
    row = page.locator(f"tr[data-organisation='{organisation_id}']")
    expect(row).to_be_visible()
    expect(row).not_to_have_class(re.compile("follow-up__overdue"))
    expect(row.locator(".follow-up__contact")).to_contain_text("Email")

    sent = demo_server.python(
        "from facilitators.models import ContactLog; "
        f"c = ContactLog.objects.filter(organisation_id={organisation_id}).first(); "
        "print(c.by.username, c.channel, c.email.status, c.email.body_text.splitlines()[-1])"
    )
    assert sent.split() == ["facilitator-it", "email", "sent", "Vi", "chiamo", "la", "prossima",
                            "settimana.", "Marco"]  # fmt: skip
    context.close()


def test_on_a_phone_every_action_of_the_panel_is_within_reach(demo_server, chromium):
    """At 390 px the table scrolls sideways in its own focusable box: each row's actions can be
    scrolled to, seen and used; a contact logged from there shows its follow-up on the panel."""
    context = chromium.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, demo_server, "facilitator-it", "morethanajob-demo")
    page.goto(f"{demo_server.url}/admin/?attention=all")

    panel = page.locator("section.follow-up")
    table_box = panel.locator(".follow-up__table")
    expect(table_box).to_have_attribute("tabindex", "0")
    table_box.focus()
    expect(table_box).to_be_focused()
    # The page itself does not scroll sideways: only the table's box does.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    assert table_box.evaluate("box => box.scrollWidth > box.clientWidth")

    rows = panel.locator("tbody tr[data-organisation]")
    assert rows.count() > 1
    for row in rows.all()[:3]:
        for name in ("Send reminder", "Log a contact", "Open the profile"):
            action = row.get_by_role("link", name=name)
            action.scroll_into_view_if_needed()
            expect(action).to_be_in_viewport()
            box = action.bounding_box()
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            assert 0 <= x <= 390 and 0 <= y <= 844, (name, box)
            # Nothing covers it: a tap there lands on the link itself.
            hit = page.evaluate(
                "([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.textContent.trim()",
                [x, y],
            )
            assert hit == name
        expect(row.locator("input[name='organisation']")).to_be_visible()

    # Log a call with a follow-up date from the first row, and find it on the panel.
    first = rows.first
    organisation_id = first.get_attribute("data-organisation")
    first.get_by_role("link", name="Log a contact").click()
    page.get_by_label("Channel").select_option("phone")
    page.get_by_label("Outcome").select_option("agreed")
    follow_up = page.evaluate(
        "() => { const d = new Date(Date.now() + 7 * 864e5); return d.toISOString().slice(0, 10); }"
    )
    page.locator("input[name='follow_up_on']").fill(follow_up)
    page.locator("textarea[name='note']").fill("Agreed to add their courses next week.")
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_text(re.compile(r"Contact with .* logged"))).to_be_visible()
    row = page.locator(f"tr[data-organisation='{organisation_id}']")
    expect(row.locator(".follow-up__contact")).to_contain_text("Agreed next steps")
    year, month, day = follow_up.split("-")
    expect(row.locator(".follow-up__follow-up")).to_contain_text(f"{day}/{month}/{year}")
    assert_accessible(page, "section.follow-up")
    context.close()

"""A reader answers "Was this page useful?" by keyboard, in every language, and says what was
missing; Arabic reads right to left."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible

MISSING = {
    "en": "The opening hours of the office on Saturdays.",
    "it": "Gli orari di apertura dello sportello il sabato.",
    "el": "Το ωράριο του γραφείου το Σάββατο.",
    "ar": "مواعيد عمل المكتب يوم السبت.",
}


@pytest.mark.parametrize("language", ["en", "it", "el", "ar"])
def test_a_reader_answers_by_keyboard_in_every_language(demo_server, desktop, language):
    page = desktop
    page.goto(f"{demo_server.url}/{language}/")
    rtl = language == "ar"
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if rtl else "ltr")
    widget = page.locator("section.page-feedback")
    yes = widget.locator("button[value=yes]")
    no = widget.locator("button[value=no]")
    expect(yes).to_be_visible()
    assert_accessible(page, "section.page-feedback")
    # Yes comes first in the reading order: on the left, or on the right in Arabic.
    yes_box, no_box = yes.bounding_box(), no.bounding_box()
    assert (yes_box["x"] > no_box["x"]) if rtl else (yes_box["x"] < no_box["x"])

    # By keyboard: from Yes, Tab reaches No, and Enter answers.
    yes.focus()
    page.keyboard.press("Tab")
    expect(no).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/{language}/feedback/thanks/\?t="))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if rtl else "ltr")
    text = page.locator("textarea[name=missing]")
    expect(text).to_be_visible()
    assert_accessible(page)
    text.focus()
    page.keyboard.type(MISSING[language])
    page.keyboard.press("Tab")
    expect(page.locator("main button[type=submit]")).to_be_focused()
    page.keyboard.press("Enter")

    expect(text).to_have_count(0)  # received: the thanks, without the form
    assert_accessible(page)
    back = page.locator("main a").last
    expect(back).to_have_attribute("href", f"/{language}/")
    stored = demo_server.python(
        "from feedback.models import Answer; "
        f"print(list(Answer.objects.filter(missing={MISSING[language]!r})"
        ".values_list('language', 'useful')))"
    )
    assert stored.strip() == f"[('{language}', False)]"

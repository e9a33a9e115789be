"""Central staff feature an organisation; the home page and the organisation's page show it.

The admin's list and form are Wagtail's own; axe checks the public pages. The feature made here is
deleted at the end (with its row in the contact log), so the other journeys see the demo as seeded.
"""

import datetime
import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "morethanajob-demo"

# In the server's database: a published organisation that is not featured yet, in English and
# Arabic and at least one more language (its language versions), and the server's today.
CANDIDATE = """
import json
from django.utils import timezone
from directory.models import OrganisationPage
from django.db.models import Min
from featured.models import FeaturedOrganisation
featured = FeaturedOrganisation.objects.values('organisation_key')
firsts = (
    OrganisationPage.objects.live().order_by().values('translation_key')
    .annotate(first=Min('pk')).values('first')
)
for org in OrganisationPage.objects.filter(pk__in=firsts).exclude(
    translation_key__in=featured
).order_by('pk'):
    versions = {
        page.locale.language_code: page
        for page in OrganisationPage.objects.live()
        .filter(translation_key=org.translation_key)
        .select_related('locale')
    }
    if {'en', 'ar'} <= set(versions) and len(versions) > 2:
        break
print(json.dumps({
    'pk': org.pk,
    'key': str(org.translation_key),
    'titles': {code: page.title for code, page in versions.items()},
    'urls': {code: page.url for code, page in versions.items()},
    'pks': {code: page.pk for code, page in versions.items()},
    'today': timezone.localdate().isoformat(),
    'running': FeaturedOrganisation.today().count(),
}))
"""

CLEAN_UP = """
from facilitators.models import ContactLog
from featured.models import FeaturedOrganisation
FeaturedOrganisation.objects.filter(organisation_key={key!r}).delete()
print(ContactLog.objects.filter(organisation_key={key!r}, channel='featured').count())
"""


def featured_cards(page):
    return page.locator("section.featured .organisation-card")


def assert_fits(page):
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width[0]} > {width[1]} px"


def test_central_staff_feature_an_organisation_and_the_home_page_shows_it(demo_server, chromium):
    candidate = json.loads(demo_server.python(CANDIDATE))
    titles, urls = candidate["titles"], candidate["urls"]
    today = datetime.date.fromisoformat(candidate["today"])
    until = today + datetime.timedelta(days=6)
    context = chromium.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        sign_in(page, demo_server, "admin", DEMO_PASSWORD)

        # Admin → Featured organisations: the demo's plan, with what to check before posting.
        page.locator("#wagtail-sidebar").get_by_role("link", name="Featured organisations").click()
        expect(page).to_have_url(re.compile(r"/admin/featured/$"))
        expect(page.get_by_role("columnheader", name="Check before posting")).to_be_visible()
        expect(page.locator("tbody tr").first).to_be_visible()
        expect(page.locator("ul.featured-warnings li").first).to_be_visible()

        # Add a feature: from today for a week, on two channels.
        page.get_by_role("link", name=re.compile(r"^Add")).first.click()
        expect(page).to_have_url(re.compile(r"/admin/featured/new/$"))
        # Wagtail's page chooser: search the directory, pick its English version.
        page.get_by_role("button", name="Choose an organisation").click()
        modal = page.locator(".modal-dialog")
        modal.get_by_label("Search term").fill(titles["en"])
        modal.locator(f'a.choose-page[data-id="{candidate["pks"]["en"]}"]').click()
        expect(modal).to_have_count(0)
        expect(page.locator("input[name=organisation]")).to_have_value(str(candidate["pks"]["en"]))
        page.fill("#id_starts_on", today.isoformat())
        page.keyboard.press("Escape")
        page.fill("#id_ends_on", until.isoformat())
        page.keyboard.press("Escape")
        page.check("input[name=channels][value=facebook]")
        page.check("input[name=channels][value=linkedin]")
        expect(page.locator("#id_caption_en")).to_have_value("")
        page.locator("main form button[type=submit]").first.click()

        # The edit page, with captions drafted from the profile in each of its languages.
        expect(page).to_have_url(re.compile(r"/admin/featured/edit/\d+/$"))
        expect(page.locator(".messages")).to_contain_text("Captions drafted in")
        for code, title in titles.items():
            caption = page.locator(f"#id_caption_{code}")
            expect(caption).to_have_value(re.compile(re.escape(title)))
            expect(caption).to_have_value(re.compile(re.escape(urls[code]) + r"\?utm_"))
        expect(page.locator("input[name=channels][value=facebook]")).to_be_checked()
        expect(page.locator("input[name=channels][value=linkedin]")).to_be_checked()
        expect(page.locator("input[name=channels][value=instagram]")).not_to_be_checked()

        # The English home page features it, with those of the demo.
        public = context.new_page()
        public.goto(f"{demo_server.url}/en/")
        section = public.locator("section.featured")
        expect(section.get_by_role("heading", name="Featured organisations")).to_be_visible()
        expect(featured_cards(public)).to_have_count(candidate["running"] + 1)
        expect(section.get_by_role("link", name=titles["en"], exact=True)).to_be_visible()
        assert_accessible(public, "body")

        # In Arabic, right to left, in Arabic.
        public.goto(f"{demo_server.url}/ar/")
        assert public.get_attribute("html", "dir") == "rtl"
        expect(featured_cards(public)).to_have_count(candidate["running"] + 1)
        expect(section.get_by_role("link", name=titles["ar"], exact=True)).to_be_visible()
        assert_accessible(public, "body")

        # Its page says it is in the spotlight, and until when.
        section.get_by_role("link", name=titles["ar"], exact=True).click()
        expect(public.locator("h1")).to_contain_text(titles["ar"])
        public.goto(f"{demo_server.url}{urls['en']}")
        note = public.locator(".featured-note")
        expect(note).to_contain_text("Featured organisation")
        expect(note).to_contain_text(
            f"In the spotlight on MoreThanAJob until {until.day} {until:%B %Y}."
        )
        assert_accessible(public, "body")

        # On a phone, the featured cards fit the screen, in both directions of writing.
        phone = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        small = phone.new_page()
        for language in ["en", "ar"]:
            small.goto(f"{demo_server.url}/{language}/")
            cards = featured_cards(small)
            expect(cards).to_have_count(candidate["running"] + 1)
            cards.last.scroll_into_view_if_needed()
            assert_fits(small)
            for box in (cards.nth(i).bounding_box() for i in range(cards.count())):
                assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        phone.close()
    finally:
        context.close()
        left = demo_server.python(CLEAN_UP.format(key=candidate["key"])).strip()
        assert left == "0", "the feature's contact went with it"

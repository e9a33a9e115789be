"""A young person finds a mentor on a phone, in Arabic and in Italian. First a mentor of digital
skills registers and a facilitator of their country approves them in the admin; then the young
person registers, opens the link emailed to them, sees the new mentor among those proposed and
asks two mentors; one accepts from their own page, the other request is superseded (and that
mentor is emailed), and only now the mentee sees their mentor's address."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in

pytestmark = pytest.mark.browser

#: language: (first name, country)
MENTEES = {"ar": ("أمل", "PS"), "it": ("Lucia", "IT")}
#: language: (the new mentor's name, the demo facilitator of their country)
MENTORS = {"ar": ("سلمى حداد", "facilitator-ps"), "it": ("Chiara Valenti", "facilitator-it")}


def _look(demo_server, code):
    return json.loads(demo_server.python(code).strip().splitlines()[-1])


@pytest.mark.parametrize("language", ["ar", "it"])
def test_a_mentee_asks_two_mentors_and_one_accepts(demo_server, phone, language):
    page = phone
    first_name, country = MENTEES[language]
    email = f"mentee.journey.{language}@example.org"
    names = _look(
        demo_server,
        "import json; from django.utils import translation; "
        "from directory.models import ExpertiseCategory; "
        "from mentoring.models import RequestState; "
        f"translation.activate({language!r}); "
        "print(json.dumps({'sector': ExpertiseCategory.objects.get(slug='digital-skills', "
        f"locale__language_code={language!r}).name, "
        "'superseded': str(RequestState.SUPERSEDED.label)}))",
    )

    # A mentor registers for digital skills, in the same country and language.
    mentor_name, facilitator = MENTORS[language]
    page.goto(f"{demo_server.url}/{language}/mentoring/become-a-mentor/")
    form = page.locator("main form")
    form.locator("input[name=name]").fill(mentor_name)
    form.locator("input[name=email]").fill(f"mentor.journey.{language}@example.org")
    form.locator("textarea[name=profile]").fill("Web designer for fifteen years.")
    form.get_by_label(names["sector"], exact=True).check()
    form.locator("select[name=languages]").select_option([language])
    form.locator("select[name=country]").select_option(country)
    form.locator("select[name=delivery]").select_option("online")
    form.locator("input[name=consent]").check()
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{language}/mentoring/sent/$"))
    new_mentor = _look(
        demo_server,
        "import json; from mentoring.models import MentorProfile; "
        f"print(json.dumps(MentorProfile.objects.get(name={mentor_name!r}).pk))",
    )

    # The facilitator of that country approves them in the admin.
    page.context.clear_cookies()
    sign_in(page, demo_server, facilitator, "morethanajob-demo")
    page.goto(f"{demo_server.url}/admin/mentors/")
    expect(page.locator("main")).to_contain_text(mentor_name)
    page.goto(f"{demo_server.url}/admin/mentors/inspect/{new_mentor}/")
    page.locator("input[name=decision][value=approved]").check()
    with page.expect_navigation():
        page.locator("form:has(input[name=decision]) button[type=submit]").click()
    approval = _look(
        demo_server,
        "import json; from mentoring.models import MentorProfile; "
        f"print(json.dumps(MentorProfile.objects.get(pk={new_mentor}).approval))",
    )
    assert approval == "approved"
    page.context.clear_cookies()

    # From the footer of the home page to the form, in the visitor's language and direction.
    page.goto(f"{demo_server.url}/{language}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    page.locator(f"footer a[href='/{language}/mentoring/']").click()
    expect(page).to_have_url(f"{demo_server.url}/{language}/mentoring/")
    assert_accessible(page)

    form = page.locator("main form")
    form.locator("input[name=first_name]").fill(first_name)
    form.locator("input[name=email]").fill(email)
    form.locator("input[name=age]").fill("20")
    form.locator("select[name=country]").select_option(country)
    form.get_by_label(names["sector"], exact=True).check()
    form.locator("select[name=delivery]").select_option("online")
    form.locator("textarea[name=message]").fill("Web, portfolio")
    form.locator("input[name=consent]").check()
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{language}/mentoring/sent/$"))

    # The link to their page comes by email, in their language.
    body = demo_server.python(
        "from emails.models import OutboxEmail; "
        "e = OutboxEmail.objects.filter(template_key='mentoring_mentee_link', "
        f"to__contains=[{email!r}]).latest('pk'); print(e.body_text)"
    )
    link = re.search(rf"https?://\S+/{language}/mentoring/me/[^/\s]+/", body).group(0)
    page.goto(link)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    proposals = page.locator("ol.proposals > li")
    expect(proposals.first).to_be_visible()
    assert proposals.count() >= 2
    expect(page.locator("ol.proposals h3", has_text=mentor_name)).to_be_visible()
    assert_accessible(page)
    # No mentor's address before one accepts.
    expect(page.locator("a[href^='mailto:']")).to_have_count(0)

    chosen = [proposals.nth(i).locator("h3").inner_text() for i in (0, 1)]
    for i in (0, 1):
        proposals.nth(i).locator("input[name=mentors]").check()
    asking = page.locator("section[aria-labelledby=proposals-heading]")
    asking.locator("textarea[name=message]").fill(f"{first_name}: web, portfolio")
    asking.locator("button[type=submit]").click()
    waiting = page.locator("section[aria-labelledby=open-heading]")
    for name in chosen:
        expect(waiting).to_contain_text(name)

    # The first mentor accepts from their own signed page.
    mentor_email = _look(
        demo_server,
        "import json; from mentoring.models import MentorProfile; "
        f"print(json.dumps(MentorProfile.objects.get(name={chosen[0]!r}).email))",
    )
    mentor_link = demo_server.manage("mentoring_link", mentor_email).split()[-1]
    page.goto(mentor_link)
    request = page.locator("article.request", has_text=first_name)
    request.locator("form[action*='/accept/'] button").click()
    expect(page.locator("article.mentorship", has_text=first_name)).to_contain_text(email)

    # The mentee now has a mentor, with their address; the other request was superseded.
    page.goto(link)
    mentor = page.locator("section[aria-labelledby=mentor-heading]")
    expect(mentor).to_contain_text(chosen[0])
    expect(mentor.locator(f"a[href='mailto:{mentor_email}']")).to_be_visible()
    expect(page.locator("section[aria-labelledby=open-heading]")).to_have_count(0)
    expect(page.locator("section[aria-labelledby=proposals-heading]")).to_have_count(0)
    earlier = page.locator("section[aria-labelledby=closed-heading]")
    expect(earlier).to_contain_text(f"{chosen[1]}: {names['superseded']}")
    assert_accessible(page)

    # The mentor whose request was superseded was told so by email.
    superseded_to = _look(
        demo_server,
        "import json; from emails.models import OutboxEmail; "
        "from mentoring.models import MentorProfile; "
        f"mentor = MentorProfile.objects.get(name={chosen[1]!r}); "
        "print(json.dumps(list(OutboxEmail.objects.filter(template_key='mentoring_superseded', "
        "to__contains=[mentor.email]).values_list('body_text', flat=True))))",
    )
    assert any(first_name in body for body in superseded_to)

"""Admin → Readers' reactions: central staff see every page's answers, a facilitator their
country's, an organisation its own pages'; by the listing and by direct address."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    OrganisationMemberFactory,
    OrganisationPageFactory,
    ServicePageFactory,
    UserFactory,
)
from feedback.factories import AnswerFactory
from tests.directory.organisations import refused, registered
from tests.helpers import signed_in

pytestmark = pytest.mark.django_db

URL = "/admin/feedback/"
THIS_MONTH = datetime.date.today().replace(day=1)
LAST_MONTH = (THIS_MONTH - datetime.timedelta(days=1)).replace(day=1)


def page_url(page):
    return f"{URL}page/{page.pk}/"


def answers(page, no=0, yes=0, month=THIS_MONTH, missing=()):
    for _ in range(no):
        AnswerFactory(page=page, useful=False, month=month)
    for _ in range(yes):
        AnswerFactory(page=page, useful=True, month=month)
    for text, language in missing:
        AnswerFactory(page=page, useful=False, month=month, missing=text, language=language)


def titles(html):
    """The pages of the listing, in order."""
    rows = html.split('class="reactions__row"')[1:]
    return [row.split("</a>", 1)[0].rsplit(">", 1)[1] for row in rows]


def languages(html):
    """The language of each page of the listing, as the listing names it."""
    return re.findall(r'<td lang="([a-z]+)">', html)


@pytest.fixture
def pages(portal):
    """Answers about an Italian organisation (with its service), a Greek one, the Italian
    country page and the home page."""
    _user, ponte, _account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    service = ServicePageFactory(parent=ponte, title="Corso di italiano")
    _user, doors, _account = registered("gr", "info@doors.example.org", "Athens Open Doors")
    italy = portal.countries["IT"]
    other_italian = OrganisationPageFactory(parent=italy, title="Lavoro Insieme")
    answers(ponte, no=3, yes=1, missing=[("Gli orari di apertura", "it")])
    answers(service, no=1, yes=4, month=LAST_MONTH, missing=[("The price of the course", "en")])
    answers(doors, no=5, missing=[("Οι ώρες λειτουργίας", "el")])
    answers(italy, no=2, yes=2)
    answers(other_italian, yes=1)
    answers(portal.home, no=4, missing=[("ما هي الخدمات المتاحة؟", "ar")])
    return {
        "ponte": ponte,
        "service": service,
        "doors": doors,
        "italy": italy,
        "other": other_italian,
        "home": portal.home,
    }


def test_central_staff_see_every_page_the_most_no_first(pages):
    staff = signed_in(CentralStaffFactory())
    response = staff.get(URL)
    assert response.status_code == 200
    assert titles(response.content.decode()) == [
        "Athens Open Doors",  # 6 no
        "MoreThanAJob",  # 5 no
        "Cooperativa Il Ponte",  # 4 no
        "Corso di italiano",  # 2 no of 6
        "Italy",  # 2 no of 4
        "Lavoro Insieme",  # no "no"
    ]


def test_the_listing_is_filtered_by_month_and_country(pages):
    staff = signed_in(CentralStaffFactory())
    last = staff.get(URL, {"month": LAST_MONTH.strftime("%Y-%m")}).content.decode()
    assert titles(last) == ["Corso di italiano"]
    greece = staff.get(URL, {"country": "GR"}).content.decode()
    assert titles(greece) == ["Athens Open Doors"]
    italy = staff.get(URL, {"country": "IT", "month": THIS_MONTH.strftime("%Y-%m")})
    assert titles(italy.content.decode()) == ["Cooperativa Il Ponte", "Italy", "Lavoro Insieme"]
    assert staff.get(URL, {"month": "1999-01"}).status_code == 400
    assert staff.get(URL, {"country": "XX"}).status_code == 400


def test_a_pages_screen_gives_its_months_and_what_was_missing(pages):
    staff = signed_in(CentralStaffFactory())
    html = staff.get(page_url(pages["ponte"])).content.decode()
    assert "Gli orari di apertura" in html
    assert 'lang="it"' in html
    arabic = staff.get(page_url(pages["home"])).content.decode()
    assert '<p lang="ar" dir="rtl">ما هي الخدمات المتاحة؟</p>' in arabic


def test_a_facilitator_sees_only_their_countrys_pages(pages):
    facilitator = signed_in(CountryFacilitatorFactory(country="IT"))
    html = facilitator.get(URL).content.decode()
    assert titles(html) == ["Cooperativa Il Ponte", "Corso di italiano", "Italy", "Lavoro Insieme"]
    assert "Οι ώρες λειτουργίας" not in html
    assert facilitator.get(page_url(pages["service"])).status_code == 200
    for outside in ("doors", "home"):
        response = facilitator.get(page_url(pages[outside]), follow=True)
        assert refused(response), outside
        assert "Οι ώρες" not in response.content.decode()
        assert "ما هي الخدمات" not in response.content.decode()
    # Asking for another country's answers by the filter gives nothing either.
    greece = facilitator.get(URL, {"country": "GR"}).content.decode()
    assert "Athens Open Doors" not in greece and "Οι ώρες" not in greece


def test_an_organisation_sees_only_its_own_pages(pages):
    member = signed_in(OrganisationMemberFactory(organisation=pages["ponte"]))
    html = member.get(URL).content.decode()
    assert titles(html) == ["Cooperativa Il Ponte", "Corso di italiano"]
    assert languages(html) == ["it", "it"]
    assert 'name="country"' not in html
    service = member.get(page_url(pages["service"])).content.decode()
    assert "The price of the course" in service
    for outside in ("doors", "italy", "other", "home"):
        assert refused(member.get(page_url(pages[outside]))), outside


def test_anyone_else_is_refused(pages):
    editor = UserFactory()
    group = Group.objects.create(name="Site editors without a country")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    browser = signed_in(editor)
    assert refused(browser.get(URL))
    assert refused(browser.get(page_url(pages["ponte"])))
    anonymous = signed_in(CentralStaffFactory())
    anonymous.logout()
    assert refused(anonymous.get(URL))
    assert refused(anonymous.get(page_url(pages["ponte"])))


def test_an_unknown_page_is_not_found(pages):
    staff = signed_in(CentralStaffFactory())
    assert staff.get(f"{URL}page/999999/", follow=True).status_code == 404


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def more_pages(parent, count):
    for number in range(count):
        page = ServicePageFactory(parent=parent, title=f"Service {number}")
        answers(page, no=number % 3, yes=1, missing=[(f"Missing {number}", "en")])


@pytest.mark.parametrize("who", ["staff", "facilitator", "organisation"])
def test_the_reactions_cost_the_same_queries_for_few_and_many_pages(pages, who):
    user = {
        "staff": CentralStaffFactory,
        "facilitator": lambda: CountryFacilitatorFactory(country="IT"),
        "organisation": lambda: OrganisationMemberFactory(organisation=pages["ponte"]),
    }[who]()
    browser = signed_in(user)
    AnswerFactory(page=None, view="search", missing="A map of the results")

    def measured():
        counts = [queries(browser, URL), queries(browser, page_url(pages["service"]))]
        if who == "staff":
            counts.append(queries(browser, f"{URL}view/search/"))
        return counts

    few = measured()
    more_pages(pages["ponte"], 12)
    for _ in range(10):
        AnswerFactory(page=pages["service"], missing="The timetable", month=LAST_MONTH)
    for view in ("search", "register", "register_sent", "subscriptions_sent"):
        for month in (THIS_MONTH, LAST_MONTH):
            AnswerFactory(page=None, view=view, month=month, missing=f"Missing on {view}")
    many = measured()
    assert few == many

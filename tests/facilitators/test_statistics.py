"""Statistics over time: registrations, completeness, contacts and enquiries per month and country,
on screen (table and chart), as a CSV, and as a sheet of the monitoring report's XLSX."""

import csv
import datetime
import io
import re
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    EnquiryFactory,
    ExpertiseCategoryFactory,
    OrganisationMemberFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
)
from directory.models import OrganisationAccount, OrganisationPage
from emails.factories import OutboxEmailFactory
from facilitators.factories import ContactLogFactory
from facilitators.models import ContactChannel, ContactLog
from facilitators.statistics import Chart, Figures, add_months, this_month
from tests.directory.organisations import refused, registered
from tests.helpers import translate

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
URL = "/admin/statistics/"
CSV_URL = "/admin/statistics/statistics.csv"


def months_ago(count, day=15, hour=12, minute=0, tz=ROME):
    month = add_months(this_month(), -count)
    return datetime.datetime(month.year, month.month, day, hour, minute, tzinfo=tz)


def label(count):
    month = add_months(this_month(), -count)
    return f"{month.year:04d}-{month.month:02d}"


def registered_on(moment, country="it", name="Cooperativa", email="info@coop.example.org"):
    """An organisation registered through the portal's registration on `moment`."""
    _user, page, account = registered(country=country, email=email, name=name)
    OrganisationAccount.objects.filter(pk=account.pk).update(created_at=moment)
    return page


def complete_organisation(portal, moment):
    """An Italian organisation with everything its profile needs, written by staff (no account:
    it counts as registered when first published)."""
    image = wagtail_factories.ImageFactory()
    organisation = OrganisationPageFactory(
        parent=portal.localized(portal.countries["IT"], "it"),
        title="Cooperativa Sociale Il Ponte",
        phone="+39 091 000000",
        logo=image,
        cover_image=image,
    )
    organisation.expertise_categories.add(ExpertiseCategoryFactory())
    organisation.save_revision().publish()
    ServicePageFactory(parent=organisation).save_revision().publish()
    PortfolioProjectPageFactory(parent=organisation)
    translate(organisation, "en", title="Il Ponte Social Cooperative")
    OrganisationPage.objects.filter(translation_key=organisation.translation_key).update(
        first_published_at=moment
    )
    return organisation


@pytest.fixture
def world(portal):
    """Three months of life in Italy and Greece, and one organisation registered long ago."""
    ponte = complete_organisation(portal, months_ago(2))
    sole = registered_on(months_ago(2, day=3), name="Cooperativa Sole", email="a@sole.example.org")
    luna = registered_on(months_ago(0, day=1, hour=9), name="Luna", email="b@luna.example.org")
    athena = registered_on(
        months_ago(1), country="gr", name="Κοινωνική Αθηνά", email="c@athena.example.org"
    )
    registered_on(months_ago(20), name="Vecchia Cooperativa", email="d@old.example.org")

    # Contacts by people: two calls with Sole last month, one with Il Ponte this month.
    ContactLogFactory(organisation=sole, contacted_at=months_ago(1, day=2))
    ContactLogFactory(organisation=sole, contacted_at=months_ago(1, day=20))
    # The last evening of last month in UTC is already this month in Rome: counted this month.
    last_day = add_months(this_month(), 0) - datetime.timedelta(days=1)
    ContactLogFactory(
        organisation=ponte,
        contacted_at=datetime.datetime(
            last_day.year, last_day.month, last_day.day, 23, 30, tzinfo=datetime.UTC
        ),
    )
    ContactLogFactory(
        organisation=athena, contacted_at=months_ago(0, day=1), channel=ContactChannel.MEETING
    )
    # Emails by the portal: Luna's welcome email, this month (registration logged one already,
    # when the outbox says so; this one is dated explicitly).
    ContactLogFactory(
        organisation=luna,
        contacted_at=months_ago(0, day=1, hour=10),
        channel=ContactChannel.EMAIL,
        email=OutboxEmailFactory(),
    )
    # A contact outside the period (long ago) is not counted.
    ContactLogFactory(organisation=sole, contacted_at=months_ago(14))

    EnquiryFactory(organisation=athena, created_at=months_ago(1, day=10))
    EnquiryFactory(organisation=athena, created_at=months_ago(0, day=1))
    EnquiryFactory(organisation=ponte, created_at=months_ago(2, day=28))
    return portal


def csv_rows(response):
    """{(month, country): [figures]} from the statistics' CSV."""
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header == [
        "Month",
        "Country",
        "Registrations",
        "Complete now (by month of registration)",
        "Contacts by people",
        "Emails by the portal",
        "Enquiries",
    ]
    return {(row[0], row[1]): [int(value) for value in row[2:]] for row in body}


# Figures -----------------------------------------------------------------------------------------


def welcome_contacts():
    """Registration logs its welcome email as a contact, dated when it is written (today): the
    figures below count the contacts the test dates itself, so those are left out."""
    return ContactLog.objects.filter(email__isnull=False).exclude(
        contacted_at=months_ago(0, day=1, hour=10)
    )


def test_the_figures_per_month_and_country_for_central_staff(client, world):
    welcome_contacts().delete()  # registration's own welcome emails, dated today
    client.force_login(CentralStaffFactory())
    rows = csv_rows(client.get(CSV_URL))

    # The last twelve months by default, for each country.
    months = {month for month, _country in rows}
    assert months == {label(n) for n in range(12)}
    assert {country for _month, country in rows} == {"Greece", "Italy"}
    assert len(rows) == 12 * 2

    #                                  registrations, complete, contacts, emails, enquiries
    assert rows[(label(2), "Italy")] == [2, 1, 0, 0, 1]
    assert rows[(label(1), "Italy")] == [0, 0, 2, 0, 0]
    assert rows[(label(0), "Italy")] == [1, 0, 1, 1, 0]
    assert rows[(label(1), "Greece")] == [1, 0, 0, 0, 1]
    assert rows[(label(0), "Greece")] == [0, 0, 1, 0, 1]
    assert rows[(label(5), "Italy")] == [0, 0, 0, 0, 0]
    assert sum(sum(figures) for figures in rows.values()) == 13

    # A longer period reaches the organisation registered twenty months ago.
    rows = csv_rows(client.get(CSV_URL, {"start": label(23), "end": label(0), "country": "IT"}))
    assert len(rows) == 24
    assert rows[(label(20), "Italy")] == [1, 0, 0, 0, 0]
    assert rows[(label(14), "Italy")] == [0, 0, 1, 0, 0]


def test_the_page_shows_the_table_and_the_chart(client, world):
    welcome_contacts().delete()
    client.force_login(CentralStaffFactory())
    response = client.get(URL, {"country": "IT", "start": label(2), "end": label(0)})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert "<style" not in html, "its rules, and the bars' colours, are in the stylesheet"
    assert "/static/facilitators/admin.css" in html
    # Three months are narrower than the stylesheet's least width: drawn at their own size.
    assert "statistics__chart--narrow" in html
    assert '<title id="statistics-chart-title">Statistics by month</title>' in html
    assert "The table below gives the same figures." in html
    assert html.count("<rect ") == 3 * 5  # three months, five figures each
    assert "<script" not in html.split('<div class="statistics">')[1].split("</svg>")[0]
    by_month = response.context["by_month"]
    assert [figures.values() for _month, figures in by_month] == [
        [2, 1, 0, 0, 1],
        [0, 0, 2, 0, 0],
        [1, 0, 1, 1, 0],
    ]
    assert response.context["total"].values() == [3, 1, 3, 1, 1]
    assert ">Complete now (by month of registration)</th>" in html
    assert reverse("statistics:csv") + "?" in html  # the download keeps the filters


def test_the_chart_reads_right_to_left_in_arabic():
    months = [add_months(this_month(), -n) for n in (2, 1, 0)]
    figures = [(month, Figures(registrations=n + 1)) for n, month in enumerate(months)]
    with translation.override("ar"):
        rtl = Chart(figures, rtl=True)
    ltr = Chart(figures)
    # The oldest month's bars sit on the left in English, on the right in Arabic.
    assert ltr.months[0].x < ltr.months[-1].x
    assert rtl.months[0].x > rtl.months[-1].x
    assert rtl.scale_anchor == "start"
    # The tallest bar is the last month's: three registrations, the top of the scale... or below.
    heights = [bar.height for bar in ltr.bars if bar.series == 0]
    assert heights[0] < heights[1] < heights[2]


def test_the_page_reads_in_arabic(client, world):
    user = CentralStaffFactory()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(user)
    response = client.get(URL, {"start": label(2), "end": label(0)})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html
    # Coordinates are written as numbers, whatever the language's decimal separator.
    assert not re.search(r'<rect x="[0-9]+,[0-9]', html)


# Who sees what -------------------------------------------------------------------------------


def test_a_facilitator_sees_only_their_countries(client, world):
    welcome_contacts().delete()
    client.force_login(CountryFacilitatorFactory(country="IT"))
    rows = csv_rows(client.get(CSV_URL))
    assert {country for _month, country in rows} == {"Italy"}
    assert rows[(label(2), "Italy")] == [2, 1, 0, 0, 1]

    # Asking for another country by the address is refused with a form error.
    response = client.get(URL, {"country": "GR"})
    assert response.status_code == 400
    assert "Choose one of the countries whose statistics you can see." in response.content.decode()
    assert client.get(CSV_URL, {"country": "GR"}).status_code == 400
    assert client.get(CSV_URL, {"country": "-"}).status_code == 400

    # The menu offers the statistics under Facilitation.
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_organisation_and_anonymous_are_refused(client, world):
    organisation = OrganisationPage.objects.get(title="Luna")
    member = OrganisationMemberFactory(organisation=organisation)
    client.force_login(member)
    for url in (URL, CSV_URL):
        response = client.get(url)
        assert refused(response), (url, response.status_code)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.logout()
    for url in (URL, CSV_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "1999-12"}, "Statistics start in January 2000."),
        ({"end": "9999-12"}, "This month is the latest with statistics."),
        ({"start": "2026-13"}, "Enter a month as YYYY-MM"),
        ({"start": "yesterday"}, "Enter a month as YYYY-MM"),
        ({"start": "0000-01"}, "Statistics start in January 2000."),
        ({"start": "2024-05", "end": "2024-02"}, "The last month cannot be before the first one."),
        ({"country": "XX"}, "Choose one of the countries"),
    ],
)
def test_bad_input_is_a_form_error(client, portal, query, message):
    client.force_login(CentralStaffFactory())
    response = client.get(URL, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert client.get(CSV_URL, query).status_code == 400


def test_a_month_in_the_future_is_refused_but_this_month_is_fine(client, portal):
    client.force_login(CentralStaffFactory())
    assert client.get(URL, {"start": label(0), "end": label(0)}).status_code == 200
    assert client.get(URL, {"end": label(-1)}).status_code == 400
    assert client.get(URL, {"start": "2000-01", "end": label(0)}).status_code == 200


# Cost ------------------------------------------------------------------------------------------


def grow(portal, start, count):
    italy = portal.localized(portal.countries["IT"], "it")
    greece = portal.localized(portal.countries["GR"], "el")
    for i in range(start, start + count):
        page = OrganisationPageFactory(parent=italy if i % 2 else greece, title=f"Coop {i}")
        page.save_revision().publish()
        OrganisationPage.objects.filter(pk=page.pk).update(first_published_at=months_ago(i % 5))
        ContactLogFactory(organisation=page, contacted_at=months_ago(i % 7))
        EnquiryFactory(organisation=page, created_at=months_ago(i % 3))


@pytest.mark.parametrize("path", [URL, CSV_URL])
def test_the_queries_do_not_grow_with_the_data(client, portal, path):
    client.force_login(CentralStaffFactory())
    client.get(path)  # sessions, site and locales warmed up

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    grow(portal, 0, 3)
    small = queries()
    grow(portal, 3, 12)
    assert queries() == small


def test_the_report_xlsx_has_a_statistics_sheet_with_the_same_figures(client, world):
    welcome_contacts().delete()
    client.force_login(CountryFacilitatorFactory(country="IT"))
    expected = csv_rows(client.get(CSV_URL))
    response = client.get(reverse("facilitation_report", args=["xlsx"]))
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:2] == ["Monitoring", "Statistics"]
    rows = list(workbook["Statistics"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Month", "Country", "Registrations")
    assert {(row[0], row[1]): list(row[2:]) for row in rows[1:]} == expected

"""The monitoring report: facilitators download their follow-up list as CSV or XLSX."""

import codecs
import csv
import datetime
import io
import zipfile
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from collaboration.factories import CollaborationCallPageFactory
from directory.completeness import completeness_of
from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    PortfolioProjectPageFactory,
)
from facilitators import report
from facilitators.factories import ContactLogFactory
from facilitators.filters import FollowUpFilterForm
from facilitators.followup import follow_up, organisations_for
from tests.directory.organisations import refused, registered
from tests.helpers import emailed

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ORANGE = "00F4B183"


# Helpers ----------------------------------------------------------------------------------------


def download(client, user, fmt="csv", **query):
    client.force_login(user)
    return client.get(reverse("facilitation_report", args=[fmt]), query)


def csv_table(response):
    """{organisation name: {column: value}} from a CSV download."""
    assert response.status_code == 200, response
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    return {row["Organisation"]: row for row in rows}


def csv_names(response):
    return list(csv_table(response))


def xlsx_sheet(response):
    assert response.status_code == 200, response
    assert response["Content-Type"] == XLSX
    return openpyxl.load_workbook(io.BytesIO(response.content))["Monitoring"]


def xlsx_table(sheet):
    """{organisation name: {column: cell}} from the report's sheet."""
    header = [cell.value for cell in sheet[1]]
    return {
        cells[0].value: dict(zip(header, cells, strict=True))
        for cells in sheet.iter_rows(min_row=2)
    }


def days_ago(days, hour=12):
    """A moment `days` calendar days ago in the current time zone, at midday."""
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# People -----------------------------------------------------------------------------------------


@pytest.fixture
def italy_facilitator(portal):
    return CountryFacilitatorFactory(
        username="lucia", first_name="Lucia", last_name="Bianchi", country=portal.countries["IT"]
    )


@pytest.fixture
def central_staff(portal):
    return CentralStaffFactory(username="sofia")


@pytest.fixture
def organisations(portal):
    """Two Italian organisations and a Greek one, registered as organisations register."""
    ponte = registered("it", "giulia@ponte.example.org", "Cooperativa Il Ponte")[1]
    arci = registered("it", "info@arci.example.org", "Arci Palermo")[1]
    ergo = registered("gr", "info@ergo.example.org", "Ergo Koinsep")[1]
    return {"ponte": ponte, "arci": arci, "ergo": ergo}


# Who gets what ----------------------------------------------------------------------------------


def test_a_facilitator_gets_only_the_organisations_of_their_country(
    client, organisations, italy_facilitator, central_staff
):
    italian = csv_table(download(client, italy_facilitator, attention="all"))
    assert sorted(italian) == ["Arci Palermo", "Cooperativa Il Ponte"]
    assert italian["Arci Palermo"]["Country"] == "Italy"
    assert italian["Arci Palermo"]["Facilitators"] == "Lucia Bianchi"

    everyone = csv_names(download(client, central_staff, attention="all"))
    assert sorted(everyone) == ["Arci Palermo", "Cooperativa Il Ponte", "Ergo Koinsep"]

    sheet = xlsx_sheet(download(client, italy_facilitator, "xlsx", attention="all"))
    assert sorted(xlsx_table(sheet)) == ["Arci Palermo", "Cooperativa Il Ponte"]


def test_the_download_is_a_dated_attachment(client, organisations, central_staff):
    today = timezone.localdate().isoformat()
    response = download(client, central_staff, "csv")
    assert response["Content-Disposition"] == f'attachment; filename="monitoring-{today}.csv"'
    assert "no-store" in response["Cache-Control"]

    response = download(client, central_staff, "xlsx", country="GR")
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == f'attachment; filename="monitoring-GR-{today}.xlsx"'


def test_filters_and_order_are_those_of_the_panel(
    client, organisations, italy_facilitator, central_staff
):
    ContactLogFactory(
        organisation=organisations["arci"], contacted_at=days_ago(10), by=italy_facilitator
    )
    query = {"attention": "overdue", "country": "IT"}

    names = csv_names(download(client, central_staff, **query))
    assert names == ["Cooperativa Il Ponte"]  # Arci was called 10 days ago; Ergo is in Greece

    rows = follow_up(organisations_for(central_staff))
    on_screen = FollowUpFilterForm(query, rows).apply(rows)
    assert names == [row.page.title for row in on_screen]

    by_name = csv_names(download(client, central_staff, attention="all", sort="-name"))
    assert by_name == ["Ergo Koinsep", "Cooperativa Il Ponte", "Arci Palermo"]
    searched = csv_names(download(client, central_staff, attention="all", q="ponte"))
    assert searched == ["Cooperativa Il Ponte"]


def test_a_profile_s_missing_items_and_counts(client, organisations, central_staff):
    ponte = organisations["ponte"]
    PortfolioProjectPageFactory(parent=ponte)
    PortfolioProjectPageFactory(parent=ponte)
    row = csv_table(download(client, central_staff, attention="all"))["Cooperativa Il Ponte"]

    completeness = completeness_of(ponte)
    assert row["Missing items"] == "; ".join(str(rule.label) for rule in completeness.missing)
    assert "A short description" in row["Missing items"]
    assert "At least one portfolio project" not in row["Missing items"]
    assert row["Completeness (%)"] == str(completeness.share)
    assert row["Portfolio projects"] == "2"
    assert row["Published services and opportunities"] == "0"
    assert row["Languages"] == "it"
    assert row["Registered on"] == timezone.localdate().isoformat()
    assert row["Approved on"] == ""  # a draft still waiting for its facilitator


# Contact, and who is overdue --------------------------------------------------------------------


def test_overdue_contact_is_orange_in_the_spreadsheet(
    client, organisations, italy_facilitator, central_staff
):
    ContactLogFactory(
        organisation=organisations["ponte"], contacted_at=days_ago(41), by=italy_facilitator
    )
    ContactLogFactory(
        organisation=organisations["arci"],
        contacted_at=days_ago(10),
        by=italy_facilitator,
        channel="meeting",
    )
    sheet = xlsx_sheet(download(client, central_staff, "xlsx", attention="all"))
    table = xlsx_table(sheet)

    late = table["Cooperativa Il Ponte"]
    assert late["Days since contact"].value == 41
    assert late["Contact overdue"].value == "yes"
    assert late["Last contact by"].value == "Lucia Bianchi"
    assert late["Last contact channel"].value == "Phone"
    assert late["Last contact"].value.date() == days_ago(41).date()
    assert late["Last contact"].is_date and late["Last contact"].number_format == "yyyy-mm-dd"
    for column in ("Last contact", "Days since contact", "Contact overdue"):
        assert late[column].fill.fill_type == "solid"
        assert late[column].fill.fgColor.rgb == ORANGE
    assert late["Organisation"].fill.fill_type is None  # only the contact cells

    recent = table["Arci Palermo"]
    assert recent["Days since contact"].value == 10
    assert recent["Contact overdue"].value == "no"
    assert recent["Last contact channel"].value == "Meeting"
    assert recent["Days since contact"].fill.fill_type is None

    never = table["Ergo Koinsep"]  # never contacted: overdue too
    assert never["Last contact"].value is None
    assert never["Days since contact"].value is None
    assert never["Contact overdue"].value == "yes"
    assert never["Days since contact"].fill.fgColor.rgb == ORANGE


def test_the_portal_s_own_emails_count_as_contact(client, organisations, central_staff):
    emailed(organisations["ergo"])
    row = csv_table(download(client, central_staff, attention="all"))["Ergo Koinsep"]
    assert row["Last contact by"] == "the portal"
    assert row["Last contact channel"] == "Email"
    assert row["Days since contact"] == "0"
    assert row["Contact overdue"] == "no"


def test_the_spreadsheet_is_ready_to_filter(client, organisations, central_staff):
    sheet = xlsx_sheet(download(client, central_staff, "xlsx", attention="all"))
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}4"
    assert sheet.column_dimensions["A"].width >= 30
    registered_on = xlsx_table(sheet)["Arci Palermo"]["Registered on"]
    assert registered_on.is_date and registered_on.value.date() == timezone.localdate()


def test_dates_are_in_the_admin_user_s_time_zone(client, organisations, central_staff):
    """A call at 02:30 UTC was the evening before in New York, the same morning in Rome."""
    profile = UserProfile.get_for_user(central_staff)
    profile.current_time_zone = "America/New_York"
    profile.save()
    day = timezone.now().astimezone(datetime.UTC).date() - datetime.timedelta(days=5)
    early_morning_utc = datetime.datetime.combine(day, datetime.time(2, 30), datetime.UTC)
    ContactLogFactory(
        organisation=organisations["arci"], contacted_at=early_morning_utc, by=central_staff
    )

    row = csv_table(download(client, central_staff, attention="all"))["Arci Palermo"]
    in_new_york = early_morning_utc.astimezone(ZoneInfo("America/New_York")).date()
    assert in_new_york == day - datetime.timedelta(days=1)
    assert row["Last contact"] == in_new_york.isoformat()

    profile.current_time_zone = "Europe/Rome"
    profile.save()
    row = csv_table(download(client, central_staff, attention="all"))["Arci Palermo"]
    assert row["Last contact"] == day.isoformat()


# Languages --------------------------------------------------------------------------------------


def test_greek_and_arabic_names_survive_the_csv(client, portal, central_staff):
    registered("gr", "info@enosi.example.org", "Κοινωνική Συνεταιριστική Επιχείρηση Ένωση")
    registered("gr", "info@amal.example.org", "جمعية الأمل للتضامن")
    names = csv_names(download(client, central_staff, attention="all"))
    assert sorted(names) == ["Κοινωνική Συνεταιριστική Επιχείρηση Ένωση", "جمعية الأمل للتضامن"]

    sheet = xlsx_sheet(download(client, central_staff, "xlsx", attention="all"))
    assert "جمعية الأمل للتضامن" in xlsx_table(sheet)


def test_a_greek_admin_reads_country_names_in_greek(client, organisations, central_staff):
    profile = UserProfile.get_for_user(central_staff)
    profile.preferred_language = "el"
    profile.save()
    response = download(client, central_staff, attention="all")
    text = response.content.decode("utf-8-sig")
    assert "Ελλάδα" in text and "Ιταλία" in text


def test_an_arabic_admin_s_sheet_reads_right_to_left(client, organisations, central_staff):
    profile = UserProfile.get_for_user(central_staff)
    profile.preferred_language = "ar"
    profile.save()
    response = download(client, central_staff, "xlsx", attention="all")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.active.sheet_view.rightToLeft


# Spreadsheet formulas ---------------------------------------------------------------------------

FORMULA_NAMES = ['=HYPERLINK("http://evil.example/","Click me")', "+39 Cooperativa", "@SUM(A1)"]


def test_names_that_look_like_formulas_stay_text(client, portal, central_staff):
    for number, name in enumerate(FORMULA_NAMES):
        registered("it", f"org{number}@formula.example.org", name)

    rows = csv_table(download(client, central_staff, attention="all"))
    assert sorted(rows) == sorted(f"'{name}" for name in FORMULA_NAMES)

    response = download(client, central_staff, "xlsx", attention="all")
    table = xlsx_table(xlsx_sheet(response))
    assert sorted(table) == sorted(FORMULA_NAMES)
    for name in FORMULA_NAMES:
        assert table[name]["Organisation"].data_type == "s"
        assert table[name]["Organisation"].quotePrefix
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


# Refusals ---------------------------------------------------------------------------------------


def test_an_organisation_user_gets_no_report(client, organisations):
    user = registered("it", "someone@else.example.org", "Another Cooperative")[0]
    for fmt in ("csv", "xlsx"):
        response = download(client, user, fmt, attention="all")
        assert refused(response)
        assert "Content-Disposition" not in response
        assert b"Cooperativa Il Ponte" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client, organisations):
    response = client.get(reverse("facilitation_report", args=["csv"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_an_unknown_format_is_not_found(client, organisations, central_staff):
    assert download(client, central_staff, "pdf").status_code == 404
    assert download(client, central_staff, "CSV").status_code == 404


# Counts of other pages --------------------------------------------------------------------------


def test_published_collaboration_calls_are_counted(client, organisations, central_staff):
    CollaborationCallPageFactory(parent=organisations["arci"], title="Partners for a job club")
    CollaborationCallPageFactory(parent=organisations["arci"], title="A draft call", live=False)
    rows = csv_table(download(client, central_staff, attention="all"))
    assert rows["Arci Palermo"]["Collaboration calls"] == "1"
    assert rows["Ergo Koinsep"]["Collaboration calls"] == "0"


def test_counted_pages_come_from_the_registry(client, organisations, central_staff, monkeypatch):
    counted = report.CountedChildPages("Project pages", "directory.PortfolioProjectPage", False)
    monkeypatch.setattr(report, "COUNTED_CHILD_PAGES", [*report.COUNTED_CHILD_PAGES, counted])
    PortfolioProjectPageFactory(parent=organisations["arci"])
    rows = csv_table(download(client, central_staff, attention="all"))
    assert rows["Arci Palermo"]["Project pages"] == "1"
    assert rows["Ergo Koinsep"]["Project pages"] == "0"
    assert rows["Ergo Koinsep"]["Collaboration calls"] == "0"


# Query budget -----------------------------------------------------------------------------------


def queries_for(client, user, fmt):
    with CaptureQueriesContext(connection) as queries:
        response = download(client, user, fmt, attention="all")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_query_count_does_not_grow_with_the_organisations(
    client, organisations, italy_facilitator, central_staff, fmt
):
    ContactLogFactory(
        organisation=organisations["ponte"], contacted_at=days_ago(3), by=italy_facilitator
    )
    emailed(organisations["arci"])
    download(client, central_staff, fmt)  # caches warmed (content types, locales)
    few = queries_for(client, central_staff, fmt)

    for number in range(10):
        page = registered(
            "it" if number % 2 else "gr", f"org{number}@many.example.org", f"Org {number}"
        )[1]
        if number % 3 == 0:
            ContactLogFactory(
                organisation=page, contacted_at=days_ago(number * 7), by=italy_facilitator
            )
        if number % 4 == 0:
            PortfolioProjectPageFactory(parent=page)
    # The new organisations' standings are worked out on first use (a fixed number of queries).
    download(client, central_staff, fmt)
    many = queries_for(client, central_staff, fmt)
    rows = csv_table(download(client, central_staff, attention="all"))
    assert len(rows) == 13
    assert many == few

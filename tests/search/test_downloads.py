"""Downloading the directory: the results of a search, all of them, as CSV and XLSX, in the
visitor's language, safe to open in a spreadsheet, read in a bounded number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from directory.factories import ServicePageFactory

from .helpers import search, titles

pytestmark = pytest.mark.django_db


def csv_rows(client, language="en", **params):
    response = client.get(f"/{language}/search/download.csv", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(client, language="en", **params):
    response = client.get(f"/{language}/search/download.xlsx", params)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [
        ["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)
    ]


def test_a_download_holds_exactly_the_search_results_in_order(client, directory, settings):
    settings.PORTAL_PAGE_SIZE = 2  # the search shows a page; the download, every result
    params = {"country": "gr", "sort": "newest"}
    shown = titles(search(client, "en", **params))
    assert len(shown) == 2
    every = csv_rows(client, **params)
    header, rows = every[0], every[1:]
    assert header[:3] == ["Type", "Name", "Organisation"]
    assert [row[1] for row in rows][:2] == shown
    assert {row[1] for row in rows} == {
        "Open Doors Employment Centre",
        "Training for young people in digital skills",
        "Legal advice for refugees",
        "Summer internship in a bakery",
    }
    legal = next(row for row in rows if row[1] == "Legal advice for refugees")
    cells = dict(zip(header, legal, strict=True))
    assert cells["Organisation"] == "Open Doors Employment Centre"
    assert cells["Country"] == "Greece"
    assert "Athens" in cells["City or region"]
    assert cells["Categories"] == "Legal advice"
    assert cells["Target groups"] == "Refugees"
    assert cells["Address"].startswith("http://testserver/en/")
    assert cells["Last checked"]  # dated when it was published
    # The XLSX has the same rows.
    assert [row[1] for row in xlsx_rows(client, **params)[1:]] == [row[1] for row in rows]


def test_a_download_speaks_the_visitors_language(client, directory):
    header, *rows = xlsx_rows(client, "it", category="legal")
    assert header[:3] == ["Tipo", "Nome", "Organizzazione"]
    names = {row[1]: row for row in rows}
    legal = names["Sportello di consulenza legale per migranti"]
    assert legal[5] == "Consulenza legale"
    arabic = csv_rows(client, "ar", category="legal")
    assert arabic[0][0] != "Type"
    assert any("استشارات قانونية" in row[5] for row in arabic[1:])


def test_cells_that_would_be_formulas_are_written_as_text(client, directory):
    ServicePageFactory(
        parent=directory["doors"],
        title='=HYPERLINK("http://evil.example","x")',
        summary="@SUM(1+1) training",
        cost="+39 123",
        is_free=False,
    ).save_revision().publish()
    rows = csv_rows(client, q="HYPERLINK evil")
    [row] = [row for row in rows if "HYPERLINK" in row[1]]
    assert row[1] == '\'=HYPERLINK("http://evil.example","x")'
    assert row[8] == "'+39 123"
    [cells] = [row for row in xlsx_rows(client, q="HYPERLINK evil") if "HYPERLINK" in str(row[1])]
    assert cells[1].startswith("'=")


def test_a_download_costs_the_same_queries_whatever_the_number_of_rows(client, directory):
    def count():
        warm = client.get("/en/search/download.csv", {"country": "gr"})
        b"".join(warm.streaming_content)  # a streamed answer runs its queries as it is read
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/search/download.csv", {"country": "gr"})
            rows = len(b"".join(response.streaming_content).splitlines())
        return len(queries), rows

    small, small_rows = count()
    for n in range(12):
        ServicePageFactory(parent=directory["doors"], title=f"Extra {n}").save_revision().publish()
    large, large_rows = count()
    assert large_rows == small_rows + 12
    assert small == large

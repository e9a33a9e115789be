"""The directory as a spreadsheet: `/<lang>/search/download.csv` and `.xlsx`.

The same query string as the search page, so a download holds exactly the results a search
shows (all of them, not one page), in the same order, in the visitor's language: its
organisations, and its services and opportunities with their organisation, place, category,
target groups and dates. Read a batch of results at a time through the cards' own loading
(`DirectorySearch.cards`, a fixed number of queries per batch, none per row); the CSV is
streamed as it is read.

A cell starting with = + - @ (or a tab or carriage return) is read as a formula by spreadsheet
programs: it is written with a leading apostrophe, the spreadsheets' own "this is text" mark.
"""

import csv
import datetime
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_bidi, gettext

from directory.addresses import visitor_url
from directory.countries import country_names
from directory.filters import ALL
from directory.listing import request_locales
from directory.listing_rows import country_codes
from directory.models import ServicePage
from directory.search import DirectorySearch

from .forms import SearchForm

BATCH = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe(value):
    """A cell's text, never read as a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def columns():
    return [
        gettext("Type"),
        gettext("Name"),
        gettext("Organisation"),
        gettext("Country"),
        gettext("City or region"),
        gettext("Categories"),
        gettext("Target groups"),
        gettext("Delivery"),
        gettext("Cost"),
        *[
            capfirst(ServicePage._meta.get_field(name).verbose_name)
            for name in ("start_date", "end_date", "application_deadline", "checked_on")
        ],
        gettext("Language"),
        gettext("Address"),
    ]


def rows(request, engine):
    """Each result as a list of cells, a batch of results at a time."""
    ids = list(engine.results())
    country_of = country_codes()
    names = country_names()
    for start in range(0, len(ids), BATCH):
        for page in engine.cards(ids[start : start + BATCH]):
            country = names.get(country_of(page.path).upper(), "")
            address = request.build_absolute_uri(visitor_url(page, request))
            if page.result_kind == "organisation":
                cells = [
                    gettext("Organisation"),
                    page.title,
                    "",
                    country,
                    page.place_label or "",
                    ", ".join(page.expertise_labels),
                    "",
                    "",
                    "",
                    None,
                    None,
                    None,
                ]
            else:
                cells = [
                    page.get_kind_display(),
                    page.title,
                    page.organisation.title if page.organisation else "",
                    country,
                    page.place_label or "",
                    page.category_label or "",
                    ", ".join(page.target_group_labels),
                    page.get_delivery_display(),
                    gettext("Free") if page.is_free else page.cost,
                    page.start_date,
                    page.end_date,
                    page.application_deadline,
                ]
            yield [*cells, page.checked_on, page.locale.language_code, address]


class Echo:
    def write(self, value):
        return value


def search_of(request):
    locales = request_locales(request)
    form = SearchForm(request.GET, locales, scope=ALL)
    return DirectorySearch(form, locales)


def filename(extension):
    return f"morethanajob-{timezone.localdate():%Y-%m-%d}.{extension}"


def download_csv(request):
    engine = search_of(request)
    writer = csv.writer(Echo())

    def lines():
        yield "\ufeff"  # so that spreadsheet programs read UTF-8 (Greek and Arabic intact)
        yield writer.writerow([safe(label) for label in columns()])
        for cells in rows(request, engine):
            yield writer.writerow([safe(value) for value in cells])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename("csv")}"'
    response["Content-Language"] = get_language()
    return response


def download_xlsx(request):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    engine = search_of(request)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(gettext("Directory")[:31])
    sheet.sheet_view.rightToLeft = get_language_bidi()
    sheet.append([safe(label) for label in columns()])
    for cells in rows(request, engine):
        sheet.append(
            [
                value
                if isinstance(value, datetime.date)
                else ILLEGAL_CHARACTERS_RE.sub("", safe(value))
                for value in cells
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename("xlsx")}"'
    response["Content-Language"] = get_language()
    return response

"""The monitoring report: the facilitators' follow-up list as a spreadsheet (CSV or XLSX).

The report has one row per organisation, with the same filters and sorting as the dashboard panel
(the same query string: `/admin/facilitation/report.xlsx?country=IT&attention=overdue`). A
facilitator gets the organisations of their own countries, central staff get every organisation.

Headers and texts are in the admin user's language, dates in their time zone (Wagtail's admin sets
both for the request). The report is built in a fixed number of queries, however many
organisations it lists.

The figures other apps keep (`facilitators.figures`: the networks') add a column each per
organisation and, in the XLSX, a sheet each with their figures per country in the user's scope.

Cells that a spreadsheet would read as a formula (a name starting with "=", "+", "-" or "@") are
kept as plain text, so that opening the report never runs anything an organisation typed.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language_bidi, gettext
from django.utils.translation import gettext_lazy as _

from directory.completeness import RULES, OrganisationTree
from directory.countries import country_names

from .figures import country_tables, organisation_columns, organisation_values
from .filters import FollowUpFilterForm
from .followup import (
    can_follow_up,
    follow_up,
    followed_country_codes,
    organisations_for,
)
from .statistics import (
    DEFAULT_MONTHS,
    NO_COUNTRY,
    add_months,
    statistics,
    statistics_sheet_rows,
    this_month,
)

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# Pages counted under each organisation ---------------------------------------------------------


@dataclass(frozen=True)
class CountedChildPages:
    """A report column counting an organisation's child pages of one page model.

    `model` is "app_label.ModelName". While that model is not installed the column stays in the
    report with empty cells (not zero: nothing was counted). `live=False` counts drafts too.
    """

    label: str
    model: str
    live: bool = True

    def get_model(self):
        try:
            return apps.get_model(self.model)
        except LookupError:
            return None


#: The extra counts in the report, one column each, counted in one query per installed model.
COUNTED_CHILD_PAGES = [
    CountedChildPages(_("Collaboration calls"), "collaboration.CollaborationCallPage"),
]


def child_page_counts(rows):
    """[{organisation key: count} or None when the model is not installed] per counted model."""
    keys = {row.page.translation_key for row in rows}
    counts = []
    for counted in COUNTED_CHILD_PAGES:
        model = counted.get_model()
        if model is None or not keys:
            counts.append(None if model is None else {})
        else:
            counts.append(OrganisationTree(keys).count_children(model, live=counted.live))
    return counts


# The table --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    label: str
    width: int  # in characters, for the XLSX
    marks_overdue: bool = False  # filled orange in the XLSX when contact is overdue


@dataclass
class Table:
    columns: list
    rows: list  # (follow-up Row, [cell values]) pairs; values are str, int, date or None


def local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def contacted_by(contact):
    """Who made the last contact: a person, or the portal for the emails it sends by itself."""
    if contact is None:
        return None
    if contact.by_name:
        return contact.by_name
    if contact.email_id is not None:
        return gettext("the portal")
    return None  # the person who logged it no longer has an account


def report_table(rows):
    """The report's columns and cell values, in the active language and time zone."""
    counts = child_page_counts(rows)
    figure_columns = organisation_columns()
    figures = organisation_values(figure_columns, [row.page.translation_key for row in rows])
    names = country_names()
    columns = [
        Column(gettext("Organisation"), 40),
        Column(gettext("Country"), 16),
        Column(gettext("Contact person"), 24),
        Column(gettext("Email"), 30),
        Column(gettext("Phone"), 16),
        Column(gettext("City"), 16),
        Column(gettext("Facilitators"), 28),
        Column(gettext("Registered on"), 13),
        Column(gettext("Approved on"), 13),
        Column(gettext("Published"), 10),
        Column(gettext("Verified"), 10),
        Column(gettext("Completeness (%)"), 12),
        Column(gettext("Missing items"), 60),
        Column(gettext("Published services and opportunities"), 14),
        Column(gettext("Portfolio projects"), 12),
        *(Column(str(counted.label), 12) for counted in COUNTED_CHILD_PAGES),
        Column(gettext("Languages"), 14),
        Column(gettext("Last content update"), 13),
        Column(gettext("Last contact"), 13, marks_overdue=True),
        Column(gettext("Last contact by"), 22),
        Column(gettext("Last contact channel"), 12),
        Column(gettext("Days since contact"), 10, marks_overdue=True),
        Column(gettext("Contact overdue"), 10, marks_overdue=True),
        Column(gettext("Outcome"), 18),
        Column(gettext("Follow up on"), 13),
        Column(gettext("Follow-up due"), 10),
        Column(gettext("Delivery problem"), 18),
        *(Column(str(figure.label), 12) for _source, figure in figure_columns),
    ]
    table = Table(columns, [])
    labels = {rule.code: str(rule.label) for rule in RULES}  # translated once, not per row
    yes, no = gettext("yes"), gettext("no")
    for row in rows:
        code = row.country_code
        country = (names.get(code) or row.country.title) if code else gettext("Country not set")
        contact = row.last_contact
        key = row.page.translation_key
        page = row.page
        cells = [
            page.title,
            country,
            page.contact_person,
            page.email,
            page.phone,
            getattr(page, "place_name", ""),
            ", ".join(row.facilitators),
            local_date(row.registered_at),
            local_date(row.approved_at),
            yes if row.live else no,
            yes if row.verified else no,
            row.completeness.share,
            "; ".join(labels[rule.code] for rule in row.completeness.missing),
            row.completeness.services,
            row.completeness.projects,
            *(None if count is None else count.get(key, 0) for count in counts),
            ", ".join(row.languages),
            local_date(row.last_update),
            local_date(contact.contacted_at) if contact else None,
            contacted_by(contact),
            contact.channel_label if contact else None,
            row.days_since_contact,
            yes if row.overdue else no,
            (contact.outcome_label or None) if contact else None,
            row.follow_up_on,
            yes if row.follow_up_due else no,
            row.last_email_status_label if row.delivery_problem else None,
            *figures.get(key, ()),
        ]
        table.rows.append((row, cells))
    return table


# Spreadsheet safety -----------------------------------------------------------------------------

#: A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if looks_like_formula(value):
        return f"'{value}"  # the spreadsheet's own "this is text" mark
    return value


# The files --------------------------------------------------------------------------------------


def render_csv(table):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_cell(column.label) for column in table.columns])
    for _row, cells in table.rows:
        writer.writerow([csv_cell(value) for value in cells])
    # With the byte-order mark, Excel reads the file as UTF-8 (Greek and Arabic names intact).
    return buffer.getvalue().encode("utf-8-sig")


OVERDUE_FILL = "F4B183"  # orange
DATE_FORMAT = "yyyy-mm-dd"


def render_xlsx(table, add_sheets=()):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = clean_sheet_title(gettext("Monitoring"))
    sheet.sheet_view.rightToLeft = get_language_bidi()
    overdue_fill = PatternFill(fill_type="solid", start_color=OVERDUE_FILL, end_color=OVERDUE_FILL)
    bold = Font(bold=True)

    def write(row_number, column_number, value):
        cell = sheet.cell(row=row_number, column=column_number)
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell.value = value
            cell.data_type = "s"  # text, never a formula
            if looks_like_formula(value):
                cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        else:
            cell.value = value
            if isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
        return cell

    for number, column in enumerate(table.columns, start=1):
        cell = write(1, number, column.label)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row_number, (row, cells) in enumerate(table.rows, start=2):
        for number, (column, value) in enumerate(zip(table.columns, cells, strict=True), start=1):
            cell = write(row_number, number, value)
            if column.marks_overdue and row.overdue:
                cell.fill = overdue_fill

    for number, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    for add_sheet in add_sheets:
        add_sheet(workbook)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def clean_sheet_title(title):
    """A sheet's name: at most 31 characters, none of those Excel forbids in it."""
    return "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Monitoring"


def statistics_sheet(user, country=""):
    """What adds the "Statistics" sheet to a workbook: the last twelve months' figures per
    month and country (see statistics.py), in the user's scope and the report's country."""

    def add_statistics_sheet(workbook):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        end = this_month()
        codes = (
            [("" if country == NO_COUNTRY else country)]
            if country
            else sorted(followed_country_codes(user))
        )
        header, rows = statistics_sheet_rows(
            statistics(user, add_months(end, 1 - DEFAULT_MONTHS), end, codes)
        )
        sheet = workbook.create_sheet(clean_sheet_title(gettext("Statistics")))
        sheet.sheet_view.rightToLeft = get_language_bidi()
        for row_number, values in enumerate([header, *rows], start=1):
            for number, value in enumerate(values, start=1):
                cell = sheet.cell(row=row_number, column=number)
                if isinstance(value, str):
                    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                    cell.data_type = "s"  # text, never a formula
                    cell.quotePrefix = looks_like_formula(value)
                else:
                    cell.value = value
                if row_number == 1:
                    cell.font = Font(bold=True)
        for number in range(1, len(header) + 1):
            sheet.column_dimensions[get_column_letter(number)].width = 10 if number == 1 else 20
        sheet.freeze_panes = "A2"

    return add_statistics_sheet


def figure_sheets(user, country=""):
    """What adds a sheet per source of other apps' figures (`facilitators.figures`: the
    networks') to a workbook: its figures per country, in the user's scope and the report's
    country."""

    def add_figure_sheets(workbook):
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        for table in country_tables(user, country):
            sheet = workbook.create_sheet(clean_sheet_title(table.label))
            sheet.sheet_view.rightToLeft = get_language_bidi()
            header = [gettext("Country"), *(str(figure.label) for figure in table.columns)]
            for number, label in enumerate(header, start=1):
                cell = sheet.cell(row=1, column=number, value=label)
                cell.data_type = "s"
                cell.font = Font(bold=True)
                sheet.column_dimensions[get_column_letter(number)].width = 22
            for row_number, (name, values) in enumerate(table.rows, start=2):
                cell = sheet.cell(row=row_number, column=1, value=name)
                cell.data_type = "s"  # a country's name, never a formula
                for number, value in enumerate(values, start=2):
                    sheet.cell(row=row_number, column=number, value=value)
            sheet.freeze_panes = "A2"

    return add_figure_sheets


RENDERERS = {"csv": render_csv, "xlsx": render_xlsx}


def file_name(fmt, country):
    """monitoring-2026-11-22.xlsx, or monitoring-IT-2026-11-22.xlsx for one country's rows."""
    parts = ["monitoring"]
    if country:
        parts.append("no-country" if country == "-" else country)
    parts.append(timezone.localdate().isoformat())
    return f"{'-'.join(parts)}.{fmt}"


def report_view(request, fmt):
    """The follow-up list as on screen (same filters and order), as a CSV or XLSX download."""
    if fmt not in FORMATS:
        raise Http404
    if not can_follow_up(request.user):
        raise PermissionDenied
    rows = follow_up(organisations_for(request.user))
    form = FollowUpFilterForm(request.GET, rows, followed_country_codes(request.user))
    rows = form.apply(rows)
    country = form.value("country")
    add_sheets = [statistics_sheet(request.user, country), figure_sheets(request.user, country)]
    sheets = {"add_sheets": add_sheets}
    content = RENDERERS[fmt](report_table(rows), **(sheets if fmt == "xlsx" else {}))
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=file_name(fmt, form.value("country"))
    )
    # Names of people and organisations: kept out of shared caches and the browser's cache.
    patch_cache_control(response, private=True, no_store=True)
    return response

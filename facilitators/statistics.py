"""Statistics over time: registrations, completeness, contacts and enquiries per month and country.

Central staff see every country, a facilitator the countries they look after; anyone else is
refused. The figures are counted in the database, grouped by month (`TruncMonth`) and country, in
a fixed number of queries whatever the number of organisations, contacts and enquiries. Months are
those of the site's time zone (`settings.TIME_ZONE`), the same for every reader, so that two
facilitators in different time zones read the same figures.

What each figure counts, for the organisations of the country (any language version):

- Registrations: organisations registered that month (their account's creation; an organisation
  without an account, written by staff, counts from its first publication).
- Complete now: of those registered that month, how many have a complete profile today
  (`directory.completeness`). The portal keeps no history of completeness, so the figure of a past
  month is not what the profile was then: the heading says so. Completeness is decided by rules
  that read every language version's pages, so it is checked for each organisation (in the fixed
  number of queries of `missing_items`) and then counted by month of registration.
- Contacts by people: the contacts facilitators logged by hand (calls, meetings, events, emails).
- Emails by the portal: the emails the portal sent an organisation and logged as contacts
  (welcome, reminders). Features on social media are counted in neither.
- Enquiries: the citizens' messages the organisations received.

The same figures are a table and a chart (inline SVG drawn here, no script) on screen, a CSV
download, and a sheet of the monitoring report's XLSX (`report.add_statistics_sheet`).
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, fields
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, CharField, Count, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce, Substr, TruncMonth
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import get_language_bidi, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

from core.roles import Role
from directory.completeness import OrganisationTree, missing_items
from directory.countries import country_names
from directory.models import CountryPage, Enquiry, OrganisationAccount, OrganisationPage

from .followup import Organisation, can_follow_up, followed_country_codes, organisations_for
from .models import ContactLog

#: No statistics before this month: the portal holds nothing older.
EARLIEST_MONTH = datetime.date(2000, 1, 1)
#: The period shown when none is asked for: this month and the eleven before it.
DEFAULT_MONTHS = 12
#: The country filter's value for the organisations whose country is not set yet.
NO_COUNTRY = "-"


def site_zone():
    return ZoneInfo(settings.TIME_ZONE)


def this_month():
    return timezone.localdate(timezone=site_zone()).replace(day=1)


def add_months(month, count):
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_range(start, end):
    """Every first day of a month from `start` to `end`, both included."""
    months = []
    month = start
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


def start_of(month):
    """The first moment of `month` in the site's time zone."""
    return datetime.datetime.combine(month, datetime.time(), tzinfo=site_zone())


# The filters ------------------------------------------------------------------------------------


class MonthInput(forms.TextInput):
    input_type = "month"


class MonthField(forms.Field):
    """A month written YYYY-MM (what a browser's month picker sends), as its first day."""

    widget = MonthInput
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, for example 2026-03.")}
    pattern = re.compile(r"^\s*([0-9]{4})-([0-9]{1,2})\s*$")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        match = self.pattern.match(str(value))
        if match is None or not 1 <= int(match[2]) <= 12:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        # Year 0 does not exist: it is as much too early as 1999 (see the form's bounds).
        return datetime.date(max(int(match[1]), 1), int(match[2]), 1)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value.year:04d}-{value.month:02d}"
        return value


class StatisticsFilterForm(forms.Form):
    start = MonthField(label=_("From (month)"), required=False)
    end = MonthField(label=_("To (month)"), required=False)
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        error_messages={
            "invalid_choice": _("Choose one of the countries whose statistics you can see.")
        },
    )

    def __init__(self, data, countries, **kwargs):
        """`countries`: the codes of the countries the user may see ("": country not set)."""
        super().__init__(data, **kwargs)
        self.latest = this_month()
        self.countries = countries
        names = country_names()
        codes = sorted(countries, key=lambda code: (not code, names.get(code, code)))
        self.fields["country"].choices = [("", _("All your countries"))] + [
            (code or NO_COUNTRY, names.get(code, code) if code else _("Country not set"))
            for code in codes
        ]
        bounds = {"min": self.month_value(EARLIEST_MONTH), "max": self.month_value(self.latest)}
        # Shown before any choice: the default period.
        self.fields["start"].initial = add_months(self.latest, 1 - DEFAULT_MONTHS)
        self.fields["end"].initial = self.latest
        for name in ("start", "end"):
            self.fields[name].widget.attrs.update(bounds)
            self.fields[name].help_text = _("YYYY-MM, from 2000-01 to this month.")

    @staticmethod
    def month_value(month):
        return f"{month.year:04d}-{month.month:02d}"

    def check_bounds(self, month):
        if month is None:
            return None
        if month < EARLIEST_MONTH:
            raise ValidationError(_("Statistics start in January 2000."), code="too_early")
        if month > self.latest:
            raise ValidationError(_("This month is the latest with statistics."), code="future")
        return month

    def clean_start(self):
        return self.check_bounds(self.cleaned_data.get("start"))

    def clean_end(self):
        return self.check_bounds(self.cleaned_data.get("end"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("The last month cannot be before the first one."))
        return cleaned

    def period(self):
        """(first month, last month) asked for, or the last twelve months by default."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        end = data.get("end") or self.latest
        start = data.get("start") or add_months(end, 1 - DEFAULT_MONTHS)
        return max(start, EARLIEST_MONTH), end

    def selected_codes(self):
        """The country codes asked for: one, or every country the user may see."""
        value = self.cleaned_data.get("country", "") if self.is_bound and self.is_valid() else ""
        if not value:
            return sorted(self.countries)
        return ["" if value == NO_COUNTRY else value]


# The figures ------------------------------------------------------------------------------------


@dataclass
class Figures:
    registrations: int = 0
    complete: int = 0
    contacts: int = 0
    emails: int = 0
    enquiries: int = 0

    def add(self, other):
        for field in fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))
        return self

    def values(self):
        return [getattr(self, field.name) for field in fields(self)]


def figure_labels():
    """The figures' headings, in the order of `Figures`, in the active language."""
    return [
        gettext("Registrations"),
        gettext("Complete now (by month of registration)"),
        gettext("Contacts by people"),
        gettext("Emails by the portal"),
        gettext("Enquiries"),
    ]


@dataclass
class Statistics:
    months: list  # first days of the months, oldest first
    countries: list  # (code, name) of the countries counted; "" for country not set
    cells: dict  # (month, code) -> Figures

    def figures(self, month, code):
        return self.cells.get((month, code)) or Figures()

    def month_total(self, month):
        total = Figures()
        for code, _name in self.countries:
            total.add(self.figures(month, code))
        return total

    def country_total(self, code):
        total = Figures()
        for month in self.months:
            total.add(self.figures(month, code))
        return total

    def total(self):
        total = Figures()
        for month in self.months:
            total.add(self.month_total(month))
        return total

    def by_month(self):
        return [(month, self.month_total(month)) for month in self.months]

    def by_country(self):
        return [(code, name, self.country_total(code)) for code, name in self.countries]

    def rows(self):
        """(month, country name, Figures) for every month and country, zeros included."""
        return [
            (month, name, self.figures(month, code))
            for month in self.months
            for code, name in self.countries
        ]


def parent_path():
    """The path of a page's parent, as an SQL expression."""
    return Substr("path", 1, (F("depth") - 1) * Page.steplen)


def country_of_page():
    """The country code of the outer organisation page (its parent's), as an SQL expression."""
    return Subquery(
        CountryPage.objects.filter(path=OuterRef("parent_path")).order_by().values("code")[:1]
    )


def country_of_key(field):
    """The country code of the organisation whose translation key is the outer row's `field`."""
    pages = (
        OrganisationPage.objects.filter(translation_key=OuterRef(field))
        .order_by("pk")
        .annotate(parent_path=parent_path())
        .annotate(country=country_of_page())
    )
    return Subquery(pages.values("country")[:1])


def registration_date():
    """When the outer organisation registered: its account's creation, else first publication."""
    accounts = OrganisationAccount.objects.filter(translation_key=OuterRef("translation_key"))
    return Coalesce(Subquery(accounts.values("created_at")[:1]), F("first_published_at"))


def month_of(field):
    return TruncMonth(field, tzinfo=site_zone())


def statistics(user, start, end, codes):
    """The figures of the months `start` to `end` for the organisations of the countries `codes`
    that `user` follows, in a fixed number of queries."""
    names = country_names()
    followed = followed_country_codes(user)
    codes = [code for code in codes if code in followed]
    countries = sorted(
        ((code, names.get(code, code) if code else gettext("Country not set")) for code in codes),
        key=lambda country: (not country[0], country[1]),
    )
    result = Statistics(month_range(start, end), countries, {})
    if not codes:
        return result
    organisations = organisations_for(user).in_countries(codes)
    keys = organisations.values("translation_key")
    since, until = start_of(start), start_of(add_months(end, 1))

    def count(rows, figure, key_field=None):
        """Add to `figure` the counts of `rows`, grouped by month and country in the database."""
        country = country_of_key(key_field) if key_field else F("country")
        grouped = (
            rows.annotate(code=country)
            .order_by()
            .values("month", "code")
            .annotate(n=Count("pk"))
            .values_list("month", "code", "n")
        )
        for moment, code, n in grouped:
            month = timezone.localtime(moment, site_zone()).date() if moment else None
            cell = result.cells.setdefault((month, code or ""), Figures())
            setattr(cell, figure, getattr(cell, figure) + n)

    registered = (
        organisations.annotate(registered=registration_date())
        .filter(registered__gte=since, registered__lt=until)
        .annotate(month=month_of("registered"), parent_path=parent_path())
        .annotate(country=country_of_page())
    )
    count(registered, "registrations")

    # Completeness is checked per organisation (see the module's docstring), then counted.
    pages = [
        Organisation(row, None)
        for row in registered.values(*Organisation.FIELDS, "month", "country")
    ]
    if pages:
        completeness = missing_items(pages, OrganisationTree(registered.values("translation_key")))
        for page in pages:
            if completeness[page.pk].complete:
                month = timezone.localtime(page.month, site_zone()).date()
                cell = result.cells.setdefault((month, page.country or ""), Figures())
                cell.complete += 1

    contacts = (
        ContactLog.objects.filter(
            organisation_key__in=keys, contacted_at__gte=since, contacted_at__lt=until
        )
        .filter(featured__isnull=True)
        .annotate(month=month_of("contacted_at"))
    )
    kind = Case(
        When(email__isnull=False, then=Value("emails")),
        default=Value("contacts"),
        output_field=CharField(),
    )
    grouped = (
        contacts.annotate(kind=kind, code=country_of_key("organisation_key"))
        .order_by()
        .values("month", "code", "kind")
        .annotate(n=Count("pk"))
        .values_list("month", "code", "kind", "n")
    )
    for moment, code, figure, n in grouped:
        month = timezone.localtime(moment, site_zone()).date()
        cell = result.cells.setdefault((month, code or ""), Figures())
        setattr(cell, figure, getattr(cell, figure) + n)

    enquiries = Enquiry.objects.filter(
        organisation_key__in=keys, created_at__gte=since, created_at__lt=until
    ).annotate(month=month_of("created_at"))
    count(enquiries, "enquiries", key_field="organisation_key")
    return result


def statistics_for(user, data=None):
    """(the filter form, the Statistics it asks for) for `user` and a query string."""
    form = StatisticsFilterForm(data, followed_country_codes(user))
    start, end = form.period()
    return form, statistics(user, start, end, form.selected_codes())


# The chart --------------------------------------------------------------------------------------

#: Each figure's bars and legend have the class "statistics__series-<n>", coloured by the
#: facilitators' admin stylesheet (static/facilitators/admin.css), in the light and dark themes.


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int
    label: str


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class MonthLabel:
    x: float
    label: str
    year: str


def nice_top(value):
    """A round number at least `value` (1, 2, 5 times a power of ten): the chart's top."""
    if value <= 0:
        return 1
    power = 1
    while True:
        for step in (1, 2, 5):
            if step * power >= value:
                return step * power
        power *= 10


class Chart:
    """Grouped bars: one group per month, one bar per figure, drawn right to left in RTL."""

    BAR = 7
    GAP = 12
    HEIGHT = 220
    TOP = 12
    BOTTOM = 40
    AXIS = 44  # room for the figures' scale

    def __init__(self, by_month, rtl=False):
        self.rtl = rtl
        labels = figure_labels()
        series = len(labels)
        group = series * self.BAR + self.GAP
        self.width = self.AXIS + max(len(by_month), 1) * group + 8
        self.plot_bottom = self.TOP + self.HEIGHT
        self.total_height = self.plot_bottom + self.BOTTOM
        top = nice_top(max((max(figures.values()) for _m, figures in by_month), default=0))
        scale = self.HEIGHT / top
        self.ticks = []
        for step in range(5):
            value = top * step / 4
            if value != int(value):
                continue
            self.ticks.append(Tick(self.plot_bottom - value * scale, str(int(value))))
        self.axis_x = self.mirror(self.AXIS - 6, 0)
        self.grid_start, self.grid_end = self.mirror(self.AXIS, 0), self.mirror(self.width - 8, 0)
        self.bars = []
        self.months = []
        for index, (month, figures) in enumerate(by_month):
            left = self.AXIS + index * group + self.GAP / 2
            for number, (value, label) in enumerate(zip(figures.values(), labels, strict=True)):
                height = value * scale
                self.bars.append(
                    Bar(
                        self.mirror(left + number * self.BAR, self.BAR - 1),
                        self.plot_bottom - height,
                        self.BAR - 1,
                        height,
                        number,
                        f"{label}: {value}",
                    )
                )
            first_of_year = index == 0 or month.month == 1
            self.months.append(
                MonthLabel(
                    self.mirror(left + series * self.BAR / 2, 0),
                    date_format(month, "M"),
                    str(month.year) if first_of_year else "",
                )
            )
        self.legend = labels

    def mirror(self, x, width):
        """`x` from the left, or from the right in a right-to-left language."""
        return round(self.width - x - width, 1) if self.rtl else round(x, 1)

    #: Drawn wider than its own size only up to a point: a year fills a wide screen.
    ZOOM = 1.5
    #: The stylesheet's least width of the chart (34rem), in pixels at the default font size.
    LEAST_WIDTH = 34 * 16

    @property
    def max_width(self):
        return round(self.width * self.ZOOM)

    @property
    def max_height(self):
        return round(self.total_height * self.ZOOM)

    @property
    def narrow(self):
        """Narrower, at its widest, than the stylesheet's least width: kept at its own size."""
        return self.max_width < self.LEAST_WIDTH

    @property
    def scale_anchor(self):
        return "start" if self.rtl else "end"


# The views --------------------------------------------------------------------------------------


def _allowed(request):
    if not can_follow_up(request.user):
        raise PermissionDenied


def statistics_view(request):
    _allowed(request)
    form, stats = statistics_for(request.user, request.GET if request.GET else None)
    status = 400 if form.is_bound and not form.is_valid() else 200
    by_month = stats.by_month()
    query = urlencode({k: v for k, v in request.GET.items() if k in form.fields})
    csv_url = reverse("statistics:csv") + (f"?{query}" if query else "")
    return TemplateResponse(
        request,
        "facilitators/admin/statistics.html",
        {
            "page_title": _("Statistics"),
            "header_icon": "table",
            "form": form,
            "stats": stats,
            "labels": figure_labels(),
            "by_month": by_month,
            "by_country": stats.by_country() if len(stats.countries) > 1 else [],
            "total": stats.total(),
            "chart": Chart(by_month, rtl=get_language_bidi()),
            "first": stats.months[0],
            "last": stats.months[-1],
            "csv_url": csv_url,
            "is_central_staff": Role.of(request.user).is_central_staff,
        },
        status=status,
    )


def month_cell(month):
    return f"{month.year:04d}-{month.month:02d}"


def statistics_sheet_rows(stats):
    """The header and rows of the statistics as a spreadsheet: one row per month and country."""
    header = [gettext("Month"), gettext("Country"), *figure_labels()]
    rows = [[month_cell(month), name, *figures.values()] for month, name, figures in stats.rows()]
    return header, rows


def safe_text(value):
    """A country's name is typed by staff: never let a spreadsheet read it as a formula."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return f"'{value}"
    return value


def statistics_csv_view(request):
    _allowed(request)
    form, stats = statistics_for(request.user, request.GET if request.GET else None)
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            "\n".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    header, rows = statistics_sheet_rows(stats)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_text(value) for value in row])
    response = HttpResponse(
        buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    name = f"statistics-{month_cell(stats.months[0])}-{month_cell(stats.months[-1])}.csv"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    patch_cache_control(response, private=True, no_store=True)
    return response


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_follow_up(request.user)


class StatisticsViewSet(ViewSet):
    """Admin → Facilitation → Statistics: /admin/statistics/ and its CSV."""

    name = "statistics"
    icon = "table"
    menu_label = _("Statistics")
    menu_item_class = StatisticsMenuItem

    def get_urlpatterns(self):
        return [
            path("", statistics_view, name="index"),
            path("statistics.csv", statistics_csv_view, name="csv"),
        ]

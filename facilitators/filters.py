"""The follow-up list's filters and sorting, shared by the dashboard panel and the report export.

Everything is in the address (GET), so the export of "what is on screen" is the same address with
another path: `?country=IT&attention=overdue&sort=-contact`.
"""

import datetime

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from directory.countries import country_names


class Attention:
    NEEDED = ""
    ALL = "all"
    INCOMPLETE = "incomplete"
    OVERDUE = "overdue"
    PENDING = "pending"
    ENQUIRIES = "enquiries"
    FOLLOW_UP = "follow_up"
    DELIVERY = "delivery"
    UNCHECKED = "unchecked"
    # What the summary per country counts, each count a link to its list.
    PUBLISHED = "published"
    NOT_VERIFIED = "not_verified"
    COMPLETE = "complete"
    WITH_SERVICE = "with_service"
    CONTACTED = "contacted"

    CHOICES = [
        (NEEDED, _("Needs attention (any reason)")),
        (FOLLOW_UP, _("Follow-up due")),
        (INCOMPLETE, _("Profile incomplete")),
        (OVERDUE, _("Not contacted recently")),
        (PENDING, _("Pages waiting for approval")),
        (ENQUIRIES, _("Messages unanswered")),
        (DELIVERY, _("Emails not delivered")),
        (UNCHECKED, _("Pages not checked for a long time")),
        (NOT_VERIFIED, _("Not verified")),
        (PUBLISHED, _("Published")),
        (COMPLETE, _("Profile complete")),
        (WITH_SERVICE, _("With a service")),
        (CONTACTED, _("Contacted recently")),
        (ALL, _("All organisations")),
    ]

    TESTS = {
        NEEDED: lambda row: row.needs_attention,
        ALL: lambda row: True,
        INCOMPLETE: lambda row: row.incomplete,
        OVERDUE: lambda row: row.overdue,
        PENDING: lambda row: row.pending_approvals > 0,
        ENQUIRIES: lambda row: row.late_enquiries > 0,
        FOLLOW_UP: lambda row: row.follow_up_due,
        DELIVERY: lambda row: row.delivery_problem,
        UNCHECKED: lambda row: row.unchecked > 0,
        NOT_VERIFIED: lambda row: not row.verified,
        PUBLISHED: lambda row: row.live,
        COMPLETE: lambda row: not row.incomplete,
        WITH_SERVICE: lambda row: row.completeness.services > 0,
        CONTACTED: lambda row: not row.overdue,
    }


def _never_last(value, missing):
    return missing if value is None else value


#: sort name -> key on a Row (ascending). "-name" sorts the other way.
SORT_KEYS = {
    "name": lambda row: row.page.title.casefold(),
    "country": lambda row: (row.country_code or "~", row.page.title.casefold()),
    "completeness": lambda row: row.completeness.share,
    # Never contacted counts as the longest ago.
    "contact": lambda row: _never_last(row.days_since_contact, float("inf")),
    # The earliest follow-up first; organisations without one last.
    "follow_up": lambda row: _never_last(row.follow_up_on, datetime.date.max),
    "pending": lambda row: row.pending_approvals,
    "enquiries": lambda row: row.late_enquiries,
    "updated": lambda row: _never_last(row.last_update and row.last_update.timestamp(), 0),
}
SORT_LABELS = {
    "name": _("Organisation"),
    "country": _("Country"),
    "completeness": _("Completeness"),
    "contact": _("Last contact"),
    "follow_up": _("Follow up on"),
    "pending": _("Waiting for approval"),
    "enquiries": _("Unanswered messages"),
    "updated": _("Last update"),
}
#: The longest-forgotten organisations first.
DEFAULT_SORT = "-contact"


class FollowUpFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    attention = forms.ChoiceField(
        label=_("Show"), required=False, choices=Attention.CHOICES, initial=Attention.NEEDED
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, initial=DEFAULT_SORT)

    def __init__(self, data, rows, countries=(), **kwargs):
        """`countries`: the codes of the countries the user follows, with or without rows."""
        if data is not None and not data.get("sort"):
            # The sort box shows the order the list is in, also when the address names none.
            data = data.copy()
            data["sort"] = DEFAULT_SORT
        super().__init__(data, **kwargs)
        names = country_names()
        codes = {row.country_code for row in rows} | set(countries)
        codes = sorted(codes, key=lambda code: (not code, names.get(code, code)))
        self.fields["country"].choices = [("", _("All countries"))] + [
            (code or "-", names.get(code, code) if code else _("Country not set")) for code in codes
        ]
        self.fields["sort"].choices = [
            choice
            for name, label in SORT_LABELS.items()
            for choice in (
                (name, label),
                (f"-{name}", format_lazy("{} ({})", label, _("reverse order"))),
            )
        ]

    def value(self, name):
        """The cleaned value of a filter; a wrong value in another filter does not cancel it."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""

    @property
    def ordering(self):
        return self.value("sort") or DEFAULT_SORT

    def apply(self, rows):
        """The rows the filters keep, sorted. Unknown values are ignored (shown as errors)."""
        country = self.value("country")
        if country:
            wanted = "" if country == "-" else country
            rows = [row for row in rows if row.country_code == wanted]
        rows = [row for row in rows if Attention.TESTS[self.value("attention")](row)]
        if q := self.value("q").strip().casefold():
            rows = [
                row
                for row in rows
                if q in row.page.title.casefold() or q in (row.page.acronym or "").casefold()
            ]
        sort = self.ordering
        name = sort.lstrip("-")
        rows = sorted(rows, key=SORT_KEYS["name"])  # ties in name order
        return sorted(rows, key=SORT_KEYS[name], reverse=sort.startswith("-"))

"""The facilitators' panel on the Wagtail admin home: who needs attention, and why.

A facilitator sees the organisations of their countries; central staff see every organisation and,
above them, a summary per country. Both see, per country they follow, the figures other apps
add (`facilitators.figures`: the networks'). Every organisation followed is filtered, sorted and
counted from its stored standing (`followup.standings_for`, one light row each); the 25 shown are
then worked out in full (`followup.follow_up`). Both take a fixed number of queries.
"""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from core.roles import Role
from directory.countries import country_names
from directory.models import OrganisationPage

from .figures import country_tables
from .filters import SORT_LABELS, Attention, FollowUpFilterForm
from .followup import (
    follow_up,
    followed_country_codes,
    overdue_after_days,
    standings_for,
    summary_by_country,
)
from .organisation_file import file_url

PER_PAGE = 25

#: The table's columns, in order: a sort name of `SORT_LABELS` (a header that sorts), or a
#: (name, label) pair for a column that does not sort.
TABLE_COLUMNS = [
    "name",
    ("details", _("Contact details")),
    ("state", _("State")),
    "country",
    "completeness",
    "contact",
    "follow_up",
    "pending",
    "enquiries",
    "updated",
]

#: Each count of the summary per country, and the filter listing what it counts.
SUMMARY_FILTERS = {
    "registered": Attention.ALL,
    "approved": Attention.PUBLISHED,
    "complete": Attention.COMPLETE,
    "with_service": Attention.WITH_SERVICE,
    "contacted": Attention.CONTACTED,
    "awaiting_approval": Attention.PENDING,
    "follow_ups_due": Attention.FOLLOW_UP,
}


def query_without(data, *names):
    """The address's query, without `names` (and without empty values)."""
    pairs = [
        (key, value)
        for key in data
        if key not in names
        for value in data.getlist(key)
        if value not in ("", None)
    ]
    return urlencode(pairs)


def row_actions(row, back):
    """The quick actions' addresses; after a reminder or a contact, back to the same list.
    Its counts link to what they count: the organisation's pages (those waiting for approval
    among them) and its unanswered messages."""
    pk = row.page.pk
    query = urlencode({"organisation": pk, "next": back})
    return {
        "reminder_url": f"{reverse('facilitation_reminder')}?{query}",
        "log_contact_url": f"{reverse('contacts:add')}?{query}",
        "edit_url": reverse("wagtailadmin_pages:edit", args=[pk]),
        "file_url": file_url(row.page.translation_key),
        "pages_url": reverse("wagtailadmin_explore", args=[pk]),
        "enquiries_url": f"{reverse('enquiries:index')}?"
        + urlencode({"status": "new", "organisation": pk}),
    }


def panel_url(**query):
    """The panel with these filters (the admin's home)."""
    return f"{reverse('wagtailadmin_home')}?{urlencode(query)}"


def summary_links(summary):
    """Each count of a country's summary, as a link to the panel's list of what it counts."""
    country = summary.code or "-"
    return {
        name: panel_url(country=country, attention=attention)
        for name, attention in SUMMARY_FILTERS.items()
    }


class FollowUpPanel(Component):
    name = "follow_up"
    order = 40
    template_name = "facilitators/admin/follow_up_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = self.request
        user = request.user
        # Every organisation followed, light, for the filters, sorts and counts; full rows
        # (contact details, last contact, languages...) for the page shown only.
        all_rows = standings_for(user)
        form = FollowUpFilterForm(request.GET, all_rows, followed_country_codes(user))
        chosen = form.apply(all_rows)
        paginator = Paginator(chosen, PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        shown = OrganisationPage.objects.filter(pk__in=[row.pk for row in page.object_list])
        full = {row.pk: row for row in follow_up(shown)}
        rows = [full[row.pk] for row in page.object_list if row.pk in full]
        names = country_names()
        back = request.get_full_path()
        for row in rows:
            row.actions = row_actions(row, back)
            row.country_name = names.get(row.country_code, "")

        sort = form.ordering
        base = query_without(request.GET, "sort", "page")
        columns = []
        for column in TABLE_COLUMNS:
            if isinstance(column, tuple):
                columns.append({"name": column[0], "label": column[1], "url": ""})
                continue
            name = column
            current = sort.lstrip("-") == name
            descending = sort.startswith("-")
            next_sort = f"-{name}" if current and not descending else name
            columns.append(
                {
                    "name": name,
                    "label": SORT_LABELS[name],
                    "url": "?" + "&".join(filter(None, [base, urlencode({"sort": next_sort})])),
                    "aria_sort": ("descending" if descending else "ascending") if current else "",
                }
            )
        summary = None
        if Role.of(user).is_central_staff:
            summary = summary_by_country(all_rows)
            for country in summary:
                country.links = summary_links(country)
        filters = query_without(request.GET, "page")
        context.update(
            form=form,
            page=page,
            rows=rows,
            shown=len(chosen),
            total=len(all_rows),
            columns=columns,
            overdue_days=overdue_after_days(),
            page_query=query_without(request.GET, "page"),
            csv_url=f"{reverse('facilitation_report', args=['csv'])}?{filters}",
            xlsx_url=f"{reverse('facilitation_report', args=['xlsx'])}?{filters}",
            reminder_url=reverse("facilitation_reminder"),
            back=back,
            add_contact_url=reverse("contacts:add"),
            contacts_url=reverse("contacts:index"),
            summary=summary,
            figure_tables=country_tables(user),
            all_url=panel_url(attention=Attention.ALL),
            follow_up_url=panel_url(attention=Attention.FOLLOW_UP),
            follow_ups_due=sum(row.follow_up_due for row in all_rows),
        )
        return context

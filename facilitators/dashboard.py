"""The facilitators' panel on the Wagtail admin home: who needs attention, and why.

A facilitator sees the organisations of their countries; central staff see every organisation and,
above them, a summary per country. The list is computed in a fixed number of queries (see
followup.py), filtered and sorted from the address, and paginated.
"""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from core.roles import Role
from directory.countries import country_names

from .filters import SORT_LABELS, FollowUpFilterForm
from .followup import (
    follow_up,
    followed_country_codes,
    organisations_for,
    overdue_after_days,
    summary_by_country,
)
from .organisation_file import file_url

PER_PAGE = 25


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
    """The quick actions' addresses; after a reminder or a contact, back to the same list."""
    pk = row.page.pk
    query = urlencode({"organisation": pk, "next": back})
    return {
        "reminder_url": f"{reverse('facilitation_reminder')}?{query}",
        "log_contact_url": f"{reverse('contacts:add')}?{query}",
        "edit_url": reverse("wagtailadmin_pages:edit", args=[pk]),
        "file_url": file_url(row.page.translation_key),
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
        all_rows = follow_up(organisations_for(user))
        form = FollowUpFilterForm(request.GET, all_rows, followed_country_codes(user))
        rows = form.apply(all_rows)
        paginator = Paginator(rows, PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        names = country_names()
        back = request.get_full_path()
        for row in page.object_list:
            row.actions = row_actions(row, back)
            row.country_name = names.get(row.country_code, "")

        sort = form.ordering
        base = query_without(request.GET, "sort", "page")
        columns = []
        for name, label in SORT_LABELS.items():
            current = sort.lstrip("-") == name
            descending = sort.startswith("-")
            next_sort = f"-{name}" if current and not descending else name
            columns.append(
                {
                    "name": name,
                    "label": label,
                    "url": "?" + "&".join(filter(None, [base, urlencode({"sort": next_sort})])),
                    "aria_sort": ("descending" if descending else "ascending") if current else "",
                }
            )
        filters = query_without(request.GET, "page")
        context.update(
            form=form,
            page=page,
            rows=page.object_list,
            shown=len(rows),
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
            summary=summary_by_country(all_rows) if Role.of(user).is_central_staff else None,
        )
        return context

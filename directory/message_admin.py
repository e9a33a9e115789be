"""Admin screens for the messages written to organisations (`directory.models.message`):
citizens' enquiries (directory/enquiry_admin.py) and expressions of interest
(collaboration/admin.py).

Who sees and answers which is the model's `OrganisationMessagePolicy` (directory/scoped_policy.py),
applied to the queryset of every view: the listing, the detail and the action. A row outside
one's reach is a 404 by direct URL; an action one does not hold on any row is a 403.
"""

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.permissions import policy_registry

from core.admin_views import (
    NONE,
    RecordActionView,
    RecordInspectView,
    RecordViewSet,
    local_time,
    paragraphs,
)
from core.roles import Role
from directory.admin_filters import OrganisationReferenceFilter, chosen_organisation_choices

#: The facilitators' file on an organisation (facilitators/organisation_file.py), by URL name: the
#: directory does not import the facilitators app.
ORGANISATION_FILE_URL = "facilitators_organisation_file"


def organisation_file_url(key):
    try:
        return reverse(ORGANISATION_FILE_URL, args=[key])
    except NoReverseMatch:  # a portal without the facilitators' workspace
        return ""


def reachable(view, action, *related):
    """The rows on which the view's user holds `action`, with the related rows it shows."""
    return view.permission_policy.rows(view.request.user, action).select_related(*related)


class MessageFilterSet(WagtailFilterSet):
    """The listing's filters (the viewset's `list_filter`) and `?organisation=`: the messages
    about one organisation, written to it or (for an interest) by it, as the panel's counts and
    the organisation's file link to them."""

    organisation = OrganisationReferenceFilter(label=gettext_lazy("Organisation"))

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        organisation = self.filters["organisation"]
        organisation.key_fields = self._meta.model.reader_keys
        organisation.extra["widget"] = forms.Select(
            choices=chosen_organisation_choices((data or {}).get("organisation", ""), _("All"))
        )


class MessageIndexView(IndexView):
    base_filterset_class = MessageFilterSet
    list_related = ()
    #: {column: the field holding the translation key of the organisation it shows}: for who
    #: follows organisations up (facilitators, central staff), a link to the organisation's file.
    organisation_file_columns = {}

    def get_base_queryset(self):
        return reachable(self, "view", *self.list_related)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.results_only and self.filters and not self.filters.is_valid():
            response.status_code = 400  # the filter form says what is wrong
        return response

    @cached_property
    def columns(self):
        columns = super().columns
        if not Role.of(self.request.user).follows_up:
            return columns
        return [self.organisation_file_column(column) for column in columns]

    def organisation_file_column(self, column):
        key_field = self.organisation_file_columns.get(column.name)
        if key_field is None:
            return column
        return TitleColumn(
            column.name,
            label=column.label,
            accessor=column.accessor,
            sort_key=column.sort_key,
            get_url=lambda row: organisation_file_url(getattr(row, key_field)),
        )


class MessageInspectView(RecordInspectView):
    detail_related = ()

    def get_object(self, queryset=None):
        return get_object_or_404(reachable(self, "view", *self.detail_related), pk=self.pk)

    def get_created_at_display_value(self):
        return local_time(self.object.created_at)

    def get_message_display_value(self):
        return paragraphs(self.object.message)

    def get_outbox_email_display_value(self):
        email = self.object.outbox_email
        return f"{email.get_status_display()} · {email.recipients}" if email else NONE

    def public_url(self, page):
        """The page's address on the site, if it is live (a link from the detail)."""
        return page.get_url(request=self.request) if page and page.live else ""


class MessageActionView(RecordActionView):
    """The action answering a message: 403 for who answers no message at all, 404 for a message
    they may not answer."""

    permission_required = "answer"
    row_related = ("organisation",)

    @cached_property
    def row(self):
        rows = reachable(self, self.permission_required, *self.row_related)
        return get_object_or_404(rows, pk=self.kwargs["pk"])


def waiting_count(model, user):
    """How many messages of this kind await an answer among those the user looks after
    (`OrganisationMessagePolicy.waiting`): one query, whatever the number of messages."""
    return policy_registry.get_by_type(model).waiting(user).count()


class MessageViewSet(RecordViewSet):
    """Messages to organisations: listed, read, and answered by the organisation written to.
    Nobody adds or edits them by hand: they come from the public site.

    The menu item says how many await an answer, e.g. "Enquiries (3)", and then leads to them."""

    add_to_admin_menu = True  # shown to who reads some messages (the policy's "view")
    action_permission = "answer"
    list_filter = ["status"]
    inspect_view_class = MessageInspectView
    index_view_class = MessageIndexView

    @cached_property
    def menu_item_class(self):
        viewset, base = self, super().menu_item_class

        class CountingMenuItem(base):
            def render_component(self, request):
                # Menu items are shared by every request: the label is made anew each time.
                label, url = self.label, self.url
                if count := waiting_count(viewset.model, request.user):
                    label = _("%(label)s (%(count)s)") % {"label": label, "count": count}
                    url = f"{url}?status=new"
                return LinkMenuItem(
                    self.name,
                    label,
                    url,
                    icon_name=self.icon_name,
                    classname=self.classname,
                    attrs=self.attrs,
                )

        return CountingMenuItem

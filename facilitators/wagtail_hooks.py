"""The facilitators' workspace in the admin: the follow-up panel, reminders, the report, the
contact log and (central staff) the list of facilitators."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from directory.models import OrganisationPage

from .contacts import (
    CentralStaffPermissionPolicy,
    ContactLogPermissionPolicy,
    FacilitationViewSetGroup,
)
from .dashboard import FollowUpPanel
from .followup import can_follow_up, follows, organisations_for
from .models import ContactLog, Facilitator
from .organisation_file import URL_NAME, file_url, organisation_file_view
from .reminders import reminder_view
from .report import report_view

register_permission_policy(ContactLog, ContactLogPermissionPolicy(ContactLog))
register_permission_policy(Facilitator, CentralStaffPermissionPolicy(Facilitator))


@hooks.register("insert_global_admin_css")
def facilitators_admin_css():
    """The facilitators' screens' stylesheet: the admin carries no inline style."""
    return format_html('<link rel="stylesheet" href="{}">', static("facilitators/admin.css"))


@hooks.register("register_admin_urls")
def facilitation_urls():
    return [
        path("facilitation/reminders/", reminder_view, name="facilitation_reminder"),
        path(
            "facilitation/report.<str:fmt>",
            report_view,
            name="facilitation_report",
        ),
        path(
            "facilitation/organisations/<uuid:key>/",
            organisation_file_view,
            name=URL_NAME,
        ),
    ]


@hooks.register("register_page_header_buttons")
def organisation_file_button(page, user, *args, **kwargs):
    """On an organisation's page in the admin: its file, for who looks after it."""
    if page.specific_class is not OrganisationPage or not can_follow_up(user):
        return
    if follows(user, page):
        yield Button(
            _("Organisation file"), url=file_url(page), icon_name="folder-open-inverse", priority=70
        )


@hooks.register("register_page_listing_more_buttons")
def organisation_file_listing_button(page, user, next_url=None):
    """In the admin's page listings and search results: the organisation's file, for who looks
    after it. Which organisations the user follows is read once per request, not once a row."""
    if page.specific_class is not OrganisationPage or not can_follow_up(user):
        return
    followed = getattr(user, "_followed_organisation_keys", None)
    if followed is None:
        followed = set(organisations_for(user).values_list("translation_key", flat=True))
        user._followed_organisation_keys = followed
    if page.translation_key in followed:
        yield MenuItem(
            _("Organisation file"), file_url(page), icon_name="folder-open-inverse", priority=5
        )


@hooks.register("register_admin_viewset")
def register_facilitation():
    """Admin → Facilitation: the contact log, and (central staff) the facilitators."""
    return FacilitationViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_follow_up_panel(request, panels):
    if can_follow_up(request.user):
        panels.append(FollowUpPanel(request))

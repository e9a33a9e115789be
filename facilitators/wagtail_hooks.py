"""The facilitators' workspace in the admin: the follow-up panel, reminders, the report, the
contact log and (central staff) the list of facilitators."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .contacts import (
    CentralStaffPermissionPolicy,
    ContactLogPermissionPolicy,
    FacilitationViewSetGroup,
)
from .dashboard import FollowUpPanel
from .followup import can_follow_up
from .models import ContactLog, Facilitator
from .reminders import reminder_view
from .report import report_view

register_permission_policy(ContactLog, ContactLogPermissionPolicy(ContactLog))
register_permission_policy(Facilitator, CentralStaffPermissionPolicy(Facilitator))


@hooks.register("register_admin_urls")
def facilitation_urls():
    return [
        path("facilitation/reminders/", reminder_view, name="facilitation_reminder"),
        path(
            "facilitation/report.<str:fmt>",
            report_view,
            name="facilitation_report",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_facilitation():
    """Admin → Facilitation: the contact log, and (central staff) the facilitators."""
    return FacilitationViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_follow_up_panel(request, panels):
    if can_follow_up(request.user):
        panels.append(FollowUpPanel(request))

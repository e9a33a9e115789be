"""Admin → Mentoring (mentoring/admin.py), the home panel of mentors to approve, the
organisations' enrolment of young people (mentoring/enrolment.py), their users' own mentor
profile (mentoring/account.py), and mentoring's figures per
country in the facilitators' panel and report (mentoring/country_figures.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from core.roles import Role
from directory.figures import HOOK as FIGURES

from . import account, enrolment
from .admin import MentoringViewSetGroup, MentorPolicy, MentorshipPolicy, RequestPolicy
from .components import PendingMentorsPanel
from .country_figures import MentoringFigures
from .models import MentoringRequest, MentorProfile, Mentorship

register_permission_policy(MentorProfile, MentorPolicy(MentorProfile))
register_permission_policy(MentoringRequest, RequestPolicy(MentoringRequest))
register_permission_policy(Mentorship, MentorshipPolicy(Mentorship))
hooks.register(FIGURES, MentoringFigures)


@hooks.register("register_admin_viewset")
def register_mentoring():
    return MentoringViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_pending_mentors_panel(request, panels):
    if Role.of(request.user).follows_up:  # central staff: every country
        panels.append(PendingMentorsPanel(request.user))


hooks.register("register_admin_urls", enrolment.admin_urls)
hooks.register("register_admin_urls", account.admin_urls)


class EnrolMenuItem(MenuItem):
    """For the users of an organisation."""

    def is_shown(self, request):
        return Role.of(request.user).is_member


@hooks.register("register_admin_menu_item")
def enrol_menu_item():
    return EnrolMenuItem(
        _("Enrol in mentoring"),
        reverse("mentoring_enrol_index"),
        name="mentoring_enrol",
        icon_name="user",
        order=275,
    )


@hooks.register("register_admin_menu_item")
def mentor_menu_item():
    return EnrolMenuItem(
        _("Be a mentor"),
        reverse("mentoring_account"),
        name="mentoring_account",
        icon_name="user",
        order=276,
    )

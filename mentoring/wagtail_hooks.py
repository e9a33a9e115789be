"""Admin → Mentoring (mentoring/admin.py) and the home panel of mentors to approve."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.roles import Role

from .admin import MentoringViewSetGroup, MentorPolicy, MentorshipPolicy, RequestPolicy
from .components import PendingMentorsPanel
from .models import MentoringRequest, MentorProfile, Mentorship

register_permission_policy(MentorProfile, MentorPolicy(MentorProfile))
register_permission_policy(MentoringRequest, RequestPolicy(MentoringRequest))
register_permission_policy(Mentorship, MentorshipPolicy(Mentorship))


@hooks.register("register_admin_viewset")
def register_mentoring():
    return MentoringViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_pending_mentors_panel(request, panels):
    if Role.of(request.user).follows_up:  # central staff: every country
        panels.append(PendingMentorsPanel(request.user))

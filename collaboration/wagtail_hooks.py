from wagtail import hooks
from wagtail.permissions import register_permission_policy

from directory.organisation_admin import own_organisations
from directory.scoped_policy import OrganisationMessagePolicy

from .admin import InterestViewSet
from .dashboard import CollaborationPanel
from .models import ExpressionOfInterest
from .timeline import InterestTimeline

# Expressions of interest: who sees and responds to which (directory/scoped_policy.py).
register_permission_policy(ExpressionOfInterest, OrganisationMessagePolicy(ExpressionOfInterest))


@hooks.register("register_admin_viewset")
def register_interest_viewset():
    """Expressions of interest, each organisation its own (see collaboration/admin.py)."""
    return InterestViewSet()


@hooks.register("construct_homepage_panels")
def add_collaboration_panel(request, panels):
    organisations = own_organisations(request.user)
    if organisations:
        panels.append(CollaborationPanel(organisations))


@hooks.register("register_organisation_timeline")
def interest_timeline():
    """Expressions of interest, on the facilitators' file of an organisation."""
    return InterestTimeline()

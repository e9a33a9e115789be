from wagtail import hooks

from directory.organisation_admin import own_organisations

from .admin import InterestViewSet
from .dashboard import CollaborationPanel


@hooks.register("register_admin_viewset")
def register_interest_viewset():
    """Expressions of interest, each organisation its own (see collaboration/admin.py)."""
    return InterestViewSet()


@hooks.register("construct_homepage_panels")
def add_collaboration_panel(request, panels):
    organisations = own_organisations(request.user)
    if organisations:
        panels.append(CollaborationPanel(organisations))

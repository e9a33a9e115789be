"""Admin → Readers' reactions (feedback/report.py)."""

from wagtail import hooks

from .report import ReactionsViewSet


@hooks.register("register_admin_viewset")
def register_reactions():
    return ReactionsViewSet()

"""Admin → Readers' reactions (feedback/report.py)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .report import ReactionsViewSet


@hooks.register("register_admin_viewset")
def register_reactions():
    return ReactionsViewSet()


@hooks.register("insert_global_admin_css")
def reactions_admin_css():
    """The reactions' screens' stylesheet: the admin carries no inline style."""
    return format_html('<link rel="stylesheet" href="{}">', static("feedback/admin.css"))

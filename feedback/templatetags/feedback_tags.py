from django import template
from wagtail.models import Page

from feedback.public_views import is_public_view

register = template.Library()

#: Set in a page's context when the page is behind a view restriction (feedback/wagtail_hooks.py).
HIDDEN = "feedback_hidden"


@register.inclusion_tag("feedback/widget.html", takes_context=True)
def feedback_widget(context):
    """ "Was this page useful?" under a live page (not a preview, not a private page), or under
    one of the public views of feedback/public_views.py: it costs no query, so that a kept page
    stays the same for every visitor. The error pages leave it out (their `feedback` block)."""
    page = context.get("page")
    request = context.get("request")
    if context.get(HIDDEN) or getattr(request, "is_preview", False):
        return {}
    if isinstance(page, Page):
        shown = page.pk and page.live and page.depth > 1
        return {"feedback_page": page if shown else None}
    match = getattr(request, "resolver_match", None)
    view = match.url_name if match and match.url_name else ""
    return {"feedback_view": view if is_public_view(view) else ""}

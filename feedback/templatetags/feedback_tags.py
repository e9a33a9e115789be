from django import template
from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("feedback/widget.html", takes_context=True)
def feedback_widget(context):
    """ "Was this page useful?" under a live page (not a preview, not a plain view's page): it
    costs no query, so that a kept page stays the same for every visitor. A private page's
    answers are refused when sent (feedback/forms.py)."""
    page = context.get("page")
    request = context.get("request")
    shown = (
        isinstance(page, Page)
        and page.pk
        and page.live
        and page.depth > 1
        and not getattr(request, "is_preview", False)
    )
    return {"feedback_page": page if shown else None}

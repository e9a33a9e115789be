"""Admin → Readers' reactions (feedback/report.py)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .report import ReactionsViewSet
from .templatetags.feedback_tags import HIDDEN


@hooks.register("register_admin_viewset")
def register_reactions():
    return ReactionsViewSet()


@hooks.register("insert_global_admin_css")
def reactions_admin_css():
    """The reactions' screens' stylesheet: the admin carries no inline style."""
    return format_html('<link rel="stylesheet" href="{}">', static("feedback/admin.css"))


@hooks.register("on_serve_page", order=-1)  # around Wagtail's own check of view restrictions
def no_question_on_private_pages(serve):
    """A page behind a view restriction (a password, a sign-in, a group) does not ask "Was this
    page useful?": its answers would be refused (feedback/forms.py). Wagtail's check, inside this
    one, has read the page's restrictions already and marks a page that has some as never to be
    kept (Cache-Control: private): that mark is read here, so that it costs no query of its own.
    The page's answer is not rendered yet, so its context can still say so to the template."""

    def inner(page, request, serve_args, serve_kwargs):
        response = serve(page, request, serve_args, serve_kwargs)
        restricted = "private" in response.get("Cache-Control", "")
        context = getattr(response, "context_data", None)
        if restricted and isinstance(context, dict) and not response.is_rendered:
            context[HIDDEN] = True
        return response

    return inner

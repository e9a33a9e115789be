from django import template
from django.http import QueryDict
from django.utils.translation import get_language

from subscriptions.forms import SearchAlertForm, SubscribeForm

register = template.Library()


@register.simple_tag(takes_context=True)
def subscribe_form(context, id="subscribe"):
    """The subscribe form, with section id `id` (the footer's and a page's differ): the one the
    view put in the context when it has this id (filled, with its errors), else an empty one."""
    form = context.get("form")
    if not (isinstance(form, SubscribeForm) and form.form_id == id):
        form = SubscribeForm(form_id=id, request=context.get("request"))
    return {"form": form, "id": id}


#: Parts of a listing's query string that are not filters: the words, the order, the page.
NOT_FILTERS = {"q", "sort", "page"}


@register.simple_tag(takes_context=True)
def search_alert_form(context, q="", query=""):
    """The "Email me new results" form for the search a listing shows: its words, its filters
    (from its query string `query`) and the language; or the form the view put in the context,
    filled."""
    form = context.get("form")
    if not isinstance(form, SearchAlertForm):
        params = QueryDict(query)
        filters = {name: params.getlist(name) for name in params if name not in NOT_FILTERS}
        form = SearchAlertForm(
            initial={
                "q": q,
                "filters": SearchAlertForm.filters_json(filters),
                "search_language": get_language(),
            }
        )
    return {"form": form, "id": form.form_id}

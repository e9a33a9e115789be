from django import template
from django.utils.translation import get_language

from subscriptions.forms import SearchAlertForm, SubscribeForm
from subscriptions.models import Listing

register = template.Library()


@register.simple_tag(takes_context=True)
def subscribe_form(context, id="subscribe"):
    """The subscribe form, with section id `id` (the footer's and a page's differ): the one the
    view put in the context when it has this id (filled, with its errors), else an empty one."""
    form = context.get("form")
    if not (isinstance(form, SubscribeForm) and form.form_id == id):
        form = SubscribeForm(form_id=id, request=context.get("request"))
    return {"form": form, "id": id}


def listing_filters(listing_form):
    """{name: [values]}: the filters in force on a listing, as its form (`listing_form`, a
    `directory.filters.FilterForm`) read them from its data; the words, the order and the page
    are not filters, nor anything the form does not accept."""
    if listing_form is None:
        return {}
    data = listing_form.data
    return {name: data.getlist(name) for name in listing_form.values}


@register.simple_tag(takes_context=True)
def search_alert_form(context, listing=Listing.SEARCH, q="", listing_form=None):
    """The "Email me new results" form for the search a listing (`listing`, a
    `subscriptions.models.Listing`) shows: its words `q`, its filters (those its form
    `listing_form` has in force) and the language; or the form the view put in the context,
    filled."""
    form = context.get("form")
    if not isinstance(form, SearchAlertForm):
        form = SearchAlertForm(
            initial={
                "listing": listing,
                "q": q,
                "filters": SearchAlertForm.filters_json(listing_filters(listing_form)),
                "search_language": get_language(),
            }
        )
    return {"form": form, "id": form.form_id}

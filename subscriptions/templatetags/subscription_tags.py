from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from core.page_cache import kept_in_memory
from subscriptions.forms import SearchAlertForm, SubscribeForm
from subscriptions.models import Listing

register = template.Library()


@register.simple_tag(takes_context=True)
def subscribe_form(context, id="subscribe"):
    """The subscribe form, with section id `id` (the footer's and a page's differ): the one the
    view put in the context when it has this id (filled, with its errors), else an empty one."""
    form = own_form(context, id)
    if form is None:
        form = SubscribeForm(form_id=id, request=context.get("request"))
    return {"form": form, "id": id}


def own_form(context, id):
    """The subscribe form with section id `id` the view put in the context, if any."""
    form = context.get("form")
    return form if isinstance(form, SubscribeForm) and form.form_id == id else None


@register.simple_tag(takes_context=True)
def subscribe_section(context, id="subscribe"):
    """The subscribe form's section (`subscribe_form`), as HTML. Empty, it is the same for
    every visitor of a language (it has no CSRF token until it is sent), so it is rendered once
    per language and kept in the process's memory until something public changes (the
    countries it offers); filled, with its errors, it is rendered for the visitor."""
    request = context.get("request")

    def render():
        # The empty form is made only when it is rendered: kept, it is not needed.
        subscribe = subscribe_form(context, id)
        template = "subscriptions/includes/subscribe_form.html"
        return render_to_string(template, {"subscribe": subscribe}, request=request)

    form = own_form(context, id)
    if (form is not None and form.is_bound) or request is None:
        return render()
    return kept_in_memory(f"subscribe-form:{id}:{get_language()}", render)


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

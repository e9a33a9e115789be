"""What collaboration adds to the directory's pages."""

from django import template
from django.db.models import F

from collaboration.models import CollaborationCallPage
from directory.addresses import attach_visitor_urls
from directory.listing import request_locales

register = template.Library()


@register.inclusion_tag("collaboration/includes/organisation_calls.html", takes_context=True)
def organisation_calls(context, organisation):
    """The open calls of an organisation, one per call in the visitor's language if it can."""
    calls = (
        organisation.children_of_type(CollaborationCallPage, request_locales(context["request"]))
        .filter(pk__in=CollaborationCallPage.open_calls().values("pk"))
        .order_by(F("deadline").asc(nulls_last=True), "title")
    )
    return {"calls": attach_visitor_urls(calls, context["request"])}

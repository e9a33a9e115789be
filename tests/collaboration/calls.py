"""Calls for collaboration, published under an organisation, for the collaboration tests."""

from collaboration.factories import CollaborationCallPageFactory
from tests.helpers import publish


def make_call(parent, *, expertise=(), countries=(), **fields):
    """A published call under `parent` seeking `expertise` from `countries` (none: any)."""
    call = CollaborationCallPageFactory.build(**fields)
    call.locale = parent.locale
    call.expertise_sought = list(expertise)
    call.countries = list(countries)
    parent.add_child(instance=call)
    return publish(call)


def with_expertise(page, *terms):
    page.expertise_categories = list(terms)
    page.save()
    return publish(page)

"""What networks add to the directory's organisation pages: a network's members, by country and
a page at a time, and every organisation's "Member of"."""

from dataclasses import dataclass

from django import template
from django.conf import settings

from core.listing import paginate
from directory.addresses import attach_visitor_urls
from directory.countries import country_names
from directory.listing import one_per_translation, request_locales
from directory.models import OrganisationPage
from networks.models import Membership

register = template.Library()

#: Members shown on one page of a network's profile.
MEMBERS_PER_PAGE = getattr(settings, "NETWORK_MEMBERS_PER_PAGE", 50)


@dataclass
class Member:
    membership: Membership
    page: OrganisationPage | None = None  # None: a member that is not on the portal

    @property
    def name(self):
        return self.page.title if self.page is not None else self.membership.outside_name


def shown_pages(keys, request):
    """The live pages of the organisations with these translation keys, one each, in the
    visitor's language where translated, with their addresses: {key: page}."""
    locales = request_locales(request)
    pages = one_per_translation(
        OrganisationPage.objects.live().public().filter(translation_key__in=keys),
        locales.active,
        locales.default,
    ).select_related("locale")
    return {page.translation_key: page for page in attach_visitor_urls(pages, request)}


@register.inclusion_tag("networks/includes/network_members.html", takes_context=True)
def network_members(context, network):
    """The network's members both sides agreed to, grouped by country, a page at a time."""
    request = context["request"]
    memberships = Membership.objects.active().of_network(network).order_by("country", "pk")
    items = paginate(request, memberships, MEMBERS_PER_PAGE)
    pages = shown_pages([m.member_key for m in items if m.member_key], request)
    names = country_names()
    countries = {}
    for membership in items:
        page = pages.get(membership.member_key)
        if membership.member_key and page is None:
            continue  # its profile is not public (yet, or any more)
        group = countries.setdefault(membership.country, [])
        group.append(Member(membership, page))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "request": request,
        "countries": [(names.get(code, code), members) for code, members in countries.items()],
        "items": items,
        "query": query.urlencode(),
        "total": items.paginator.count,
    }


@register.inclusion_tag("networks/includes/member_of.html", takes_context=True)
def member_of(context, organisation):
    """The networks the organisation belongs to, both sides having agreed."""
    request = context["request"]
    memberships = list(Membership.objects.active().of_member(organisation))
    if not memberships:  # most organisations: one query
        return {"request": request, "networks": []}
    pages = shown_pages([m.network_key for m in memberships], request)
    networks = [(pages[m.network_key], m) for m in memberships if m.network_key in pages]
    networks.sort(key=lambda pair: pair[0].title)
    return {"request": request, "networks": networks}

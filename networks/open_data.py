"""Memberships as open data: the properties the networks add to the directory's HSDS
`organization` records (through `directory.record_properties`' hook, in wagtail_hooks.py).

- `x_memberships`, on an organisation that is an active member of live networks: for each, the
  network's id (its translation key, the id of its own record), its name in the answer's
  language, the member's role and since when.
- `x_members`, on a network with active members: for each, the member's id where it is a live
  organisation of the portal (else none: a member outside the portal has a name, a country and a
  website), its name, country code, website (outside members), role and since when.

Only what the public pages show: active memberships (both sides agreed, not ended), of networks
that are live, with members that are live organisations or outside members. Read in a fixed
number of queries per answer, whatever its number of organisations.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.listing import Locales, one_per_translation
from directory.models import OrganisationPage
from directory.models.choices import OrganisationKind
from directory.record_properties import PropertyDescription, RecordProperties

from .models import Membership

MEMBERSHIPS = "x_memberships"
MEMBERS = "x_members"


def without_empty(record):
    return {key: value for key, value in record.items() if value not in (None, "")}


class MembershipProperties(RecordProperties):
    described = (
        PropertyDescription(
            MEMBERSHIPS,
            _(
                "On an organisation that belongs to networks: a list, one item per network, "
                "with network_id (the network's organization id), network_name, role "
                "(coordinator, lead_partner, member or observer) and since (a date, where known)."
            ),
        ),
        PropertyDescription(
            MEMBERS,
            _(
                "On a network: its members, one item each, with organization_id (for members "
                "on the portal), name, country (a two-letter code), website (for members not on "
                "the portal), role (coordinator, lead_partner, member or observer) and since "
                "(a date, where known)."
            ),
        ),
    )

    def for_organisations(self, keys, language):
        keys = [str(key) for key in keys]
        live = OrganisationPage.objects.live()
        networks = live.filter(kind=OrganisationKind.NETWORK).order_by().values("translation_key")
        active = Membership.objects.active().filter(network_key__in=networks)
        memberships = list(
            active.filter(Q(member_key__in=keys) | Q(network_key__in=keys)).order_by("since", "pk")
        )
        if not memberships:
            return {}
        names = self.names(
            {m.network_key for m in memberships} | {m.member_key for m in memberships},
            language,
        )
        properties = {}
        for membership in memberships:
            network, member = str(membership.network_key), str(membership.member_key or "")
            if member in keys and network in names:
                properties.setdefault(member, {}).setdefault(MEMBERSHIPS, []).append(
                    without_empty(
                        {
                            "network_id": network,
                            "network_name": names[network],
                            "role": membership.role,
                            "since": membership.since.isoformat() if membership.since else None,
                        }
                    )
                )
            if network in keys and (membership.is_outside or member in names):
                properties.setdefault(network, {}).setdefault(MEMBERS, []).append(
                    without_empty(
                        {
                            "organization_id": member or None,
                            "name": names[member] if member else membership.outside_name,
                            "country": membership.country,
                            "website": membership.outside_website,
                            "role": membership.role,
                            "since": membership.since.isoformat() if membership.since else None,
                        }
                    )
                )
        for values in properties.values():
            values.get(MEMBERSHIPS, []).sort(key=lambda item: item["network_name"].casefold())
            values.get(MEMBERS, []).sort(
                key=lambda item: (item.get("country", ""), item["name"].casefold())
            )
        return properties

    @staticmethod
    def names(keys, language):
        """{translation key: name} of the live organisations of `keys`, in `language` where
        translated, else the default language, else as first written: one query."""
        locales = Locales()
        pages = OrganisationPage.objects.live().filter(translation_key__in=[k for k in keys if k])
        pages = one_per_translation(pages, locales.get(language), locales.default)
        return {str(key): title for key, title in pages.values_list("translation_key", "title")}

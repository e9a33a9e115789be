"""The networks' figures per country, for the facilitators' panel and monitoring report
(added through `directory.figures`' hook, in wagtail_hooks.py).

For each country: its networks (live organisations of that country whose kind is "network"),
the active memberships of members from that country and those of the country's networks, and
the share of the country's live organisations that are an active member of at least one live
network. Per organisation, for the report: the networks it is an active member of, and, for a
network, its active members.

Only active memberships of live networks count: an invitation not yet accepted, an ended
membership or a network not published is no link between organisations. Everything is read in
a fixed number of queries, whatever the number of organisations and countries.
"""

from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from directory.figures import Figure, FigureSource
from directory.models import OrganisationPage, OrganisationStanding
from directory.models.choices import OrganisationKind
from directory.standing import current_standings

from .models import Membership


def live_network_keys():
    """The translation keys of the networks with a live version, as a subquery."""
    networks = OrganisationPage.objects.live().filter(kind=OrganisationKind.NETWORK)
    return networks.order_by().values("translation_key")


def active_in_live_networks():
    return Membership.objects.active().filter(network_key__in=live_network_keys())


def counted(queryset, field):
    """{value of `field`: number of rows} in one query."""
    rows = queryset.order_by().values(field).annotate(n=Count("pk")).values_list(field, "n")
    return dict(rows)


def share(part, whole):
    """`part` of `whole` as a whole percentage, None where there is nothing to share."""
    return round(100 * part / whole) if whole else None


class NetworkFigures(FigureSource):
    label = _("Networks")
    order = 10
    country_figures = (
        Figure("networks", _("Networks")),
        Figure("member_memberships", _("Memberships of its organisations")),
        Figure("network_memberships", _("Memberships of its networks")),
        Figure("in_a_network", _("Organisations in a network")),
        Figure("in_a_network_share", _("Share of organisations in a network"), percent=True),
    )
    organisation_figures = (
        Figure("member_of", _("Member of networks")),
        Figure("members", _("Network's members")),
    )

    def by_country(self, codes):
        codes = list(codes)
        live = current_standings().filter(live=True, country_code__in=codes)
        live_networks = live.filter(translation_key__in=live_network_keys())
        active = active_in_live_networks()
        organisations = counted(live, "country_code")
        networks = counted(live_networks, "country_code")
        from_country = counted(active.filter(country__in=codes), "country")
        standings = OrganisationStanding.objects.all()
        network_country = standings.filter(translation_key=OuterRef("network_key"))
        of_networks = counted(
            active.filter(network_key__in=live_networks.values("translation_key")).annotate(
                network_country=Subquery(network_country.values("country_code")[:1])
            ),
            "network_country",
        )
        members = counted(
            live.filter(translation_key__in=active.values("member_key")), "country_code"
        )
        return {
            code: {
                "networks": networks.get(code, 0),
                "member_memberships": from_country.get(code, 0),
                "network_memberships": of_networks.get(code, 0),
                "in_a_network": members.get(code, 0),
                "in_a_network_share": share(members.get(code, 0), organisations.get(code, 0)),
            }
            for code in codes
        }

    def by_organisation(self, keys):
        keys = list(keys)
        active = active_in_live_networks()
        member_of = counted(active.filter(member_key__in=keys), "member_key")
        networks = set(
            OrganisationPage.objects.filter(translation_key__in=keys, kind=OrganisationKind.NETWORK)
            .order_by()
            .values_list("translation_key", flat=True)
            .distinct()
        )
        members = counted(
            Membership.objects.active().filter(network_key__in=networks), "network_key"
        )
        member_of = {str(key): n for key, n in member_of.items()}
        members = {str(key): n for key, n in members.items()}
        networks = {str(key) for key in networks}
        return {
            key: {
                "member_of": member_of.get(str(key), 0),
                "members": members.get(str(key), 0) if str(key) in networks else None,
            }
            for key in keys
        }

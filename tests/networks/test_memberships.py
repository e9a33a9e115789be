"""Memberships of networks: public only once both sides agree, gone once either ends it; no
side alone can make one; a network's members listed by country, a page at a time."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from directory.factories import OrganisationPageFactory
from networks import memberships
from networks.models import Membership, MembershipState
from tests.directory.organisations import registered
from tests.helpers import count_queries, publish

pytestmark = pytest.mark.django_db


def live(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    return publish(page)


@pytest.fixture
def network(portal):
    """Rete Sicilia Lavoro, a network registered in Italy, and its editor: (user, page)."""
    user, page, _account = registered("it", "rete@sicilia.example.org", "Rete Sicilia Lavoro")
    return user, live(page, kind="network", network_form="consortium")


@pytest.fixture
def cooperative(portal):
    """Cooperativa Il Ponte, an organisation registered in Greece, and its editor."""
    user, page, _account = registered("gr", "info@ponte.example.org", "Cooperativa Il Ponte")
    return user, live(page)


def member_names(client, network_page):
    html = client.get(network_page.url).content.decode()
    if 'id="network-members"' not in html:
        return html, ""
    section = html[html.index('id="network-members"') :]
    return html, section[: section.index("</section>")]


def says_member_of(client, organisation, network_title):
    html = client.get(organisation.url).content.decode()
    if 'id="member-of"' not in html:
        return False
    section = html[html.index('id="member-of"') :]
    return network_title in section[: section.index("</section>")]


def test_an_invitation_is_public_only_once_accepted_and_gone_once_ended(
    client, network, cooperative
):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    membership = memberships.invite(network_page, member_page, network_editor, role="lead_partner")
    assert "Cooperativa Il Ponte" not in member_names(client, network_page)[1]
    assert not says_member_of(client, member_page, "Rete Sicilia Lavoro")

    memberships.accept(membership, member_editor)
    _html, members = member_names(client, network_page)
    assert "Cooperativa Il Ponte" in members
    assert "<h3>Grecia</h3>" in members  # under its country, named as the page reads
    assert says_member_of(client, member_page, "Rete Sicilia Lavoro")

    memberships.end(membership, member_editor)
    assert "Cooperativa Il Ponte" not in member_names(client, network_page)[1]
    assert not says_member_of(client, member_page, "Rete Sicilia Lavoro")
    membership.refresh_from_db()
    assert membership.until == timezone.localdate()  # kept, as history


def test_a_request_to_join_waits_for_the_network_which_may_end_it(client, network, cooperative):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    membership = memberships.ask_to_join(member_page, network_page, member_editor)
    assert not says_member_of(client, member_page, "Rete Sicilia Lavoro")
    with pytest.raises(PermissionDenied):
        memberships.accept(membership, member_editor)  # not its own request
    memberships.accept(membership, network_editor)
    assert says_member_of(client, member_page, "Rete Sicilia Lavoro")
    memberships.end(membership, network_editor)
    assert not says_member_of(client, member_page, "Rete Sicilia Lavoro")


def test_no_side_makes_a_membership_alone(network, cooperative, portal):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    stranger, _page, _account = registered("it", "altro@example.org", "Altra Cooperativa")
    with pytest.raises(PermissionDenied):  # an organisation cannot invite itself
        memberships.invite(network_page, member_page, member_editor)
    with pytest.raises(PermissionDenied):  # a network cannot ask on the member's behalf
        memberships.ask_to_join(member_page, network_page, network_editor)
    invitation = memberships.invite(network_page, member_page, network_editor)
    for user in (network_editor, stranger):
        with pytest.raises(PermissionDenied):
            memberships.accept(invitation, user)
    with pytest.raises(PermissionDenied):
        memberships.end(invitation, stranger)
    assert Membership.objects.get().state == MembershipState.INVITED


def test_only_a_network_has_members_and_never_itself_nor_twice(network, cooperative):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    with pytest.raises(ValidationError):
        memberships.ask_to_join(member_page, member_page, member_editor)
    with pytest.raises(ValidationError):
        memberships.invite(network_page, network_page, network_editor)
    memberships.invite(network_page, member_page, network_editor)
    with pytest.raises(ValidationError):
        memberships.ask_to_join(member_page, network_page, member_editor)


def test_a_declined_invitation_is_never_shown(client, network, cooperative):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    invitation = memberships.invite(network_page, member_page, network_editor)
    memberships.decline(invitation, member_editor)
    with pytest.raises(ValidationError):
        memberships.accept(invitation, member_editor)
    assert not says_member_of(client, member_page, "Rete Sicilia Lavoro")


def many_members(network_page, count):
    """`count` members not on the portal, in three countries."""
    Membership.objects.bulk_create(
        Membership(
            network_key=network_page.translation_key,
            outside_name=f"Member {n:03d}",
            country=("IT", "GR", "LB")[n % 3],
            state=MembershipState.ACTIVE,
        )
        for n in range(count)
    )


def test_a_network_of_120_members_lists_them_by_country_a_page_at_a_time(
    client, network, portal, settings
):
    _editor, network_page = network
    # Members on the portal too: each is named and linked, in a fixed number of queries.
    for n in range(3):
        page = OrganisationPageFactory(parent=portal.countries["IT"], title=f"Cooperativa {n}")
        Membership.objects.create(
            network_key=network_page.translation_key,
            member_key=page.translation_key,
            country="IT",
            state=MembershipState.ACTIVE,
        )
    many_members(network_page, 27)
    small, _response = count_queries(client, network_page.url)
    many_members(network_page, 90)
    large, response = count_queries(client, network_page.url)
    assert small == large
    html = response.content.decode()
    assert "(120)" in html
    assert "Cooperativa 0" in html
    assert 'rel="next" href="?page=2"' in html and 'rel="prev"' not in html
    assert html.count("Member 0") == 50 - 3  # a page of 50, the three on the portal among them
    last = client.get(network_page.url, {"page": 3}).content.decode()
    assert 'rel="prev" href="?page=2"' in last and 'rel="next"' not in last
    assert last.count("Member 0") == 20
    assert client.get(network_page.url, {"page": 9}).status_code == 404
    assert client.get(network_page.url, {"page": "x"}).status_code == 404


def test_a_caching_proxy_forgets_both_pages_when_a_membership_changes(
    network, cooperative, proxy, on_commit
):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    with on_commit():
        membership = memberships.invite(network_page, member_page, network_editor)
    proxy.clear()
    with on_commit():
        memberships.accept(membership, member_editor)
    paths = {path for _host, path in proxy}
    assert network_page.url in paths and member_page.url in paths
    assert {path.split("/")[1] for path in paths} == {"en", "it", "el", "ar"}
    proxy.clear()
    with on_commit():
        memberships.end(membership, member_editor)
    assert {path for _host, path in proxy} == paths

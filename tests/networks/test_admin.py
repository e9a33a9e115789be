"""The admin screens of memberships: a network's members, an organisation's networks, the answers
waiting on the admin home, and the read-only view of who follows organisations up. Who may do
what is checked by direct URL; every email goes through the outbox."""

import pytest
from django.urls import reverse

from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    OrganisationPageFactory,
    UserFactory,
)
from emails.models import OutboxEmail
from networks.models import Membership, MembershipState
from tests.directory.organisations import registered
from tests.helpers import count_queries, publish, signed_in

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


@pytest.fixture
def stranger(portal):
    """Another organisation's editor (Italy)."""
    user, page, _account = registered("it", "info@arci.example.org", "Arci Palermo")
    return user, live(page)


def members_url(page):
    return reverse("networks_members", args=[page.translation_key])


def networks_url(page):
    return reverse("networks_of_organisation", args=[page.translation_key])


def invite(client, network_page, member_page, role="member"):
    return client.post(
        members_url(network_page),
        {
            "action": "invite",
            "invite-key": str(member_page.translation_key),
            "invite-role": role,
        },
    )


def sent(key):
    return list(OutboxEmail.objects.filter(template_key=key).order_by("pk"))


def test_a_network_invites_and_the_organisation_accepts_from_its_admin_home(
    network, cooperative, on_commit, mailoutbox
):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    coordinator = signed_in(network_editor)

    screen = coordinator.get(members_url(network_page))
    assert screen.status_code == 200
    assert 'name="invite-name"' in screen.content.decode()  # typed, not chosen from a list

    with on_commit():
        response = invite(coordinator, network_page, member_page, role="lead_partner")
    assert response.status_code == 302
    membership = Membership.objects.get()
    assert membership.state == MembershipState.INVITED
    [invitation] = sent("network_invitation")
    assert invitation.to == [member_editor.email]
    assert invitation.language == "el"  # the Greek organisation's language
    [message] = [m for m in mailoutbox if m.to == [member_editor.email]]
    assert "Rete Sicilia Lavoro" in message.subject
    assert networks_url(member_page) in message.body
    assert "Cooperativa Il Ponte" in coordinator.get(members_url(network_page)).content.decode()

    member = signed_in(member_editor)
    home = member.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="network-answers-heading"' in home
    accept_url = reverse("networks_accept", args=[membership.pk])
    assert f'action="{accept_url}"' in home
    panel = home[home.index('id="network-answers-heading"') :]
    assert 'name="csrfmiddlewaretoken"' in panel[: panel.index("</section>")]

    assert member.get(accept_url).status_code == 405  # answers are POSTed
    with on_commit():
        response = member.post(accept_url, {"next": reverse("wagtailadmin_home")})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    membership.refresh_from_db()
    assert membership.state == MembershipState.ACTIVE
    [answer] = sent("network_answer")
    assert answer.to == [network_editor.email]  # to who invited, in the network's language
    assert answer.language == "it"
    home = member.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="network-answers-heading"' not in home  # nothing waits any more

    listed = member.get(networks_url(member_page)).content.decode()
    assert "Rete Sicilia Lavoro" in listed
    assert reverse("networks_end", args=[membership.pk]) in listed


def test_an_organisation_asks_to_join_and_the_network_declines(
    network, cooperative, on_commit, mailoutbox
):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    member = signed_in(member_editor)
    screen = member.get(networks_url(member_page)).content.decode()
    assert 'name="ask-name"' in screen  # the network to ask, typed
    with on_commit():
        response = member.post(
            networks_url(member_page),
            {"ask-key": str(network_page.translation_key), "ask-role": "observer"},
        )
    assert response.status_code == 302
    membership = Membership.objects.get()
    assert (membership.state, membership.role) == ("requested", "observer")
    [request] = sent("network_request")
    assert request.to == [network_editor.email]
    assert "Cooperativa Il Ponte" in request.subject

    # The organisation cannot accept its own request.
    assert member.post(reverse("networks_accept", args=[membership.pk])).status_code == 403
    membership.refresh_from_db()
    assert membership.state == MembershipState.REQUESTED

    coordinator = signed_in(network_editor)
    with on_commit():
        coordinator.post(reverse("networks_decline", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.state == MembershipState.DECLINED
    [answer] = sent("network_answer")
    assert answer.to == [member_editor.email]
    history = coordinator.get(members_url(network_page)).content.decode()
    assert "Declined" in history[history.index('id="members-history"') :]


def test_a_member_not_on_the_portal_is_added_and_ended(network):
    network_editor, network_page = network
    coordinator = signed_in(network_editor)
    response = coordinator.post(
        members_url(network_page),
        {
            "action": "outside",
            "outside-name": "Caritas Malta",
            "outside-country": "IT",
            "outside-website": "https://caritas.example.org",
            "outside-role": "member",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get()
    assert (membership.outside_name, membership.state) == ("Caritas Malta", "active")
    coordinator.post(reverse("networks_end", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.state == MembershipState.ENDED
    history = coordinator.get(members_url(network_page)).content.decode()
    assert "Caritas Malta" in history[history.index('id="members-history"') :]


def test_bad_input_is_a_form_error_and_saves_nothing(network, cooperative):
    network_editor, network_page = network
    _member_editor, member_page = cooperative
    coordinator = signed_in(network_editor)

    nameless = coordinator.post(
        members_url(network_page),
        {"action": "outside", "outside-name": " ", "outside-website": "not a website"},
    )
    assert nameless.status_code == 200
    assert nameless.context["outside_form"].errors.keys() >= {"name", "website"}

    unknown = coordinator.post(
        members_url(network_page),
        {"action": "invite", "invite-key": "not-a-key", "invite-role": "king"},
    )
    assert unknown.context["invite_form"].errors.keys() >= {"name", "role"}

    itself = invite(coordinator, network_page, network_page)
    assert itself.status_code == 200
    assert itself.context["invite_form"].errors  # a network is not offered to itself

    assert invite(coordinator, network_page, member_page).status_code == 302
    again = invite(coordinator, network_page, member_page)
    assert again.status_code == 200
    assert "already" in str(again.context["invite_form"].non_field_errors())
    assert Membership.objects.count() == 1

    assert coordinator.post(members_url(network_page), {"action": "?"}).status_code == 400


def test_another_organisation_cannot_act_for_a_network_or_a_member_by_direct_url(
    network, cooperative, stranger
):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    other_editor, other_page = stranger
    other = signed_in(other_editor)

    assert other.get(members_url(network_page)).status_code == 403
    assert invite(other, network_page, other_page).status_code == 403  # adding itself
    assert other.get(networks_url(member_page)).status_code == 403
    asked = other.post(
        networks_url(member_page),
        {"ask-key": str(network_page.translation_key), "ask-role": "member"},
    )
    assert asked.status_code == 403
    assert not Membership.objects.exists()

    # The cooperative cannot add itself through the network's screen.
    assert invite(signed_in(member_editor), network_page, member_page).status_code == 403
    assert not Membership.objects.exists()

    invite(signed_in(network_editor), network_page, member_page)
    membership = Membership.objects.get()
    for action in ("networks_accept", "networks_decline", "networks_end"):
        assert other.post(reverse(action, args=[membership.pk])).status_code == 403
    membership.refresh_from_db()
    assert membership.state == MembershipState.INVITED
    assert other.post(reverse("networks_end", args=[999999])).status_code == 403

    # A page that is not a network has no members' screen.
    assert other.get(members_url(other_page), follow=True).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, network):
    _editor, network_page = network
    for url in (members_url(network_page), networks_url(network_page), reverse("networks_index")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response.url


def test_facilitators_read_their_countries_networks_without_changing_them(
    portal, network, cooperative
):
    network_editor, network_page = network
    _member_editor, member_page = cooperative
    invite(signed_in(network_editor), network_page, member_page)
    membership = Membership.objects.get()

    italy = signed_in(CountryFacilitatorFactory(country="IT"))
    overview = italy.get(reverse("networks_index")).content.decode()
    assert "Rete Sicilia Lavoro" in overview
    screen = italy.get(members_url(network_page))
    assert screen.status_code == 200
    html = screen.content.decode()
    assert "Cooperativa Il Ponte" in html
    assert 'name="action"' not in html  # no form to change anything
    assert invite(italy, network_page, member_page).status_code == 403
    assert italy.post(reverse("networks_end", args=[membership.pk])).status_code == 403

    greece = signed_in(CountryFacilitatorFactory(country="GR"))
    assert "Rete Sicilia Lavoro" not in greece.get(reverse("networks_index")).content.decode()
    assert greece.get(members_url(network_page)).status_code == 403
    assert greece.get(networks_url(member_page)).status_code == 200  # a Greek organisation

    staff = signed_in(CentralStaffFactory())
    assert "Rete Sicilia Lavoro" in staff.get(reverse("networks_index")).content.decode()
    assert staff.get(members_url(network_page)).status_code == 200
    membership.refresh_from_db()
    assert membership.state == MembershipState.INVITED


def test_a_user_of_no_organisation_has_no_networks_screen(portal):
    user = UserFactory()
    assert signed_in(user).get(reverse("networks_index")).status_code in (302, 403)


def test_the_editor_and_the_menu_lead_to_the_screens(network):
    network_editor, network_page = network
    coordinator = signed_in(network_editor)
    edit = coordinator.get(reverse("wagtailadmin_pages:edit", args=[network_page.pk]))
    assert members_url(network_page) in edit.content.decode()
    index = coordinator.get(reverse("networks_index")).content.decode()
    assert members_url(network_page) in index
    assert networks_url(network_page) in index


# Choosing the organisation by its name ------------------------------------------------------


def organisations(portal, n, start=0, factory=OrganisationPageFactory, title="Cooperativa"):
    italy = portal.countries["IT"]
    return [
        publish(factory(parent=italy, title=f"{title} Sole {i}")) for i in range(start, start + n)
    ]


def invite_by_name(client, network_page, name, key=""):
    return client.post(
        members_url(network_page),
        {"action": "invite", "invite-name": name, "invite-key": key, "invite-role": "member"},
    )


def test_the_members_screen_costs_the_same_with_5_and_60_organisations(portal, network):
    editor, network_page = network
    client = signed_in(editor)
    organisations(portal, 5)
    few, response = count_queries(client, members_url(network_page))
    assert "Cooperativa Sole 1" not in response.content.decode()  # no list of every one
    organisations(portal, 55, start=5)
    many, response = count_queries(client, members_url(network_page))
    assert many == few
    assert len(response.content) < 40_000


def test_an_organisation_typed_by_its_name_is_invited(network, cooperative, on_commit):
    editor, network_page = network
    _member_editor, member_page = cooperative
    client = signed_in(editor)
    with on_commit():
        response = invite_by_name(client, network_page, "il ponte")
    assert response.status_code == 302
    membership = Membership.objects.get()
    assert membership.member_key == member_page.translation_key
    assert membership.state == MembershipState.INVITED


def test_several_matches_are_offered_to_pick_from(portal, network, on_commit):
    editor, network_page = network
    first, second = organisations(portal, 2)
    client = signed_in(editor)
    offered = invite_by_name(client, network_page, "sole")
    assert offered.status_code == 200
    assert Membership.objects.count() == 0
    page = offered.content.decode()
    assert "Several organisations match" in page
    assert f'type="radio" name="invite-key" value="{second.translation_key}"' in page
    assert "Cooperativa Sole 0" in page and "Cooperativa Sole 1" in page

    with on_commit():
        picked = invite_by_name(client, network_page, "sole", key=str(second.translation_key))
    assert picked.status_code == 302
    assert Membership.objects.get().member_key == second.translation_key


def test_a_name_matching_nothing_is_a_form_error(network, cooperative):
    editor, network_page = network
    client = signed_in(editor)
    response = invite_by_name(client, network_page, "Nobody at all")
    assert response.status_code == 200
    assert "No public organisation of the portal is named" in str(
        response.context["invite_form"].errors["name"]
    )
    assert invite_by_name(client, network_page, "").context["invite_form"].errors["name"]
    # A draft organisation is not offered either.
    draft = OrganisationPageFactory(
        parent=network_page.get_parent(), title="Cooperativa Bozza", live=False
    )
    assert draft.live is False
    assert invite_by_name(client, network_page, "Bozza").context["invite_form"].errors["name"]
    assert Membership.objects.count() == 0


def test_the_type_ahead_offers_at_most_20_live_matches_to_the_editors_only(
    portal, network, stranger
):
    editor, network_page = network
    organisations(portal, 25)
    url = reverse("networks_choose_member", args=[network_page.translation_key])
    client = signed_in(editor)
    results = client.get(url, {"q": "sole cooperativa"}).json()["results"]
    assert len(results) == 20
    assert results[0]["name"] == "Cooperativa Sole 0"
    assert results[0]["label"] == "Cooperativa Sole 0 · Italy"
    assert client.get(url, {"q": "Rete Sicilia"}).json()["results"] == []  # not itself
    assert client.get(url, {"q": ""}).json()["results"] == []
    assert client.post(url, {"q": "sole"}).status_code == 405

    other_editor, _page = stranger
    assert signed_in(other_editor).get(url, {"q": "sole"}).status_code == 403
    assert client.logout() is None
    assert client.get(url, {"q": "sole"}).status_code == 302  # to sign in


def test_asking_to_join_offers_networks_only(portal, network, cooperative, on_commit):
    _network_editor, network_page = network
    member_editor, member_page = cooperative
    organisations(portal, 2, title="Rete")  # organisations named "Rete", not networks
    url = reverse("networks_choose_network", args=[member_page.translation_key])
    client = signed_in(member_editor)
    results = client.get(url, {"q": "rete"}).json()["results"]
    assert [result["key"] for result in results] == [str(network_page.translation_key)]

    with on_commit():
        response = client.post(
            networks_url(member_page),
            {"ask-name": "Rete Sicilia Lavoro", "ask-key": "", "ask-role": "member"},
        )
    assert response.status_code == 302
    assert Membership.objects.get().state == MembershipState.REQUESTED


def test_the_screen_loads_the_type_ahead_script(network):
    editor, network_page = network
    page = signed_in(editor).get(members_url(network_page)).content.decode()
    assert "networks/choose.js" in page
    url = reverse("networks_choose_member", args=[network_page.translation_key])
    assert f'data-network-choices="{url}"' in page
    # Only the screens with its forms load it.
    home = signed_in(editor).get(reverse("wagtailadmin_home")).content.decode()
    assert "networks/choose.js" not in home


# Pages of members ----------------------------------------------------------------------------


def add_members(network_page, start, n, state=MembershipState.ACTIVE):
    Membership.objects.bulk_create(
        Membership(
            network_key=network_page.translation_key,
            outside_name=f"Member {i:03}",
            country="IT",
            state=state,
        )
        for i in range(start, start + n)
    )


def test_the_members_screen_costs_the_same_with_10_and_120_members(portal, network, cooperative):
    editor, network_page = network
    member_editor, member_page = cooperative
    client = signed_in(editor)
    signed_in(member_editor)
    with_portal_member = invite(client, network_page, member_page)
    assert with_portal_member.status_code == 302
    add_members(network_page, 0, 10)
    add_members(network_page, 500, 3, state=MembershipState.ENDED)
    few, response = count_queries(client, members_url(network_page))
    add_members(network_page, 10, 110)
    add_members(network_page, 503, 60, state=MembershipState.ENDED)
    many, response = count_queries(client, members_url(network_page))
    assert many == few

    page = response.content.decode()
    active = page[page.index('id="members-active"') : page.index('id="members-to-answer"')]
    assert active.count("<tr>") == 1 + 50  # the heading's row and a page of members
    assert "Page 1 of 3" in active
    assert '?active=2#members-active"' in active  # the next page opens at its section
    history = page[page.index('id="members-history"') :]
    assert "Page 1 of 2" in history and 'history=2#members-history"' in history
    waiting = page[page.index('id="members-waiting"') : page.index('id="invite"')]
    assert "Cooperativa Il Ponte" in waiting and "Page 1 of" not in waiting

    last, response = count_queries(client, members_url(network_page), active=3, history=2)
    assert last == few
    page = response.content.decode()
    active = page[page.index('id="members-active"') : page.index('id="members-to-answer"')]
    assert active.count("<tr>") == 1 + 20
    assert "Member 000" in active  # the oldest last
    assert "Page 3 of 3" in active
    assert "history=2" in active  # the other section's page is kept
    for out_of_range in ({"active": 9}, {"waiting": "x"}):
        assert client.get(members_url(network_page), out_of_range, follow=True).status_code == 404


# The end of a membership ---------------------------------------------------------------------


def test_the_end_of_a_membership_is_emailed_to_the_other_side_only(
    network, cooperative, on_commit, mailoutbox
):
    network_editor, network_page = network
    member_editor, member_page = cooperative
    coordinator, member = signed_in(network_editor), signed_in(member_editor)
    with on_commit():
        invite(coordinator, network_page, member_page)
    withdrawn = Membership.objects.get()
    with on_commit():
        coordinator.post(reverse("networks_end", args=[withdrawn.pk]))
    assert sent("network_ended") == []  # an invitation withdrawn is not a membership ended

    with on_commit():
        invite(coordinator, network_page, member_page)
    membership = Membership.objects.get(state=MembershipState.INVITED)
    with on_commit():
        member.post(reverse("networks_accept", args=[membership.pk]))
        response = coordinator.post(
            reverse("networks_end", args=[membership.pk]), {"next": members_url(network_page)}
        )
    assert response.status_code == 302
    [ended] = sent("network_ended")
    assert ended.to == [member_editor.email]  # the member's users, in their language
    assert ended.language == "el"
    [message] = [m for m in mailoutbox if m.subject == ended.subject]
    assert "Rete Sicilia Lavoro" in message.body and networks_url(member_page) in message.body

    # The organisation ends its membership: the network's users are told.
    with on_commit():
        coordinator.post(members_url(network_page), {"action": "invite"})  # a form error only
        invite(coordinator, network_page, member_page)
        again = Membership.objects.get(state=MembershipState.INVITED)
        member.post(reverse("networks_accept", args=[again.pk]))
        member.post(reverse("networks_end", args=[again.pk]))
    told = sent("network_ended")[-1]
    assert told.to == [network_editor.email]
    assert told.language == "it"
    assert members_url(network_page) in told.body_text

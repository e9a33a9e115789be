"""The emails of a membership's agreement: an invitation to the invited organisation, a request
to join to the network, the answer to whoever proposed it, and the end of a membership to the
side that did not end it; each in the recipient's language (their admin language, else their
organisation's)."""

from django.urls import reverse
from django.utils.translation import override, pgettext

from core.urls import absolute_admin_url, absolute_url
from directory.emails import admin_language, send_to_members
from directory.models import OrganisationPage
from emails import mail

from .models import MembershipRole, MembershipState


def first_version(key):
    return OrganisationPage.objects.select_related("locale").first_version(key)


def members_link(network_key):
    return absolute_admin_url(reverse("networks_members", args=[network_key]))


def networks_link(member_key):
    return absolute_admin_url(reverse("networks_of_organisation", args=[member_key]))


def public_link(key):
    """The organisation's public page (its first live version), else its page in the admin."""
    page = OrganisationPage.objects.live().first_version(key)
    if page is not None:
        return absolute_url(page.get_url())
    return absolute_admin_url(reverse("wagtailadmin_pages:edit", args=[first_version(key).pk]))


def role_name(membership, language):
    with override(language):
        return str(MembershipRole(membership.role).label)


def send_invitation(membership):
    """To the invited organisation's users: which network, in what role, and where to answer."""
    network = first_version(membership.network_key)
    if network is None or first_version(membership.member_key) is None:
        return []  # a side deleted since
    link = public_link(membership.network_key)
    return send_to_members(
        "network_invitation",
        membership.member_key,
        lambda language: {
            "network_name": network.title,
            "network_link": link,
            "membership_role": role_name(membership, language),
            "memberships_link": networks_link(membership.member_key),
        },
    )


def send_request(membership):
    """To the network's users: which organisation asks to join, in what role, where to answer."""
    member = first_version(membership.member_key)
    if member is None or first_version(membership.network_key) is None:
        return []  # a side deleted since
    return send_to_members(
        "network_request",
        membership.network_key,
        lambda language: {
            "network_name": first_version(membership.network_key).title,
            "member_name": member.title,
            "member_link": public_link(membership.member_key),
            "membership_role": role_name(membership, language),
            "memberships_link": members_link(membership.network_key),
        },
    )


def send_answer(membership, proposed_by_network):
    """To who proposed the membership: accepted or declined. Their organisation's other users
    are told instead when the proposer's account is gone or has no address."""
    network = first_version(membership.network_key)
    member = first_version(membership.member_key)
    if network is None or member is None:
        return []  # a side deleted since
    side = network if proposed_by_network else member
    link = (
        members_link(membership.network_key)
        if proposed_by_network
        else networks_link(membership.member_key)
    )

    def values(language):
        with override(language):
            if membership.state == MembershipState.ACTIVE:
                answer = pgettext("membership answer", "accepted")
            else:
                answer = pgettext("membership answer", "declined")
        return {
            "network_name": network.title,
            "member_name": member.title,
            "membership_role": role_name(membership, language),
            "membership_answer": answer,
            "memberships_link": link,
        }

    proposer = membership.created_by
    if proposer is None or not proposer.is_active or not proposer.email:
        return send_to_members("network_answer", side, values)
    language = admin_language(proposer, side.locale.language_code)
    context = {
        "contact_name": proposer.get_full_name() or proposer.email,
        **values(language),
    }
    return [
        mail.send_templated_email(
            "network_answer",
            to=[proposer.email],
            language=language,
            context=context,
            organisation=side,
        )
    ]


def send_ended(membership, ended_by_network):
    """To the users of the side that did not end the membership: who ended it, and where their
    memberships are. A member not on the portal has nobody to tell."""
    network = first_version(membership.network_key)
    member = first_version(membership.member_key) if membership.member_key else None
    if network is None or member is None:
        return []  # not on the portal, or a side deleted since
    told, link = (
        (member, networks_link(membership.member_key))
        if ended_by_network
        else (network, members_link(membership.network_key))
    )
    ender = network if ended_by_network else member
    return send_to_members(
        "network_ended",
        told.translation_key,
        lambda language: {
            "network_name": network.title,
            "member_name": member.title,
            "membership_role": role_name(membership, language),
            "ended_by_name": ender.title,
            "memberships_link": link,
        },
    )

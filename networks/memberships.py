"""The two-sided agreement behind a membership: who may propose, accept, decline or end one.

A network's editors invite an organisation; an organisation's editors ask to join a network.
Only the other side accepts (or declines); either side ends. Every function checks that the user
edits the side it acts for, and refuses with PermissionDenied otherwise, so that no screen can
let an organisation put itself into a network, or a network add an organisation, alone.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.roles import Role
from directory.models import CountryPage

from .models import OPEN_STATES, Membership, MembershipRole, MembershipState


def edits(user, organisation_key):
    """Whether `user` is in the group of the organisation with this translation key."""
    return organisation_key in Role.of(user).organisation_keys


def country_code(organisation):
    """The code of the organisation's country ("" where it is not set)."""
    country = CountryPage.objects.ancestor_of(organisation).first()
    return country.code if country is not None else ""


def _check_pair(network, member):
    if not network.is_network:
        raise ValidationError(_("Only a network or umbrella organisation has members."))
    if member.translation_key == network.translation_key:
        raise ValidationError(_("A network cannot be a member of itself."))


def _propose(network, member, role, user, state):
    _check_pair(network, member)
    if role not in MembershipRole.values:
        raise ValidationError(_("Choose a role among those offered."))
    try:
        with transaction.atomic():
            return Membership.objects.create(
                network_key=network.translation_key,
                member_key=member.translation_key,
                country=country_code(member),
                role=role,
                state=state,
                created_by=user,
            )
    except IntegrityError:
        raise ValidationError(
            _("There is already a membership, an invitation or a request between them.")
        ) from None


def invite(network, member, user, role=MembershipRole.MEMBER):
    """The network invites `member`; public once the member's editors accept."""
    if not edits(user, network.translation_key):
        raise PermissionDenied
    return _propose(network, member, role, user, MembershipState.INVITED)


def ask_to_join(member, network, user, role=MembershipRole.MEMBER):
    """`member` asks to join the network; public once the network's editors accept."""
    if not edits(user, member.translation_key):
        raise PermissionDenied
    return _propose(network, member, role, user, MembershipState.REQUESTED)


def add_outside_member(network, user, name, country="", website="", role=MembershipRole.MEMBER):
    """A member that is not on the portal: the network says so alone (nobody on the other side
    could accept), by its name, country and website."""
    if not edits(user, network.translation_key):
        raise PermissionDenied
    if not network.is_network:
        raise ValidationError(_("Only a network or umbrella organisation has members."))
    if not name.strip():
        raise ValidationError(_("Give the member's name."))
    return Membership.objects.create(
        network_key=network.translation_key,
        outside_name=name.strip(),
        country=country.upper(),
        outside_website=website,
        role=role,
        state=MembershipState.ACTIVE,
        since=timezone.localdate(),
        created_by=user,
        decided_by=user,
        decided_at=timezone.now(),
    )


def answering_side(membership):
    """The translation key of the side whose acceptance is awaited, or None."""
    if membership.state == MembershipState.INVITED:
        return membership.member_key
    if membership.state == MembershipState.REQUESTED:
        return membership.network_key
    return None


def _answer(membership, user, state):
    side = answering_side(membership)
    if side is None:
        raise ValidationError(_("This membership waits for nobody's answer."))
    if not edits(user, side):
        raise PermissionDenied
    membership.state = state
    membership.decided_by, membership.decided_at = user, timezone.now()
    if state == MembershipState.ACTIVE:
        membership.since = membership.since or timezone.localdate()
    membership.save()
    return membership


def accept(membership, user):
    """The other side accepts: the membership is public from today."""
    return _answer(membership, user, MembershipState.ACTIVE)


def decline(membership, user):
    return _answer(membership, user, MembershipState.DECLINED)


def end(membership, user):
    """Either side ends the membership (or withdraws its proposal): it ends today and is kept
    as history."""
    if not (edits(user, membership.network_key) or edits(user, membership.member_key)):
        raise PermissionDenied
    if membership.state not in OPEN_STATES:
        raise ValidationError(_("This membership has already ended."))
    membership.state = MembershipState.ENDED
    membership.until = timezone.localdate()
    membership.ended_by = user
    membership.save()
    return membership

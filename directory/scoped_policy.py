"""The permission policy of rows that belong to organisations: who may do what to which row is
decided by querysets, row by row (the mechanism: `core.policies.RowScopePolicy`).

Used by the messages written to organisations (`OrganisationMessagePolicy`: citizens' enquiries,
expressions of interest): an organisation's people act on their own rows (`own_rows`);
facilitators and central staff read those of the organisations they follow (`readable_rows`).
"""

import operator
from functools import reduce

from django.db.models import Q

from core.policies import RowScopePolicy
from core.roles import Role, follow_up_users, organisation_members
from directory.listing import under_any


def country_organisation_keys(codes):
    """The translation keys of the organisations under the countries with these codes."""
    from directory.models import CountryPage, OrganisationPage

    countries = CountryPage.objects.filter(code__in=codes)
    return OrganisationPage.objects.filter(under_any(countries)).values("translation_key")


def _any_of(fields, keys):
    return reduce(operator.or_, (Q(**{f"{field}__in": keys}) for field in fields))


def readable_rows(rows, user, *fields):
    """The `rows` the user reads: central staff all of them; anyone else those whose
    organisation `fields` (translation keys) name one of their own organisations or, for a
    facilitator, an organisation of their countries."""
    role = Role.of(user)
    if not role.is_active:
        return rows.none()
    if role.is_central_staff:
        return rows
    scope = _any_of(fields, role.organisation_keys)
    if role.country_codes:
        scope |= _any_of(fields, country_organisation_keys(role.country_codes))
    return rows.filter(scope)


def own_rows(rows, user, field):
    """The `rows` whose organisation `field` names one of the user's own organisations
    (superusers: all of them): those its people act on."""
    role = Role.of(user)
    if not role.is_active:
        return rows.none()
    if role.is_superuser:
        return rows
    return rows.filter(**{f"{field}__in": role.organisation_keys})


class OrganisationRowsPolicy(RowScopePolicy):
    """Subclasses set `scopes`. `read_action` is held by organisations' people, facilitators and
    central staff; every other action by organisations' people and superusers only."""

    read_action = "view"

    def holds(self, role, action):
        if action == self.read_action:
            return role.is_member or role.follows_up
        return role.is_superuser or role.is_member

    def holders(self, actions):
        holders = Q(is_superuser=True) | organisation_members()
        if self.read_action in actions:
            holders |= follow_up_users()
        return holders


class OrganisationMessagePolicy(OrganisationRowsPolicy):
    """The policy of a kind of message to organisations (`directory.models.message`): "view" for
    the people and facilitators of every organisation it names (the model's `reader_keys`), and
    "answer" for the people of the organisation it is written to (its `recipient_key`)."""

    def __init__(self, model):
        super().__init__(model)
        self.scopes = {"view": self.readable, "answer": self.answerable}

    def readable(self, user):
        return readable_rows(self.model.objects.all(), user, *self.model.reader_keys)

    def answerable(self, user):
        return own_rows(self.model.objects.all(), user, self.model.recipient_key)

    def waiting(self, user):
        """The messages still awaiting an answer that `user` looks after: those written to their
        own organisations, to the organisations of the countries they facilitate, and for
        central staff every one (the count in the admin's menu)."""
        waiting = self.model.objects.filter(status=self.model.Status.NEW)
        return readable_rows(waiting, user, self.model.recipient_key)

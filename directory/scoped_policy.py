"""A permission policy for rows that belong to organisations: who may do what to which row is
decided by querysets, row by row, not by Django model permissions.

Used by citizens' messages (directory/enquiry_admin.py) and by expressions of interest
(collaboration/admin.py): an organisation's people act on their own rows (`own_rows`);
facilitators and central staff read those of the organisations they follow (`readable_rows`).
"""

import operator
from functools import reduce

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from directory.listing import under_any
from directory.models.account import OrganisationAccount
from directory.models.workflow import (
    CENTRAL_STAFF,
    FACILITATORS_PREFIX,
    facilitated_country_codes,
    is_central_staff,
)


def own_organisation_keys(user):
    """The translation keys of the organisations whose group the user is in (a subquery)."""
    return OrganisationAccount.objects.filter(group__user=user).values("translation_key")


def country_organisation_keys(codes):
    """The translation keys of the organisations under the countries with these codes."""
    from directory.models import CountryPage, OrganisationPage

    countries = CountryPage.objects.filter(code__in=codes)
    return OrganisationPage.objects.filter(under_any(countries)).values("translation_key")


def _active(user):
    return user.is_authenticated and user.is_active


def _any_of(fields, keys):
    return reduce(operator.or_, (Q(**{f"{field}__in": keys}) for field in fields))


def readable_rows(rows, user, *fields):
    """The `rows` the user reads: central staff all of them; anyone else those whose
    organisation `fields` (translation keys) name one of their own organisations or, for a
    facilitator, an organisation of their countries."""
    if not _active(user):
        return rows.none()
    if is_central_staff(user):
        return rows
    scope = _any_of(fields, own_organisation_keys(user))
    if codes := facilitated_country_codes(user):
        scope |= _any_of(fields, country_organisation_keys(codes))
    return rows.filter(scope)


def own_rows(rows, user, field):
    """The `rows` whose organisation `field` names one of the user's own organisations
    (superusers: all of them): those its people act on."""
    if not _active(user):
        return rows.none()
    if user.is_superuser:
        return rows
    return rows.filter(**{f"{field}__in": own_organisation_keys(user)})


class RowScopePolicy(BasePermissionPolicy):
    """Subclasses set `scopes`, {action: function(user) -> the rows the user may act on}.

    `read_action` is held by organisations' people, facilitators and central staff; every other
    action by organisations' people and superusers only. Which rows, `scopes` decides."""

    scopes = {}
    read_action = "view"

    def user_has_permission(self, user, action):
        if not _active(user) or action not in self.scopes:
            return False
        member = OrganisationAccount.objects.filter(group__user=user).exists()
        if action == self.read_action:
            return member or is_central_staff(user) or bool(facilitated_country_codes(user))
        return user.is_superuser or member

    def _instances(self, user, action):
        scope = self.scopes.get(action)
        return scope(user) if scope else self.model.objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return self._instances(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        result = self.model.objects.none()
        for action in actions:
            result = result | self._instances(user, action)
        return result

    def users_with_any_permission(self, actions):
        actions = set(actions) & set(self.scopes)
        users = get_user_model().objects.filter(is_active=True)
        if not actions:
            return users.none()
        members = Q(is_superuser=True) | Q(groups__organisation_account__isnull=False)
        if self.read_action in actions:
            members |= Q(groups__name=CENTRAL_STAFF)
            members |= Q(groups__name__startswith=FACILITATORS_PREFIX)
        return users.filter(members).distinct()

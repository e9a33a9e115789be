"""Permission policies for rows that are scoped by who the user is, not by Django model
permissions.

`RowScopePolicy` is the mechanism: a subclass says, per action, whether the user holds it at all
(`holds`), which rows it reaches (`scopes`, {action: function(user) -> queryset}) and which users
hold it (`holders`). Every screen Wagtail builds on the policy (list, inspect, edit, delete, the
buttons) then asks it, row by row, and a row outside the user's scope is refused by direct URL.

What the scopes are depends on the rows: `directory.scoped_policy` gives the organisations'
messages theirs, `facilitators.contacts` the contact log's.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from core.roles import Role, active_users


class RowScopePolicy(BasePermissionPolicy):
    scopes = {}

    def holds(self, role, action):
        """Whether a user with `role` holds `action` on some rows (which ones: `scopes`)."""
        raise NotImplementedError

    def holders(self, actions):
        """A filter (Q) on users for those who hold any of `actions` (all in `scopes`)."""
        raise NotImplementedError

    def user_has_permission(self, user, action):
        role = Role.of(user)
        return role.is_active and action in self.scopes and self.holds(role, action)

    def rows(self, user, action):
        """The rows on which `user` holds `action` (none for an action the policy does not know)."""
        scope = self.scopes.get(action)
        return scope(user) if scope else self.model.objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.rows(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        result = self.model.objects.none()
        for action in actions:
            result = result | self.rows(user, action)
        return result

    def users_with_any_permission(self, actions):
        actions = set(actions) & set(self.scopes)
        if not actions:
            return get_user_model().objects.none()
        return active_users(self.holders(actions))

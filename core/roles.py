"""Who a user is on the portal: the one place that reads it from their groups.

Rights on the portal come from Django groups, named by convention:

- "Central staff" (and every superuser): follow every country and organisation;
- "Facilitators: <code>" (one per country, "Facilitators: country not set" for the page of
  organisations still without a country): follow the organisations of that country;
- an organisation's own group (the directory ties it to the organisation's translation key
  through `OrganisationAccount`): act on that organisation's pages and messages.

`Role.of(user)` reads all of it in one query and keeps it on the user object, which lives as long
as the request: every check of the request shares it. Code that changes a user's groups and keeps
using the same user object calls `Role.forget(user)`.

This module knows groups and translation keys only; the directory turns them into pages
(`OrganisationPage.objects.followed_by(user)`, `directory.scoped_policy`).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

CENTRAL_STAFF = "Central staff"
FACILITATORS_PREFIX = "Facilitators: "
COUNTRY_NOT_SET = "country not set"

# The relation from a group to its organisation's translation key: declared by the directory's
# `OrganisationAccount.group` (related_name "organisation_account"), read here by name only.
ORGANISATION_GROUP = "organisation_account"
ORGANISATION_KEY = f"{ORGANISATION_GROUP}__translation_key"

_CACHE = "_portal_role"  # the one attribute set on user objects


def facilitators_group_name(code):
    """The name of the group of the facilitators of the country with this code ("": not set)."""
    return f"{FACILITATORS_PREFIX}{code or COUNTRY_NOT_SET}"


def country_code_of_group(name):
    """The country code a facilitators' group name stands for, or None for any other group."""
    if not name.startswith(FACILITATORS_PREFIX):
        return None
    code = name[len(FACILITATORS_PREFIX) :]
    return "" if code == COUNTRY_NOT_SET else code


class Role:
    """What `user` is on the portal. Build it with `Role.of(user)`."""

    def __init__(self, user):
        self.user = user
        self.is_active = bool(user.is_authenticated and user.is_active)
        self.is_superuser = self.is_active and user.is_superuser
        names, keys = set(), set()
        if self.is_active:
            for name, key in user.groups.values_list("name", ORGANISATION_KEY):
                names.add(name)
                if key is not None:
                    keys.add(key)
        self.group_names = frozenset(names)
        self.is_central_staff = self.is_superuser or CENTRAL_STAFF in names
        codes = (country_code_of_group(name) for name in names)
        # The codes of the countries the user facilitates ("" for the country-not-set page).
        self.country_codes = frozenset(code for code in codes if code is not None)
        # The translation keys of the organisations whose group the user is in.
        self.organisation_keys = frozenset(keys)

    @classmethod
    def of(cls, user):
        """The user's role, read once per user object (that is, once per request)."""
        role = getattr(user, _CACHE, None)
        if role is None:
            role = cls(user)
            setattr(user, _CACHE, role)
        return role

    @staticmethod
    def forget(user):
        """Drop the role kept on `user`, after its groups changed."""
        if hasattr(user, _CACHE):
            delattr(user, _CACHE)

    @property
    def is_facilitator(self):
        return bool(self.country_codes)

    @property
    def follows_up(self):
        """Central staff and facilitators follow organisations up; nobody else does."""
        return self.is_central_staff or self.is_facilitator

    @property
    def is_member(self):
        """Whether the user belongs to at least one organisation."""
        return bool(self.organisation_keys)

    @property
    def is_staff(self):
        """Superusers, central staff and facilitators: the admin is not narrowed to one corner."""
        return self.is_superuser or self.is_central_staff or bool(self.country_codes)

    @property
    def is_scoped(self):
        """Every other signed-in user sees only its own corner of the admin (default deny)."""
        return self.user.is_authenticated and not self.is_staff

    def facilitates_country(self, code):
        """Whether the user follows the country with this code (central staff: every one)."""
        return self.is_central_staff or code in self.country_codes

    def belongs_to(self, translation_key):
        return translation_key in self.organisation_keys


# The same conventions, as filters on users (for "who holds this permission") -------------------


def central_staff_users():
    return Q(is_superuser=True) | Q(groups__name=CENTRAL_STAFF)


def follow_up_users():
    return central_staff_users() | Q(groups__name__startswith=FACILITATORS_PREFIX)


def organisation_members():
    return Q(**{f"groups__{ORGANISATION_GROUP}__isnull": False})


def active_users(condition):
    return get_user_model().objects.filter(is_active=True).filter(condition).distinct()

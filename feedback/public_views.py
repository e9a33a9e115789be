"""The public pages that are plain views, not Wagtail pages, that readers may answer about.

A small registry, not every address: each key is the view's URL name (portal/urls.py), short and
stable, and an answer about it keeps only that key (never the query string nor anything else
about the request). Only views that show the same page to every reader and take no argument are
listed: a page behind a personal link (a confirmation, a subscription's management) is not.
Their answers belong to no country and no organisation: central staff alone see them.
"""

from django.utils.translation import gettext_lazy as _

#: URL name → its name in the admin's report.
PUBLIC_VIEWS = {
    "search": _("Search"),
    "register": _("Register an organisation"),
    "register_sent": _("Registration: check your email"),
    "subscriptions_sent": _("Subscription: check your email"),
}

#: The longest key kept (the model's field).
KEY_MAX_LENGTH = 50


def is_public_view(key):
    return key in PUBLIC_VIEWS


def view_label(key):
    """The view's name in the admin (its key, if it has left the registry)."""
    return PUBLIC_VIEWS.get(key, key)

"""Who asked for the portal's emails, and what: no account, only an address and a language.

A subscriber is written when the form is sent, unconfirmed; the link of the confirmation email
confirms it (double opt-in) and applies the choices the link carries. Unconfirmed rows are
purged after PORTAL_SUBSCRIPTION_UNCONFIRMED_DAYS. Nothing else about the person is kept: the
address, the language of the emails, when they consented and to which version of the text.

Addresses that must not receive bulk email (the provider reported a bounce or a complaint) are
kept as a keyed hash only (`Suppression`).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

HASH_SALT = "subscriptions.address"


def address_hash(email):
    """A keyed hash of an address, to recognise it without keeping it."""
    return salted_hmac(HASH_SALT, email.strip().lower()).hexdigest()


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    NEWSLETTER = "newsletter", _("Best-practice newsletter")
    SEARCH = "search", _("New results of a search")


class Listing(models.TextChoices):
    """The public listings a search alert may watch (each run by `search.alerts.LISTINGS`)."""

    SEARCH = "search", _("Search of services and organisations")
    NEWS = "news", _("News")
    CALLS = "calls", _("Calls for collaboration")
    GOOD_PRACTICES = "good_practices", _("Good practices")
    COUNTRY = "country", _("Organisations of a country")
    NETWORKS = "networks", _("Networks")


class Subscriber(models.Model):
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=12, choices=settings.LANGUAGES)
    # Part of every signed link: a link stops working when the subscriber is deleted and
    # written again, even with the same primary key.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    consent_at = models.DateTimeField(_("consent given"))
    consent_version = models.CharField(_("version of the consent text"), max_length=20)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        # Rows are written by the subscribers themselves: staff look, nobody edits consent.
        default_permissions = ("view",)

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class Subscription(models.Model):
    """One thing a subscriber receives. News may be limited to countries (ISO codes, none means
    every country); an alert keeps the search it watches: which listing, its words, filters and
    language."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField(_("what"), max_length=12, choices=Kind.choices)
    countries = models.JSONField(_("countries"), default=list, blank=True)
    listing = models.CharField(
        _("listing searched"), max_length=20, choices=Listing.choices, default=Listing.SEARCH
    )
    query = models.CharField(_("search words"), max_length=200, blank=True)
    filters = models.JSONField(_("search filters"), default=dict, blank=True)
    search_language = models.CharField(_("language of the search"), max_length=12, blank=True)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["kind", "pk"]
        default_permissions = ("view",)
        constraints = [
            # News and the newsletter once per subscriber; searches as many as they save.
            models.UniqueConstraint(
                fields=["subscriber", "kind"],
                condition=~models.Q(kind="search"),
                name="one_subscription_of_a_kind",
            )
        ]

    def __str__(self):
        return self.get_kind_display()

    def describe_search(self):
        """The saved search in a line, for its subscriber: which listing, the words, the
        filters' values."""
        return describe_search(self.listing, self.query, self.filters)


#: The hook through which the app that runs saved searches (search/alerts.py) describes them in
#: the active language, with their filters' names: fn([(listing, query, filters)]) -> [text].
DESCRIBE_HOOK = "describe_saved_searches"


def describe_search(listing, query, filters):
    """A saved search in a line, in the active language (see `describe_searches`)."""
    return describe_searches([(listing, query, filters)])[0]


def describe_searches(searches):
    """Saved searches ([(listing, query, filters)]), each in a line, in the active language:
    "News: words · Italy · Training" as its listing names its filters (`DESCRIBE_HOOK`), else
    with the filters as stored: "News: “words” (country: it; category: training)"."""
    for describe in hooks.get_hooks(DESCRIBE_HOOK):
        return describe(searches)
    return [_as_stored(*search) for search in searches]


def _as_stored(listing, query, filters):
    name = dict(Listing.choices).get(listing, listing)
    words = f"“{query}”" if query else _("everything")
    chosen = "; ".join(f"{key}: {', '.join(values)}" for key, values in sorted(filters.items()))
    return f"{name}: {words}" + (f" ({chosen})" if chosen else "")


class Suppression(models.Model):
    """An address the portal sends no bulk email to, as a keyed hash (`address_hash`)."""

    class Reason(models.TextChoices):
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")

    address_hash = models.CharField(_("address (hashed)"), max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.get_reason_display()} · {self.created_at:%Y-%m-%d}"

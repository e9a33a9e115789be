"""The signed links of the subscriptions: confirm (PORTAL_SUBSCRIPTION_LINK_DAYS), manage and
unsubscribe (as long as the subscription lasts). Each names the subscriber by its id and its
random key, so a link stops working once the subscriber is deleted."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.urls import absolute_admin_url

from .models import Subscriber, Subscription

CONFIRM, MANAGE, UNSUBSCRIBE = (
    "subscriptions.confirm",
    "subscriptions.manage",
    "subscriptions.unsubscribe",
)
#: In an unsubscribe link: every subscription of the subscriber, rather than one.
ALL = 0


class LinkRefused(Exception):
    """A link that changes nothing, with the status and the message that say why."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def link_days():
    return settings.PORTAL_SUBSCRIPTION_LINK_DAYS


def _dumps(salt, subscriber, **extra):
    return signing.dumps(
        {"s": subscriber.pk, "k": subscriber.key.hex, **extra}, salt=salt, compress=True
    )


def confirm_token(subscriber, choices):
    return _dumps(CONFIRM, subscriber, c=choices)


def manage_token(subscriber):
    return _dumps(MANAGE, subscriber)


def unsubscribe_token(subscriber, subscription=None):
    return _dumps(UNSUBSCRIBE, subscriber, u=subscription.pk if subscription else ALL)


def absolute_url(name, token, language):
    """The absolute address of a link, in the subscriber's language."""
    with translation.override(language):
        return absolute_admin_url(reverse(name, args=[token]))


def confirm_url(subscriber, choices):
    return absolute_url("subscriptions_confirm", confirm_token(subscriber, choices), choices["l"])


def manage_url(subscriber):
    return absolute_url("subscriptions_manage", manage_token(subscriber), subscriber.language)


def unsubscribe_url(subscriber, subscription=None):
    token = unsubscribe_token(subscriber, subscription)
    return absolute_url("subscriptions_unsubscribe", token, subscriber.language)


def read(token, salt, max_age=None):
    """(subscriber, payload) a link names; LinkRefused when it is changed, expired, or its
    subscriber is gone."""
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkRefused(
            410, _("This link has expired. Please fill in the subscription form again.")
        ) from None
    except signing.BadSignature:
        raise LinkRefused(
            400, _("This link is not complete or has been changed. Please copy it again.")
        ) from None
    subscriber = Subscriber.objects.filter(pk=payload.get("s"), key=payload.get("k")).first()
    if subscriber is None:
        raise LinkRefused(
            410, _("There is no subscription for this link any more: nothing will be sent.")
        )
    return subscriber, payload


def read_confirm(token):
    return read(token, CONFIRM, max_age=link_days() * 24 * 60 * 60)


def read_manage(token):
    return read(token, MANAGE)


def read_unsubscribe(token):
    """(subscriber, the subscriptions the link ends)."""
    subscriber, payload = read(token, UNSUBSCRIBE)
    subscriptions = Subscription.objects.filter(subscriber=subscriber)
    if payload.get("u", ALL) != ALL:
        subscriptions = subscriptions.filter(pk=payload["u"])
    return subscriber, subscriptions

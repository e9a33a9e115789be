"""Confirmed subscribers for the digests' tests, and the moment a digest command runs."""

import datetime

from django.utils import timezone

from directory import listing_rows
from directory.models import ListingRow
from subscriptions.forms import CONSENT_VERSION
from subscriptions.models import Kind, Subscriber, Subscription

_count = iter(range(10_000))


def subscriber(language="en", email=None, confirmed=True):
    now = timezone.now()
    return Subscriber.objects.create(
        email=email or f"reader{next(_count)}@example.org",
        language=language,
        confirmed_at=now if confirmed else None,
        consent_at=now,
        consent_version=CONSENT_VERSION,
    )


def backdate(subscription, minutes=60):
    """As if subscribed `minutes` ago: what was listed before stays old news."""
    Subscription.objects.filter(pk=subscription.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )
    subscription.refresh_from_db()
    return subscription


def listed_long_ago():
    """Everything listed so far was listed two hours ago, before any alert in these tests."""
    listing_rows.current()
    ListingRow.objects.update(listed_at=timezone.now() - datetime.timedelta(hours=2))


def search_alert(
    language="en", query="", filters=None, search_language=None, listing="search", **who
):
    return backdate(
        Subscription.objects.create(
            subscriber=subscriber(language, **who),
            kind=Kind.SEARCH,
            listing=listing,
            query=query,
            filters=filters or {},
            search_language=search_language or language,
        )
    )


def news_subscription(language="en", countries=(), **who):
    return backdate(
        Subscription.objects.create(
            subscriber=subscriber(language, **who), kind=Kind.NEWS, countries=list(countries)
        )
    )

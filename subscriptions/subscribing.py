"""Subscribing and confirming: the work behind the forms and the links.

The form's answer is the same whether or not the address is known, and so is the work done:
one email with a confirmation link to the address. A new address is written as an unconfirmed
subscriber; a known one is left as it is until its owner confirms. The choices travel in the
signed link, so that a stranger cannot change anyone's subscriptions, and confirming applies
them (`confirm`): no duplicate, whatever is sent twice.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .forms import CONSENT_VERSION
from .mail import send_confirmation
from .models import Kind, Listing, Subscriber, Subscription


def subscriber_for(email, language, now):
    """The subscriber with `email`, written (unconfirmed) if new."""
    try:
        with transaction.atomic():
            return Subscriber.objects.get_or_create(
                email=email,
                defaults={
                    "language": language,
                    "consent_at": now,
                    "consent_version": CONSENT_VERSION,
                },
            )[0]
    except IntegrityError:  # the same address sent at the same moment
        return Subscriber.objects.get(email=email)


def request_subscription(email, choices):
    """Write the address if new and send it the confirmation link. Returns nothing to tell."""
    now = timezone.now()
    choices = {**choices, "t": now.isoformat(), "v": CONSENT_VERSION}
    with transaction.atomic():
        subscriber = subscriber_for(email, choices["l"], now)
        send_confirmation(subscriber, choices)


@transaction.atomic
def confirm(subscriber, choices):
    """Apply what the confirmation link carries: the subscriber is confirmed, in the language
    chosen, with the consent given when the form was sent."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    now = timezone.now()
    subscriber.confirmed_at = subscriber.confirmed_at or now
    subscriber.language = choices["l"]
    subscriber.consent_at = choices.get("t") or now
    subscriber.consent_version = choices.get("v") or CONSENT_VERSION
    subscriber.save(update_fields=["confirmed_at", "language", "consent_at", "consent_version"])
    if choices.get("news"):
        Subscription.objects.update_or_create(
            subscriber=subscriber, kind=Kind.NEWS, defaults={"countries": choices["countries"]}
        )
    if choices.get("newsletter"):
        Subscription.objects.get_or_create(subscriber=subscriber, kind=Kind.NEWSLETTER)
    if search := choices.get("search"):
        Subscription.objects.get_or_create(
            subscriber=subscriber,
            kind=Kind.SEARCH,
            listing=search.get("n", Listing.SEARCH),  # links sent before listings were named
            query=search["q"],
            filters=search["f"],
            search_language=search["l"],
        )
    return subscriber


@transaction.atomic
def change(subscriber, data):
    """The subscriber's own page: their choices as they now want them. Nothing left: the
    subscriber is deleted (returns None)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriptions = subscriber.subscriptions.all()
    if data["news"]:
        Subscription.objects.update_or_create(
            subscriber=subscriber, kind=Kind.NEWS, defaults={"countries": sorted(data["countries"])}
        )
    else:
        subscriptions.filter(kind=Kind.NEWS).delete()
    if data["newsletter"]:
        Subscription.objects.get_or_create(subscriber=subscriber, kind=Kind.NEWSLETTER)
    else:
        subscriptions.filter(kind=Kind.NEWSLETTER).delete()
    subscriptions.filter(kind=Kind.SEARCH).exclude(pk__in=data["searches"]).delete()
    return end_if_empty(subscriber, language=data["language"])


def end_if_empty(subscriber, language=None):
    """Delete a subscriber left with no subscription (None); else save its language."""
    if not subscriber.subscriptions.exists():
        subscriber.delete()
        return None
    if language and language != subscriber.language:
        subscriber.language = language
        subscriber.save(update_fields=["language"])
    return subscriber


@transaction.atomic
def unsubscribe(subscriber, subscriptions):
    subscriptions.delete()
    end_if_empty(subscriber)


def purge_unconfirmed(days, now=None):
    """Delete the subscribers who did not confirm within `days`. Returns how many."""
    since = (now or timezone.now()) - timezone.timedelta(days=days)
    stale = Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=since)
    _total, by_model = stale.delete()
    return by_model.get(Subscriber._meta.label, 0)

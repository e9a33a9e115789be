"""Demo subscribers: in each language, a few confirmed addresses (on example.org) receiving the
news (all countries, or one), the newsletter, or an alert for a search, so that the admin's
list of subscribers and its counts show something."""

from django.utils import timezone

from subscriptions.forms import CONSENT_VERSION
from subscriptions.models import Kind, Subscriber, Subscription

#: (address, language, [(kind, countries, search words)])
DEMO_SUBSCRIBERS = [
    ("sarah.jones@example.org", "en", [(Kind.NEWS, [], ""), (Kind.NEWSLETTER, [], "")]),
    ("daniel.smith@example.org", "en", [(Kind.SEARCH, [], "job club")]),
    ("giulia.ferrari@example.org", "it", [(Kind.NEWS, ["IT"], ""), (Kind.NEWSLETTER, [], "")]),
    ("marco.esposito@example.org", "it", [(Kind.SEARCH, [], "corso di italiano")]),
    ("eleni.georgiou@example.org", "el", [(Kind.NEWS, ["GR"], "")]),
    ("nikos.pappas@example.org", "el", [(Kind.NEWSLETTER, [], "")]),
    ("layla.haddad@example.org", "ar", [(Kind.NEWS, ["LB", "JO"], "")]),
    ("omar.khalil@example.org", "ar", [(Kind.NEWSLETTER, [], ""), (Kind.SEARCH, [], "تدريب")]),
]


def ensure_demo_subscribers():
    """Add the demo subscribers that are missing. Returns how many were added."""
    now = timezone.now()
    added = 0
    for email, language, subscriptions in DEMO_SUBSCRIBERS:
        subscriber, created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "language": language,
                "confirmed_at": now,
                "consent_at": now,
                "consent_version": CONSENT_VERSION,
            },
        )
        if not created:
            continue
        added += 1
        for kind, countries, words in subscriptions:
            Subscription.objects.create(
                subscriber=subscriber,
                kind=kind,
                countries=countries,
                query=words,
                search_language=language if kind == Kind.SEARCH else "",
            )
    return added

"""Demo subscribers: in each language, a few confirmed addresses (on example.org) receiving the
news (all countries, or one), the newsletter, or an alert for a saved search (words, filters),
so that the admin's list of subscribers and its counts show something, and
`send_search_alerts` and `send_news_digest` have someone to write to once new content is
published."""

from django.utils import timezone

from directory import listing_rows
from subscriptions.forms import CONSENT_VERSION
from subscriptions.models import Kind, Listing, Subscriber, Subscription

#: (address, language, [(kind, countries, search words, search filters[, listing])]): the
#: searches as a listing's "Email me new results" saves them (the directory's search unless
#: another listing is named), in the subscriber's language.
DEMO_SUBSCRIBERS = [
    ("sarah.jones@example.org", "en", [(Kind.NEWS, [], "", {}), (Kind.NEWSLETTER, [], "", {})]),
    (
        "daniel.smith@example.org",
        "en",
        [(Kind.SEARCH, [], "job club", {"kind": ["all-services"]})],
    ),
    (
        "giulia.ferrari@example.org",
        "it",
        [(Kind.NEWS, ["IT"], "", {}), (Kind.NEWSLETTER, [], "", {})],
    ),
    (
        "marco.esposito@example.org",
        "it",
        [(Kind.SEARCH, [], "corso di italiano", {"country": ["it"]})],
    ),
    (
        "eleni.georgiou@example.org",
        "el",
        [(Kind.NEWS, ["GR"], "", {}), (Kind.SEARCH, [], "", {"place": ["thessaloniki"]})],
    ),
    (
        "nikos.pappas@example.org",
        "el",
        [
            (Kind.NEWSLETTER, [], "", {}),
            (Kind.SEARCH, [], "", {"expertise": ["employment"]}, Listing.CALLS),
        ],
    ),
    ("layla.haddad@example.org", "ar", [(Kind.NEWS, ["LB", "JO"], "", {})]),
    (
        "omar.khalil@example.org",
        "ar",
        [(Kind.NEWSLETTER, [], "", {}), (Kind.SEARCH, [], "تدريب", {"country": ["lb"]})],
    ),
]


def ensure_demo_subscribers():
    """Add the demo subscribers that are missing. Returns how many were added."""
    # The demo's content is listed before its readers subscribe: their first alert or digest
    # holds only what is published after the seeding, not the whole demo.
    listing_rows.current()
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
        for kind, countries, words, filters, *listing in subscriptions:
            Subscription.objects.create(
                subscriber=subscriber,
                kind=kind,
                listing=listing[0] if listing else Listing.SEARCH,
                countries=countries,
                query=words,
                filters=filters,
                search_language=language if kind == Kind.SEARCH else "",
            )
    return added

"""The subscribers' emails: the confirmation (double opt-in), and the bulk email other apps send
through `send_to_subscriber`, always through the outbox.

Every bulk email carries RFC 8058 one-click unsubscribe (`List-Unsubscribe` with the address of
a POST endpoint, and `List-Unsubscribe-Post`), and ends with a visible unsubscribe link (whose
page only shows a button: link scanners open links) and the link to manage every subscription.
Nothing is sent to a subscriber who has not confirmed, nor to an address the provider reported
as bouncing or complaining (`is_suppressed`).

    for subscription in recipients(Kind.NEWS, country="IT"):
        send_to_subscriber(subscription, subject=..., body=..., template_key="...")
"""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext

from emails import mail
from emails.models import TemplateKey

from . import links
from .forms import country_names
from .models import Kind, Subscription, Suppression, address_hash


def is_suppressed(email):
    return Suppression.objects.filter(address_hash=address_hash(email)).exists()


def suppression_reason(addresses):
    """Why bulk email to `addresses` must not leave ("" when it may): the outbox asks just before
    sending (`emails.mail.register_suppression_check`), so that a bounce or a complaint reported
    after an email was queued still stops it. One query."""
    hashes = [address_hash(address) for address in addresses]
    found = Suppression.objects.filter(address_hash__in=hashes).order_by("created_at").first()
    if found is None:
        return ""
    return (
        f"Not sent: the address is suppressed ({found.reason}, reported by the provider on "
        f"{found.created_at:%Y-%m-%d}): no bulk email goes to it any more."
    )


def suppress(email, reason):
    """Send no more bulk email to `email` (kept as a keyed hash only)."""
    try:
        with transaction.atomic():
            Suppression.objects.get_or_create(
                address_hash=address_hash(email), defaults={"reason": reason}
            )
    except IntegrityError:  # the same address reported twice at the same moment
        pass


def recipients(kind, country=""):
    """The confirmed, not suppressed subscriptions of `kind` (news of `country`: those for every
    country and those that name it), with their subscribers."""
    subscriptions = (
        Subscription.objects.filter(kind=kind, subscriber__confirmed_at__isnull=False)
        .select_related("subscriber")
        .order_by("pk")
    )
    if country:
        subscriptions = subscriptions.filter(
            Q(countries=[]) | Q(countries__contains=[country.upper()])
        )
    subscriptions = list(subscriptions)
    hashes = {address_hash(s.subscriber.email): s for s in subscriptions}
    stopped = set(
        Suppression.objects.filter(address_hash__in=list(hashes)).values_list(
            "address_hash", flat=True
        )
    )
    return [s for s in subscriptions if address_hash(s.subscriber.email) not in stopped]


def unsubscribe_headers(url):
    """RFC 8058 one-click unsubscribe: the provider's or the reader's mail program POSTs
    "List-Unsubscribe=One-Click" to `url`."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def footer(subscription, unsubscribe_url, manage_url):
    """The end of every bulk email, in the subscriber's language."""
    with translation.override(subscription.subscriber.language):
        return "\n".join(
            [
                "",
                "-- ",
                gettext("You receive this email because you subscribed to: %(what)s.")
                % {"what": subscription.get_kind_display()},
                gettext("Unsubscribe: %(url)s") % {"url": unsubscribe_url},
                gettext("Change or end all your subscriptions: %(url)s") % {"url": manage_url},
            ]
        )


def send_to_subscriber(subscription, *, subject, body, template_key=""):
    """Queue one bulk email to a subscription's subscriber, in the outbox. None when nothing may
    be sent: the subscription is gone or unconfirmed, or the address is suppressed."""
    subscription = (
        Subscription.objects.filter(pk=subscription.pk, subscriber__confirmed_at__isnull=False)
        .select_related("subscriber")
        .first()
    )
    if subscription is None:
        return None
    if is_suppressed(subscription.subscriber.email):
        return None
    return queue_to_subscriber(subscription, subject=subject, body=body, template_key=template_key)


def queue_to_subscriber(subscription, *, subject, body, template_key=""):
    """`send_to_subscriber` for a subscription just read from `recipients` (confirmed, not
    suppressed): the email queued without reading them again. An address suppressed since is
    still stopped when the email is sent (the outbox's bulk check)."""
    subscriber = subscription.subscriber
    unsubscribe_url = links.unsubscribe_url(subscriber, subscription)
    return mail.queue_email(
        to=[subscriber.email],
        subject=subject,
        body=body.rstrip()
        + "\n"
        + footer(subscription, unsubscribe_url, links.manage_url(subscriber)),
        language=subscriber.language,
        template_key=template_key,
        headers=unsubscribe_headers(unsubscribe_url),
        bulk=True,
    )


def send_templated_to_subscriber(key, subscription, context):
    """Template `key` in the subscriber's language, sent as `send_to_subscriber` sends."""
    subject, body = mail.render_template(key, subscription.subscriber.language, context)
    return send_to_subscriber(subscription, subject=subject, body=body, template_key=key)


def choices_text(choices, country_names):
    """What a subscriber asked for, one item a line, in the active language."""
    lines = []
    if choices.get("news"):
        countries = [country_names.get(code, code) for code in choices.get("countries", [])]
        lines.append(
            gettext("News: %(countries)s") % {"countries": ", ".join(countries)}
            if countries
            else gettext("News from every country")
        )
    if choices.get("newsletter"):
        lines.append(str(Kind.NEWSLETTER.label))
    if search := choices.get("search"):
        lines.append(
            gettext("New results of the search “%(words)s”")
            % {"words": search.get("q") or gettext("everything")}
        )
    return lines


def send_confirmation(subscriber, choices):
    """The double opt-in email: the choices, and the link (valid for the link days) that
    confirms them, in the language chosen."""
    language = choices["l"]
    with translation.override(language):
        items = choices_text(choices, country_names(choices.get("countries"), language))
    return mail.send_templated_email(
        TemplateKey.SUBSCRIPTION_CONFIRM,
        to=[subscriber.email],
        language=language,
        context={
            "confirm_link": links.confirm_url(subscriber, choices),
            "subscription_choices": items,
            "link_days": links.link_days(),
        },
    )

"""What the periodic digests share (the new results of a saved search, the news): which time
window each subscription's digest covers, and sending it once.

A digest covers what became listed after the subscription's last digest (or, for the first one,
after it was created) and up to `until`: a few minutes before the command runs
(`SETTLE`), so that content whose listing rows another process was writing at that moment,
not yet committed, falls in the next window rather than in none. `send_digest` moves the
subscription's `last_sent_at` from what was read to `until` and queues the email in one
transaction: a command run twice, or two at once, sends each digest once.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from .mail import queue_to_subscriber
from .models import Subscription

#: How far behind the present a digest's window ends (see the module's docstring).
SETTLE = datetime.timedelta(minutes=5)


def window_end(now=None):
    return (now or timezone.now()) - SETTLE


def since(subscription):
    """Where the subscription's next digest starts."""
    return subscription.last_sent_at or subscription.created_at


def send_digest(subscription, texts, context, until):
    """Queue template `texts` (an `emails.mail.TemplateTexts`) with `context` to the
    subscription (read from `recipients`), in its subscriber's language, and record that its
    digests now run to `until`. None, sending nothing, when another run has sent this digest
    since the subscription was read."""
    with transaction.atomic():
        claimed = Subscription.objects.filter(pk=subscription.pk)
        if subscription.last_sent_at is None:
            claimed = claimed.filter(last_sent_at__isnull=True)
        else:
            claimed = claimed.filter(last_sent_at=subscription.last_sent_at)
        if not claimed.update(last_sent_at=until):
            return None
        subscription.last_sent_at = until
        subject, body = texts.render(subscription.subscriber.language, context)
        return queue_to_subscriber(subscription, subject=subject, body=body, template_key=texts.key)

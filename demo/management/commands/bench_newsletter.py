"""Time sending one newsletter issue to a large list: the outbox rows written, in batches.

    make bench                                  # SQLite file bench.sqlite3
    make bench DATABASE_URL=postgres://...      # PostgreSQL (an empty database of its own)
    manage.py bench_newsletter --subscribers 50000 --json bench-results/newsletter.json

The demo is seeded first if the database has none. The bench's subscribers
(bench-<n>@example.org, confirmed, in the portal's four languages in turn) are written in bulk
once and kept for the next run; a few addresses are suppressed. One issue picking the demo's
good practices, news and calls, in English and Italian, is then sent as "Send now" sends it
(`newsletter.sending`): every copy written to the outbox, one delivery per subscriber. The
figure is the time from the start to the last row written; the target, TARGET_SECONDS for
50,000 subscribers. The issue, its copies and their outbox rows are deleted afterwards, so that
a second run measures the same work.
"""

import json
import time
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from emails.models import OutboxEmail
from home.models import HomePage
from newsletter import sending
from newsletter.models import (
    PICK_TYPES,
    NewsletterDelivery,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsletterSending,
)
from subscriptions.mail import suppress
from subscriptions.models import Kind, Subscriber, Subscription, Suppression, address_hash

TARGET_SECONDS = 60
PREFIX = "bench-"
DOMAIN = "@example.org"
SUPPRESSED_EVERY = 500  # one address in this many bounced


class Command(BaseCommand):
    help = "Time sending one newsletter issue to many confirmed subscribers (outbox rows written)."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=50_000)
        parser.add_argument(
            "--json", dest="json_path", metavar="FILE", help="also write the figures to FILE"
        )

    def handle(self, *args, subscribers, json_path, **options):
        if subscribers < 1:
            raise CommandError("--subscribers must be at least 1.")
        if not HomePage.objects.exists():
            self.stdout.write("Seeding the demo first...")
            call_command("seed_demo", verbosity=0)
        self._subscribers(subscribers)
        issue = self._issue()
        try:
            started = time.perf_counter()
            state = sending.start(issue)  # outside a transaction: the task runs at once
            if state is None:
                raise CommandError("The bench issue is not live.")
            state.refresh_from_db()
            if state.status != NewsletterSending.Status.SENT:
                # No immediate task backend, or inside a transaction that will not commit (the
                # tests): what a worker would run, run here.
                sending.send_newsletter.call(state.pk)
            elapsed = time.perf_counter() - started
            state.refresh_from_db()
            written = state.written
        finally:
            self._clean(issue)
        stopped = set(Suppression.objects.values_list("address_hash", flat=True))
        expected = sum(
            address_hash(email) not in stopped
            for email in sending.newsletter_subscriptions().values_list(
                "subscriber__email", flat=True
            )
        )
        met = elapsed <= TARGET_SECONDS * subscribers / 50_000
        self.stdout.write(
            f"{connection.vendor}: {written} outbox rows for {subscribers} subscribers in "
            f"{elapsed:.1f} s ({written / elapsed:.0f} a second); target "
            f"{TARGET_SECONDS * subscribers / 50_000:.0f} s: {'met' if met else 'MISSED'}"
        )
        if written != expected:
            raise CommandError(f"{written} rows written, {expected} expected")
        if json_path:
            path = Path(json_path)
            path.parent.mkdir(parents=True, exist_ok=True)
            figures = {
                "vendor": connection.vendor,
                "date": timezone.now().isoformat(timespec="seconds"),
                "subscribers": subscribers,
                "outbox_rows": written,
                "seconds": round(elapsed, 2),
                "rows_per_second": round(written / elapsed),
                "batch_size": sending.batch_size(),
                "target_seconds": TARGET_SECONDS * subscribers / 50_000,
                "met": met,
            }
            path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {json_path}")

    @staticmethod
    def _suppressed_numbers(count):
        return range(0, count, SUPPRESSED_EVERY)

    def _subscribers(self, count):
        """`count` confirmed bench subscribers, each with the newsletter, written once."""
        have = Subscriber.objects.filter(email__startswith=PREFIX).count()
        if have == count:
            return
        Subscriber.objects.filter(email__startswith=PREFIX).delete()
        languages = [code for code, _name in settings.LANGUAGES]
        now = timezone.now()
        with transaction.atomic():
            people = Subscriber.objects.bulk_create(
                [
                    Subscriber(
                        email=f"{PREFIX}{n}{DOMAIN}",
                        language=languages[n % len(languages)],
                        consent_at=now,
                        consent_version="bench",
                        confirmed_at=now,
                    )
                    for n in range(count)
                ],
                batch_size=5000,
            )
            Subscription.objects.bulk_create(
                [Subscription(subscriber=person, kind=Kind.NEWSLETTER) for person in people],
                batch_size=5000,
            )
            for n in self._suppressed_numbers(count):
                suppress(f"{PREFIX}{n}{DOMAIN}", Suppression.Reason.BOUNCED)

    def _issue(self):
        archive = NewsletterIndexPage.objects.filter(locale__language_code="en").first()
        if archive is None:
            home = HomePage.objects.filter(locale__language_code="en").first()
            archive = home.add_child(
                instance=NewsletterIndexPage(title="Newsletter", slug="newsletter")
            )
        issue = NewsletterIssuePage(
            title="Good practices, bench issue",
            slug=f"{PREFIX}{uuid.uuid4().hex[:8]}",
            introduction="<p>"
            + "Three projects that opened doors to work this season. " * 6
            + "</p>",
        )
        archive.add_child(instance=issue)
        picks = (
            Page.objects.live()
            .type(*[apps.get_model(name) for name in PICK_TYPES])
            .filter(locale__language_code="en")
            .order_by("pk")[:6]
        )
        for page in picks:
            issue.picks.create(page=page)
        issue.save_revision().publish()
        italian = Locale.objects.filter(language_code="it").first()
        if italian is not None:
            translation = issue.copy_for_translation(italian, copy_parents=True)
            translation.title = "Buone pratiche, numero di prova"
            translation.save_revision().publish()
        return NewsletterIssuePage.objects.get(pk=issue.pk)

    def _clean(self, issue):
        state = NewsletterSending.objects.filter(translation_key=issue.translation_key).first()
        if state is not None:
            emails = NewsletterDelivery.objects.filter(sending=state).values("email_id")
            OutboxEmail.objects.filter(pk__in=emails).delete()
            state.delete()
        for page in NewsletterIssuePage.objects.filter(translation_key=issue.translation_key):
            page.delete()

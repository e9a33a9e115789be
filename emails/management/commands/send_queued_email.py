from django.core.management.base import BaseCommand
from django.utils import timezone

from emails.mail import due_emails, enqueue_send, expired_leases, reconcile_expired


class Command(BaseCommand):
    help = (
        "Send the outbox email that is due: new messages whose task was lost and messages "
        "waiting to retry. A message left in 'sending' past its lease (PORTAL_EMAIL_LEASE_MINUTES: "
        "its worker died) is not sent again but marked 'unknown – check', for the provider's "
        "webhook or staff to settle. The scheduler (manage.py run_schedule) runs it every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent; change nothing."
        )
        parser.add_argument(
            "--limit", type=int, default=500, help="At most this many messages per run."
        )

    def handle(self, *, dry_run, limit, verbosity, **options):
        now = timezone.now()
        if dry_run:
            expired = list(expired_leases(now).order_by("updated_at")[:limit])
            for email in expired:
                self.stdout.write(f"would mark #{email.pk} unknown {email.to} {email.subject!r}")
            expired = len(expired)
        else:
            expired = reconcile_expired(now)

        due = list(due_emails(now).order_by("next_attempt_at", "created_at")[:limit])
        if dry_run:
            for email in due:
                self.stdout.write(
                    f"would send #{email.pk} ({email.status}, attempt {email.attempts + 1}) "
                    f"{email.to} {email.subject!r}"
                )
        else:
            for email in due:
                enqueue_send(email.pk)
        if verbosity > 1 or (verbosity and (dry_run or due or expired)):
            verb = "would queue" if dry_run else "queued"
            self.stdout.write(
                f"{verb} {len(due)} message(s); {expired} interrupted while sending, "
                "left unknown for the provider's webhook or staff to settle"
            )

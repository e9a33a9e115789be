from django.conf import settings
from django.core.management.base import BaseCommand

from freshness.checks import send_due


class Command(BaseCommand):
    help = (
        "Send the yearly check to the organisations due for one (not asked for "
        "PORTAL_CHECK_EVERY_MONTHS), at most PORTAL_CHECK_EMAILS_PER_RUN, through the outbox."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=settings.PORTAL_CHECK_EMAILS_PER_RUN,
            help="At most this many emails (default: PORTAL_CHECK_EMAILS_PER_RUN).",
        )

    def handle(self, *args, limit, **options):
        sent = send_due(limit=max(limit, 0))
        self.stdout.write(f"{len(sent)} yearly check(s) queued.")

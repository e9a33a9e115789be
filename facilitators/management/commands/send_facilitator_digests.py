"""The weekly digest of the facilitators who chose it (see facilitators/digest.py).

    manage.py send_facilitator_digests             # sends this week's digests not yet sent
    manage.py send_facilitator_digests --dry-run   # lists who would get one

A cron line for Monday at 8:00, as in the README (running it again the same week sends nothing
twice):

    0 8 * * 1 cd /srv/portal && .venv/bin/python manage.py send_facilitator_digests
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from facilitators.digest import digest_recipients, iso_week, send_digest


class Command(BaseCommand):
    help = (
        "Send this ISO week's digest to each facilitator who chose a weekly digest, once a week "
        "at most."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *, dry_run, **options):
        today = timezone.localdate()
        week = iso_week(today)
        sent = skipped = 0
        for facilitator in digest_recipients():
            address = facilitator.user.email
            if facilitator.digest_week == week:
                skipped += 1
                self.stdout.write(f"already sent for {week}: {address}")
                continue
            if dry_run:
                self.stdout.write(f"would send the digest for {week} to {address}")
                continue
            if send_digest(facilitator, today) is None:
                skipped += 1
                self.stdout.write(f"already sent for {week}: {address}")
            else:
                sent += 1
                self.stdout.write(f"sent the digest for {week} to {address}")
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Nothing was sent: this was a dry run."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{sent} digests sent, {skipped} already sent this week.")
            )

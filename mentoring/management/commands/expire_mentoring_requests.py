from django.core.management.base import BaseCommand
from django.db import transaction

from mentoring.mail import send_expired
from mentoring.requests import expire_due, request_days


class Command(BaseCommand):
    help = (
        "Close as expired the mentoring requests left unanswered for "
        "PORTAL_MENTORING_REQUEST_DAYS days, and tell both sides."
    )

    def handle(self, *args, **options):
        # The requests close with their emails, or stay open for the next run: none expires
        # untold.
        with transaction.atomic():
            expired = expire_due()
            for row in expired:  # the mentee may ask another mentor; the mentor may pause
                send_expired(row, request_days())
        self.stdout.write(f"{len(expired)} mentoring request(s) expired.")

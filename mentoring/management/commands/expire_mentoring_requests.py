from django.core.management.base import BaseCommand

from mentoring.requests import expire_due


class Command(BaseCommand):
    help = (
        "Close as expired the mentoring requests left unanswered for "
        "PORTAL_MENTORING_REQUEST_DAYS days."
    )

    def handle(self, *args, **options):
        expired = expire_due()
        self.stdout.write(f"{len(expired)} mentoring request(s) expired.")

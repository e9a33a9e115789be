from django.core.management.base import BaseCommand

from mentoring.requests import purge_mentees


class Command(BaseCommand):
    help = "Delete the mentees with nothing going on for PORTAL_MENTORING_KEEP_DAYS days."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_mentees()} mentee(s) deleted.")

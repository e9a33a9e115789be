"""Mentoring's daily reminders and digests (see mentoring/reminders.py): each email at most
once, however often the command runs.

    manage.py send_mentoring_reminders
"""

from django.core.management.base import BaseCommand

from mentoring.reminders import send_all


class Command(BaseCommand):
    help = (
        "Remind mentors of requests waiting, meetings not logged and the 90-day check-in; tell "
        "facilitators of mentors waiting for approval and (Mondays) of requests unanswered."
    )

    def handle(self, *args, **options):
        counts = send_all()
        self.stdout.write(", ".join(f"{count} {what}" for what, count in counts.items()) + ".")

"""The monthly reminder to organisations whose profile is incomplete and who have not been contacted
for more than PORTAL_CONTACT_OVERDUE_DAYS days.

    manage.py send_reminders              # dry run: lists who would get one
    manage.py send_reminders --send       # sends them, through the outbox, and logs each contact
    manage.py send_reminders --send --country IT

A cron line for the first Monday of each month at 9:00 (cron has no "first Monday": day 1-7 and
Monday), as in the README:

    0 9 1-7 * * [ "$(date +\\%u)" = 1 ] && cd /srv/portal &&
        .venv/bin/python manage.py send_reminders --send
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.models import CountryPage, OrganisationPage
from facilitators.followup import follow_up
from facilitators.reminders import draft, recipients, send_reminder


def due_reminders(country=None):
    """The follow-up rows of incomplete organisations not contacted within the limit."""
    rows = follow_up(OrganisationPage.objects.first_versions())
    rows = [row for row in rows if row.incomplete and row.overdue]
    if country is not None:
        rows = [row for row in rows if row.country_code == country]
    return rows


class Command(BaseCommand):
    help = (
        "Remind incomplete organisations not contacted for more than PORTAL_CONTACT_OVERDUE_DAYS "
        "days. A dry run unless --send is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--send", action="store_true", help="Send the reminders (else list).")
        parser.add_argument("--country", help="Only this country, by its code (IT, GR...).")

    def handle(self, *, send, country, **options):
        if country is not None:
            country = country.strip().upper()
            if not CountryPage.objects.filter(code=country).exists():
                raise CommandError(f"No country with the code {country!r}.")
        rows = due_reminders(country)
        sent = skipped = 0
        for row in rows:
            page = row.page.page()
            to = recipients(page)
            days = "never" if row.days_since_contact is None else f"{row.days_since_contact} days"
            line = (
                f"{page.title} ({row.country_code or '-'}, {page.locale.language_code}): "
                f"{len(row.completeness.missing)} missing, last contact {days}"
            )
            if not to:
                skipped += 1
                self.stdout.write(f"skipped, no email address: {line}")
                continue
            if not send:
                self.stdout.write(f"would remind {', '.join(to)}: {line}")
                continue
            subject, body = draft(page)
            with transaction.atomic():
                send_reminder(page, subject=subject, body=body, to=to)
            sent += 1
            self.stdout.write(f"reminded {', '.join(to)}: {line}")
        if send:
            summary = f"{sent} reminders sent, {skipped} skipped without an address."
        else:
            summary = (
                f"{len(rows) - skipped} reminders to send, {skipped} without an address. "
                "Nothing was sent: add --send to send them."
            )
        self.stdout.write(self.style.SUCCESS(summary))

"""Work out every organisation's standing again (`directory.standing`).

Standings keep themselves in step with the page tree; this is for after data was written around
the portal (a restore, a bulk import, a change made straight in the database).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from directory.standing import refresh


class Command(BaseCommand):
    help = "Work out every organisation's standing again (completeness, services, publication)."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = refresh()
        self.stdout.write(f"{count} organisations")

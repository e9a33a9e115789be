"""Work out every listing row again (`directory.listing_rows`).

Listing rows keep themselves in step with the page tree; this is for after data was written
around the portal (a restore, a bulk import, a change made straight in the database).
"""

from django.core.management.base import BaseCommand

from directory.listing_rows import refresh


class Command(BaseCommand):
    help = "Work out again the rows the directory's listings read (search, services, countries)."

    def handle(self, *args, **options):
        count = refresh()
        self.stdout.write(f"{count} pieces of content")

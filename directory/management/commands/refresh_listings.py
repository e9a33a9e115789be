"""Work out every listing row again (`directory.listing_rows`).

Listing rows keep themselves in step with the page tree; this is for after data was written
around the portal (a restore, a bulk import, a change made straight in the database), and for
the night, when content crosses the freshness thresholds (`directory.freshness`). What was
worked out from the old rows (cached searches, the home page's figures, kept pages) is
forgotten. On PostgreSQL the tables are then compacted (`directory.listing_rows.compact`).
"""

from django.core.management.base import BaseCommand

from core import page_cache
from directory.listing_rows import compact, refresh
from directory.search import content_changed


class Command(BaseCommand):
    help = "Work out again the rows the directory's listings read (search, services, countries)."

    def handle(self, *args, **options):
        count = refresh()
        content_changed()
        page_cache.purge()
        self.stdout.write(f"{count} pieces of content")
        if compact():
            self.stdout.write("Listing tables' indexes built anew and the tables vacuumed")

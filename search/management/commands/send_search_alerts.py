from django.core.management.base import BaseCommand

from search.alerts import send_search_alerts


class Command(BaseCommand):
    help = (
        "Email each confirmed alert for a saved search the results that became listed since its "
        "last email (at most 10, and the link to the search); nothing when there are none."
    )

    def handle(self, *args, **options):
        sent = send_search_alerts()
        self.stdout.write(f"{sent} search alert(s) queued.")

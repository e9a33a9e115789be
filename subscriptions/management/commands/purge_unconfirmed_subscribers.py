from django.conf import settings
from django.core.management.base import BaseCommand

from subscriptions.subscribing import purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Delete the subscribers who did not confirm their address within "
        "PORTAL_SUBSCRIPTION_UNCONFIRMED_DAYS days."
    )

    def handle(self, *args, **options):
        deleted = purge_unconfirmed(settings.PORTAL_SUBSCRIPTION_UNCONFIRMED_DAYS)
        self.stdout.write(f"{deleted} unconfirmed subscriber(s) deleted.")

from django.core.management.base import BaseCommand

from news.digest import send_news_digest


class Command(BaseCommand):
    help = (
        "Email each confirmed news subscriber the news published since their last digest, of "
        "their countries and the portal's own, in their language; nothing when there is none."
    )

    def handle(self, *args, **options):
        sent = send_news_digest()
        self.stdout.write(f"{sent} news digest(s) queued.")

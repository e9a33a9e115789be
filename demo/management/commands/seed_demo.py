"""manage.py seed_demo: fill the portal with realistic demo content (safe to run again)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.builder import (
    ADMIN_PASSWORD,
    ADMIN_USERNAME,
    DemoBuilder,
    DemoError,
    admin_url,
    ensure_demo_admin,
    ensure_demo_contacts,
    ensure_demo_people,
    ensure_local_site_address,
)
from demo.featured import ensure_demo_features
from demo.feedback import ensure_demo_reactions
from demo.freshness import ensure_demo_freshness
from demo.history import ensure_demo_emails
from demo.mentoring import demo_mentee_link, demo_mentor_link, ensure_demo_mentoring
from demo.subscriptions import ensure_demo_subscribers


class Command(BaseCommand):
    help = (
        "Create demo content: the site pages in English, Italian, Greek and Arabic, the "
        "vocabularies, and organisations with their services, opportunities and portfolio "
        "projects. Running it again only adds what is missing. With DEBUG on (or --with-admin) "
        "it also creates the demo superuser 'admin' if there is no such user."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Create the demo superuser even when DEBUG is off (never on a public site).",
        )

    def handle(self, *args, quiet=False, with_admin=False, **options):
        quiet = quiet or options["verbosity"] == 0
        started = time.monotonic()
        try:
            created = DemoBuilder().build()
        except DemoError as error:
            raise CommandError(str(error)) from error
        admin_created = False
        people = []
        if settings.DEBUG or with_admin:
            admin_created = ensure_demo_admin()
            people = ensure_demo_people()
        if settings.DEBUG:
            ensure_local_site_address()
        if contacts := ensure_demo_contacts():
            created["contacts"] += contacts
        if features := ensure_demo_features():
            created["featured organisations"] += features
        if aged := ensure_demo_freshness():
            created["pages not checked recently"] += aged
        if emails := ensure_demo_emails():
            created["emails sent"] += emails
        if subscribers := ensure_demo_subscribers():
            created["subscribers"] += subscribers
        if reactions := ensure_demo_reactions():
            created["readers' answers"] += reactions
        for what, count in ensure_demo_mentoring().items():
            created[what] += count
        if quiet:
            return
        seconds = time.monotonic() - started
        if created:
            summary = ", ".join(f"{count} {what}" for what, count in sorted(created.items()))
            self.stdout.write(
                self.style.SUCCESS(f"Demo content created ({summary}) in {seconds:.1f} s.")
            )
        else:
            self.stdout.write("The demo content is already there: nothing to add.")
        if settings.DEBUG or with_admin:
            self.stdout.write(f"Admin: {admin_url()}")
            if admin_created:
                self.stdout.write(f"Log in as {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
            else:
                self.stdout.write(
                    f"A user called {ADMIN_USERNAME!r} already exists; its password is unchanged."
                )
            for username in people:
                self.stdout.write(f"Demo login: {username} / {ADMIN_PASSWORD}")
            self.stdout.write(f"A demo mentor's page: {demo_mentor_link()}")
            self.stdout.write(f"A demo mentee's page: {demo_mentee_link()}")
            self.stdout.write("Anyone's mentoring page: manage.py mentoring_link EMAIL")

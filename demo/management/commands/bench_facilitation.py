"""Time the facilitators' dashboard panel and monitoring export on a large directory, and central
staff's featured organisations with the home page that shows them.

    make bench                                  # SQLite file bench.sqlite3, after bench_search
    make bench DATABASE_URL=postgres://...      # PostgreSQL (an empty database of its own)
    manage.py bench_facilitation --sizes 2000,10000 --runs 5

The directory is grown in place with bench_search's own bulk pages (5 services per organisation;
nothing is added when bench_search already grew it), then given follow-up data in bulk: contacts
with two thirds of the organisations (1 to 3 each, over the last 120 days, the latest more than 40
days old for a third of them) and a few unanswered messages older than a week. That data is the
bench's own ("bench" in its note or name), so that a second run adds nothing. One organisation in
twenty is featured for a week, over the year up to next week, so that about one in 52 of those
features runs today. Every organisation's standing (`directory.standing`) is then worked out, as
`manage.py refresh_standings` does after pages are written in bulk.

Each request goes through the whole middleware stack with Django's test client, in this process,
logged in as central staff (a superuser: every organisation) and as the facilitator of the country
with the most organisations. The report gives the median and 95th percentile of each request, its
ratio to a view that only returns "ok", its number of database queries and the response's size;
`--json FILE` writes them in bench_search's shape.
"""

import random
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from demo.management.commands.bench_search import (
    SERVICES_PER_ORGANISATION,
    SLUG_PREFIX,
    time_requests,
    write_json,
)
from demo.management.commands.bench_search import Command as SearchBench
from directory.models import CountryPage, Enquiry, OrganisationPage
from directory.permissions import sync_country
from directory.standing import refresh as refresh_standings
from emails.models import OutboxEmail
from facilitators.models import ContactLog
from featured.featuring import week_of
from featured.models import FeaturedOrganisation

BENCH_MARK = "bench"  # starts the note of the bench's contacts and the name of its enquiries
STAFF_USERNAME = "bench-staff"
FACILITATOR_USERNAME = "bench-facilitator-{code}"
CHANNELS = ["email", "email", "phone", "phone", "meeting", "event", "other"]
OUTCOMES = ["spoke", "spoke", "agreed", "no_answer", "left_message"]
CONTACT_WINDOW_DAYS = 120
WARM_UP = 1  # untimed first request of each address (its queries are the ones counted)


def staff_requests():
    """Central staff's own screens (a facilitator is refused them), and the public home page."""
    return [
        ("featured: list", reverse("featured:index"), {}),
        ("featured: list, running today", reverse("featured:index"), {"when": "running"}),
        ("featured: add form", reverse("featured:add"), {}),
        ("home page (featured today)", "/en/", {}),
    ]


def admin_requests():
    csv = reverse("facilitation_report", args=["csv"])
    xlsx = reverse("facilitation_report", args=["xlsx"])
    return [
        ("admin home (panel)", "/admin/", {}),
        ("panel, all, by name", "/admin/", {"attention": "all", "sort": "name"}),
        ("panel, all, page 40", "/admin/", {"attention": "all", "page": "40"}),
        ("report.csv, all", csv, {"attention": "all"}),
        ("report.xlsx, all", xlsx, {"attention": "all"}),
    ]


class Command(BaseCommand):
    help = "Grow a large directory and time the facilitators' panel and report (make bench)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default="2000,10000",
            help="organisations at each step, comma-separated (default: %(default)s); "
            f"{SERVICES_PER_ORGANISATION} services each",
        )
        parser.add_argument("--runs", type=int, default=5, help="timed requests per address")
        parser.add_argument(
            "--json",
            dest="json_path",
            metavar="FILE",
            help="also write the figures to FILE, as bench_search does",
        )

    def handle(self, *args, sizes, runs, json_path, **options):

        try:
            steps = [int(size) for size in sizes.split(",")]
        except ValueError as error:
            raise CommandError(f"--sizes: {error}") from error
        if runs < 1:
            raise CommandError("--runs must be at least 1.")
        if not OrganisationPage.objects.exists():
            self.stdout.write("Seeding the demo directory first...")
            call_command("seed_demo", verbosity=0)
        grower = SearchBench(stdout=self.stdout, stderr=self.stderr)
        grower.templates = grower._templates()
        staff = self._staff()
        facilitators = self._facilitators()
        report = []
        for organisations in steps:
            started = time.perf_counter()
            grower._grow(organisations, organisations * SERVICES_PER_ORGANISATION)
            contacts, enquiries = self._follow_up_data(facilitators, staff)
            features = self._features(staff)
            # The pages were written in bulk, around the signals that keep standings in step.
            refresh_standings()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as the database's autovacuum would, after a load
            self.stdout.write(
                f"Grew to {organisations} organisations (+{contacts} contacts, "
                f"+{enquiries} enquiries, +{features} features) in "
                f"{time.perf_counter() - started:.0f} s"
            )
            code = self._busiest_country()
            users = [("staff", staff), (f"facilitator {code}", facilitators[code])]
            report.append((organisations, self._measure(users, runs)))
        self._print(report)
        if json_path:
            write_json(
                json_path,
                [((size, size * SERVICES_PER_ORGANISATION), results) for size, results in report],
            )
            self.stdout.write(f"Wrote {json_path}")

    # Users -------------------------------------------------------------------------------------

    def _staff(self):
        user, _created = get_user_model().objects.get_or_create(
            username=STAFF_USERNAME,
            defaults={
                "first_name": "Bench",
                "last_name": "Staff",
                "email": "bench-staff@example.org",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        return user

    def _facilitators(self):
        """{country code: a facilitator user in that country's group}, for every country."""

        users = {}
        for country in CountryPage.objects.exclude(code="").order_by("code", "pk"):
            if country.code in users:
                continue  # the group covers every language version of the country
            user, _created = get_user_model().objects.get_or_create(
                username=FACILITATOR_USERNAME.format(code=country.code.lower()),
                defaults={
                    "first_name": "Bench",
                    "last_name": f"Facilitator {country.code}",
                    "email": f"bench-facilitator-{country.code.lower()}@example.org",
                },
            )
            user.groups.add(sync_country(country))
            users[country.code] = user
        if not users:
            raise CommandError("The directory has no countries.")
        return users

    def _busiest_country(self):

        counts = {}
        codes = dict(CountryPage.objects.values_list("path", "code"))
        paths = OrganisationPage.objects.filter(slug__startswith=SLUG_PREFIX).values_list(
            "path", flat=True
        )
        steplen = self._steplen()
        for path in paths:
            code = codes.get(path[:-steplen])
            if code:
                counts[code] = counts.get(code, 0) + 1
        if not counts:
            raise CommandError("No bench organisations under a country.")
        return max(counts, key=lambda code: (counts[code], code))

    @staticmethod
    def _steplen():
        from wagtail.models import Page

        return Page.steplen

    # Follow-up data ----------------------------------------------------------------------------

    def _follow_up_data(self, facilitators, staff):
        """Contacts and late enquiries for the bench organisations that have none yet."""

        contacted = set(
            ContactLog.objects.filter(note__startswith=BENCH_MARK).values_list(
                "organisation_key", flat=True
            )
        )
        enquired = set(
            Enquiry.objects.filter(name__startswith=BENCH_MARK).values_list(
                "organisation_key", flat=True
            )
        )
        emailed = set(
            OutboxEmail.objects.filter(subject__startswith=BENCH_MARK).values_list(
                "organisation_id", flat=True
            )
        )
        codes = dict(CountryPage.objects.values_list("path", "code"))
        steplen = self._steplen()
        pages = OrganisationPage.objects.filter(slug__startswith=SLUG_PREFIX).values_list(
            "slug", "pk", "translation_key", "locale__language_code", "path"
        )
        now = timezone.now()
        overdue = settings.PORTAL_CONTACT_OVERDUE_DAYS  # 40: day 41 is late
        contacts, enquiries, emails = [], [], []
        for slug, pk, key, language, path in pages.iterator(chunk_size=2000):
            number = int(slug.removeprefix(SLUG_PREFIX))
            rng = random.Random(number)  # noqa: S311 (same data for the same organisation)
            facilitator = facilitators.get(codes.get(path[:-steplen]), staff)
            if number % 3 and key not in contacted:
                # The latest contact: more than 40 days ago for a third of the organisations.
                if rng.random() < 1 / 3:
                    days = rng.uniform(overdue + 1, CONTACT_WINDOW_DAYS)
                else:
                    days = rng.uniform(0, overdue - 1)
                moments = [days]
                moments += [
                    rng.uniform(days, CONTACT_WINDOW_DAYS) for _ in range(rng.randint(0, 2))
                ]
                for index, days_ago in enumerate(moments):
                    # One latest contact in four planned a follow-up, two weeks on.
                    follow_up = index == 0 and rng.random() < 1 / 4
                    contacted_at = now - timedelta(days=days_ago)
                    contacts.append(
                        ContactLog(
                            organisation_key=key,
                            organisation_id=pk,
                            contacted_at=contacted_at,
                            channel=rng.choice(CHANNELS),
                            outcome=rng.choice(OUTCOMES),
                            follow_up_on=(contacted_at + timedelta(days=14)).date()
                            if follow_up
                            else None,
                            note=f"{BENCH_MARK}: follow-up call {number}",
                            by=facilitator if rng.random() < 0.9 else staff,
                        )
                    )
            if number % 25 == 1 and key not in enquired:  # 4 %: one or two unanswered messages
                for k in range(rng.randint(1, 2)):
                    created = now - timedelta(days=rng.uniform(8, 90))
                    enquiries.append(
                        Enquiry(
                            organisation_key=key,
                            organisation_id=pk,
                            name=f"{BENCH_MARK} citizen {number}-{k}",
                            email=f"citizen{number}-{k}@example.org",
                            message="Hello, is the course still open for new participants?",
                            consent_at=created,
                            language=language,
                            created_at=created,
                            status=Enquiry.Status.NEW,
                        )
                    )
            if number % 2 and pk not in emailed:  # half were emailed; one email in ten bounced
                emails.append(
                    OutboxEmail(
                        to=[f"organisation{number}@example.org"],
                        from_email="portal@example.org",
                        subject=f"{BENCH_MARK}: profile reminder {number}",
                        body_text="Your profile still misses a few items.",
                        organisation_id=pk,
                        status="bounced" if rng.random() < 0.1 else "delivered",
                    )
                )
        with transaction.atomic():
            ContactLog.objects.bulk_create(contacts, batch_size=1000)
            Enquiry.objects.bulk_create(enquiries, batch_size=1000)
            OutboxEmail.objects.bulk_create(emails, batch_size=1000)
        return len(contacts), len(enquiries)

    def _features(self, staff):
        """A week's feature for one bench organisation in twenty that has none yet."""

        featured = set(FeaturedOrganisation.objects.values_list("organisation_key", flat=True))
        next_monday = week_of(timezone.localdate())[0] + timedelta(days=7)
        pages = OrganisationPage.objects.filter(slug__startswith=SLUG_PREFIX).values_list(
            "slug", "pk", "translation_key", "locale__language_code"
        )
        features = []
        for slug, pk, key, language in pages.iterator(chunk_size=2000):
            number = int(slug.removeprefix(SLUG_PREFIX))
            if number % 20 or key in featured:
                continue
            monday = next_monday - timedelta(weeks=(number // 20) % 53)
            posted = monday <= timezone.localdate()
            features.append(
                FeaturedOrganisation(
                    organisation_key=key,
                    organisation_id=pk,
                    starts_on=monday,
                    ends_on=monday + timedelta(days=6),
                    channels=["facebook", "linkedin"],
                    status="posted" if posted else "planned",
                    posted_on=monday if posted else None,
                    captions={language: f"{BENCH_MARK}: caption {number}"},
                    link=f"https://portal.example.org/{slug}/",
                    created_by=staff,
                )
            )
            featured.add(key)
        with transaction.atomic():
            FeaturedOrganisation.objects.bulk_create(features, batch_size=1000)
        return len(features)

    # Measuring ---------------------------------------------------------------------------------

    def _overrides(self):
        return {
            "ROOT_URLCONF": "portal.bench_urls",  # the portal's addresses and a trivial view
            "DEBUG": False,
            "ALLOWED_HOSTS": ["localhost"],
            "STORAGES": {
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        }

    def _measure(self, users, runs):
        results = {}
        with override_settings(**self._overrides()):
            anonymous = Client(HTTP_HOST="localhost")
            results["trivial view"] = time_requests(
                anonymous, "/bench/trivial/", {}, runs * 3, WARM_UP
            )
            for who, user in users:
                client = Client(HTTP_HOST="localhost")
                client.force_login(user)
                requests = admin_requests() + (staff_requests() if who == "staff" else [])
                for name, url, params in requests:
                    results[f"{who}: {name}"] = time_requests(client, url, params, runs, WARM_UP)
                    self.stdout.write(f"  {who}: {name}: {results[f'{who}: {name}'][0]:.0f} ms")
        return results

    def _print(self, report):
        width = 44
        self.stdout.write("")
        self.stdout.write(
            f"Database: {connection.vendor}. Times in ms; x = median / trivial view; "
            "q = queries per request; KB = response size."
        )
        self.stdout.write("")
        for organisations, results in report:
            self.stdout.write(
                f"{organisations} organisations, {organisations * SERVICES_PER_ORGANISATION} "
                "services"
            )
            self.stdout.write(f"{'':{width}}{'median':>10}{'p95':>10}{'x':>7}{'q':>7}{'KB':>9}")
            trivial = results["trivial view"][0]
            for name, (median, p95, queries, size) in results.items():
                # Facilitator rows name their country, which may differ between sizes.
                self.stdout.write(
                    f"{name:{width}}{median:>10.1f}{p95:>10.1f}{median / trivial:>7.0f}"
                    f"{queries:>7}{size / 1024:>9.1f}"
                )
            self.stdout.write("")

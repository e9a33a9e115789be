"""Time the search on a large directory, at two sizes, against a trivial view.

    make bench                                  # SQLite file bench.sqlite3
    make bench DATABASE_URL=postgres://...      # PostgreSQL (an empty database of its own)

The directory is grown in place with pages written in bulk from the demo's own services, in
their own languages, then indexed through Wagtail's search backend. Each request goes through
the whole middleware stack with Django's test client, in this process, on one database
connection (the test client never closes it between requests, as a production thread keeps its
own: DATABASE_CONN_MAX_AGE). The report gives the median and 95th percentile of each address,
its ratio to a view that only returns "ok" and its number of database queries; at the largest size, whether it meets the target: a median of at most
TARGET_MS, and at most TARGET_GROWTH times its median at the smallest size. A miss is reported,
not failed on: the figures depend on the machine. `--json FILE` writes the same figures:

    {"vendor": "postgresql", "date": "2026-12-04T21:30:00+00:00",
     "sizes": [{"organisations": 10000, "services": 50000,
                "cases": {"rare word": {"median_ms": 12.3, "p95_ms": 15.0, "queries": 9}, ...}}]}

Growing fifty thousand services takes a while. `--reuse` times a directory already grown to a
step's size as it is (no listing rows worked out again, no ANALYZE), so that the same database
can be timed again after a change to the search:

    manage.py bench_search --sizes 10000:50000 --reuse
"""

import functools
import gc
import itertools
import json
import statistics
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.db.models import F
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from directory.indexing import organisation_terms, service_terms
from directory.listing_rows import compact as compact_listings
from directory.listing_rows import refresh as refresh_listings
from directory.models import CountryPage, OrganisationPage, ServicePage

SLUG_PREFIX = "bench-"
RARE_WORD = "zaffiro"  # in one service only
SERVICES_PER_ORGANISATION = 5
WARM_UP = 3  # untimed first requests of each address, which warm caches
TARGET_MS = 100  # the largest size's median, at most
TARGET_GROWTH = 1.5  # times the smallest size's median, at most
CASES = [
    ("trivial view", "/bench/trivial/", {}),
    ("rare word", "/en/search/", {"q": RARE_WORD}),
    ("common word", "/it/search/", {"q": "lavoro"}),
    ("two words", "/en/search/", {"q": "training young people"}),
    ("common word, filtered", "/it/search/", {"q": "lavoro", "country": "it", "free": "on"}),
    ("no words, filtered, Arabic", "/ar/search/", {"country": "lb", "category": "employment"}),
    # Where /en/services/?country=gr&delivery=online leads (services_search_url).
    (
        "services index, filtered",
        "/en/search/",
        {"kind": "all-services", "country": "gr", "delivery": "online"},
    ),
    ("type-ahead", "/el/search/suggest/", {"q": "coop"}),
    ("home page", "/en/", {}),
    # Open data: a page of the HSDS API's services, as other services read it (opendata/api.py).
    ("HSDS API, services", "/api/hsds/services", {"per_page": 50}),
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Grow a large directory and time searches against a trivial view (make bench)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default="2000:10000,10000:50000",
            help="organisations:services at each step, comma-separated (default: %(default)s)",
        )
        parser.add_argument("--runs", type=int, default=25, help="timed requests per address")
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="time a directory already grown to a step's size as it is, without working "
            "out its listing rows again",
        )
        parser.add_argument(
            "--json", dest="json_path", metavar="FILE", help="also write the figures to FILE"
        )

    def handle(self, *args, sizes, runs, json_path, reuse=False, **options):
        try:
            steps = [tuple(int(n) for n in step.split(":", 1)) for step in sizes.split(",")]
        except ValueError as error:
            raise CommandError(f"--sizes: {error}") from error
        if any(len(step) != 2 for step in steps):
            raise CommandError("--sizes: organisations:services at each step, e.g. 2000:10000")
        if runs < 1:
            raise CommandError("--runs must be at least 1.")
        if not OrganisationPage.objects.exists():
            self.stdout.write("Seeding the demo directory first...")
            call_command("seed_demo", verbosity=0)
        self.templates = self._templates()
        report = []
        for organisations, services in steps:
            have = OrganisationPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
            if have > organisations:
                raise CommandError(
                    f"The directory already has {have} organisations of its own, more than "
                    f"{organisations}: time it in a database of its own."
                )
            if reuse and have == organisations:
                self.stdout.write(f"Timing the {organisations} organisations already grown")
                report.append(((organisations, services), self._measure(runs)))
                continue
            started = time.perf_counter()
            self._grow(organisations, services)
            # The pages were written in bulk, around the signals that keep the listings' rows
            # in step (`manage.py refresh_listings`).
            refreshing = time.perf_counter()
            refresh_listings()
            compact_listings()  # as `manage.py refresh_listings` does each night
            self.stdout.write(
                f"Listing rows worked out in {time.perf_counter() - refreshing:.0f} s"
            )
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as the database's autovacuum would, after a load
            self.stdout.write(
                f"Grew to {organisations} organisations and {services} services "
                f"in {time.perf_counter() - started:.0f} s"
            )
            report.append(((organisations, services), self._measure(runs)))
        self._print(report)
        if json_path:
            write_json(json_path, report)
            self.stdout.write(f"Wrote {json_path}")

    # Growing -----------------------------------------------------------------------------------

    def _templates(self):
        templates = []
        for country in CountryPage.objects.live().exclude(code="").select_related("locale"):
            if country.national_language and country.locale.language_code not in (
                country.national_language,
                "en",
            ):
                continue
            services = list(
                ServicePage.objects.live()
                .filter(locale=country.locale, path__startswith=country.path)
                .prefetch_related("target_groups")
            )
            organisations = list(
                OrganisationPage.objects.live()
                .filter(locale=country.locale, path__startswith=country.path)
                .prefetch_related("expertise_categories", "target_groups")
            )
            if services and organisations:
                templates.append((country, organisations, services))
        if not templates:
            raise CommandError("The demo directory has no services to copy.")
        return templates

    def _grow(self, organisations, services):
        have = OrganisationPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
        wanted = organisations - have
        if wanted <= 0:
            return
        per = max(1, services // organisations)
        batch = 500
        cycle = itertools.cycle(self.templates)
        for start in range(have, organisations, batch):
            count = min(batch, organisations - start)
            with transaction.atomic():
                by_country = {}
                for number in range(start, start + count):
                    by_country.setdefault(id(t := next(cycle)), (t, []))[1].append(number)
                for (country, orgs, services_), numbers in by_country.values():
                    self._add_organisations(country, orgs, services_, numbers, per)

    def _add_organisations(self, country, org_templates, service_templates, numbers, per):
        country.refresh_from_db()
        new_orgs = []
        for number in numbers:
            source = org_templates[number % len(org_templates)]
            page = OrganisationPage(
                title=f"{source.title} {number}",
                slug=f"{SLUG_PREFIX}{number}",
                kind=source.kind,
                short_description=source.short_description,
                mission=source.mission,
                main_activities=source.main_activities,
                place_id=source.place_id,  # the same town, named in every language
                address=source.address,
                email=f"bench{number}@example.org",
                languages_spoken=source.languages_spoken,
            )
            page.source = source
            new_orgs.append(page)
        bulk_pages(OrganisationPage, country, new_orgs)
        links = []
        for page in new_orgs:
            page.precomputed_search_terms = self._organisation_terms(page.source)
            links += [
                OrganisationPage.expertise_categories.through(
                    organisationpage_id=page.pk, expertisecategory_id=term.pk
                )
                for term in page.source.expertise_categories.all()
            ]
        OrganisationPage.expertise_categories.through.objects.bulk_create(links)
        index(OrganisationPage, new_orgs)

        new_services, groups = [], []
        for page in new_orgs:
            children = []
            for k in range(per):
                number = int(page.slug.removeprefix(SLUG_PREFIX)) * per + k
                source = service_templates[number % len(service_templates)]
                service = ServicePage(
                    title=source.title,
                    slug=f"{SLUG_PREFIX}{number}",
                    kind=source.kind,
                    category_id=source.category_id,
                    summary=source.summary,
                    description=source.description,
                    eligibility=source.eligibility,
                    how_to_access=source.how_to_access,
                    is_free=source.is_free,
                    cost=source.cost,
                    delivery=source.delivery,
                    place_id=source.place_id,
                    address=source.address,
                    start_date=source.start_date,
                    end_date=source.end_date,
                    application_deadline=source.application_deadline,
                )
                if number == 7:
                    service.summary = f"{service.summary} {RARE_WORD}"
                service.source = source
                service.organisation = page
                children.append(service)
            bulk_pages(ServicePage, page, children)
            new_services += children
        for service in new_services:
            terms, source_organisation = self._service_terms(service.source)
            service.precomputed_search_terms = terms.replace(
                source_organisation, service.organisation.title
            )
            groups += [
                ServicePage.target_groups.through(servicepage_id=service.pk, targetgroup_id=g.pk)
                for g in service.source.target_groups.all()
            ]
        ServicePage.target_groups.through.objects.bulk_create(groups)
        index(ServicePage, new_services)

    @functools.cache  # noqa: B019 (one command run, a few hundred sources)
    def _service_terms(self, source):
        return service_terms(source), source.get_parent().title

    @functools.cache  # noqa: B019
    def _organisation_terms(self, source):
        return organisation_terms(source)

    # Measuring ---------------------------------------------------------------------------------

    def _measure(self, runs):
        client = Client(HTTP_HOST="localhost")
        overrides = {
            "ROOT_URLCONF": "portal.bench_urls",
            "DEBUG": False,
            "PORTAL_SEARCH_CACHE_SECONDS": 0,  # every request does the whole work
            # As in production: what every page reads the same is kept between requests (the
            # development settings read it afresh, so that templates show as they are edited).
            "PORTAL_MEMORY_SECONDS": 300,
            "PORTAL_HSDS_RATE_LIMIT": 0,  # one client asks thousands of times
            "ALLOWED_HOSTS": ["localhost"],
            "STORAGES": {
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        }
        with override_settings(**overrides):
            return {name: time_requests(client, url, params, runs) for name, url, params in CASES}

    def _print(self, report):
        self.stdout.write("")
        self.stdout.write(
            f"Database: {connection.vendor}. Times in ms; x = median / trivial view; "
            f"q = queries per request; target: median <= {TARGET_MS} ms at the largest size "
            f"and <= {TARGET_GROWTH}x the smallest size's."
        )
        width = 28
        header = f"{'':{width}}" + "".join(f"{f'{o}/{s}':>33}" for (o, s), _results in report)
        self.stdout.write(header + f"{'target':>8}")
        self.stdout.write(f"{'':{width}}" + f"{'median    p95       x      q':>33}" * len(report))
        smallest, largest = report[0][1], report[-1][1]
        for name in largest:
            line = f"{name:{width}}"
            for _size, results in report:
                median, p95, queries, _size = results[name]
                ratio = median / results["trivial view"][0]
                line += f"{median:>10.1f}{p95:>10.1f}{ratio:>6.0f}{queries:>7}"
            meets = meets_target(smallest[name][0], largest[name][0])
            self.stdout.write(line + f"{'PASS' if meets else 'MISS':>8}")


def meets_target(smallest_median, largest_median):
    """Fast at the largest size, and not much slower than at the smallest."""
    return largest_median <= TARGET_MS and largest_median <= TARGET_GROWTH * smallest_median


class Timing(NamedTuple):
    median: float  # ms
    p95: float  # ms
    queries: int  # per request
    size: int  # bytes of the response


def time_requests(client, url, params, runs, warm_up=WARM_UP):
    """`runs` timed requests after `warm_up` untimed ones (at least one): the queries are counted
    in the last untimed request, as counting costs a little, and every request makes the same."""

    def get():
        response = client.get(url, params)
        if response.status_code != 200:
            raise CommandError(f"{url} {params}: {response.status_code}")
        return response

    for _run in range(warm_up - 1):
        get()
    reset_queries()  # a full log (DEBUG while growing) would count nothing
    with CaptureQueriesContext(connection) as captured:
        get()
    queries = len(captured)  # now: the next request clears the log it reads
    gc.freeze()  # what is loaded by now is kept for good, as the app server's start does (wsgi.py)
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        response = get()
        timings.append((time.perf_counter() - started) * 1000)
    return Timing(
        statistics.median(timings), percentile(timings, 0.95), queries, len(response.content)
    )


def write_json(path, report):
    """`report` ([((organisations, services), {case: Timing})], smallest size first) to `path`."""
    figures = {
        "vendor": connection.vendor,
        "date": timezone.now().isoformat(timespec="seconds"),
        "sizes": [
            {
                "organisations": organisations,
                "services": services,
                "cases": {
                    name: {
                        "median_ms": round(timing.median, 2),
                        "p95_ms": round(timing.p95, 2),
                        "queries": timing.queries,
                    }
                    for name, timing in results.items()
                },
            }
            for (organisations, services), results in report
        ],
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def bulk_pages(model, parent, pages):
    """Write `pages` as live children of `parent` in a few statements, tree paths included."""
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    rows = []
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.first_published_at = page.last_published_at = now - timedelta(seconds=offset)
        rows.append(
            Page(
                **{
                    field.attname: getattr(page, field.attname)
                    for field in Page._meta.concrete_fields
                    if field.attname != "id"
                }
            )
        )
    Page.objects.bulk_create(rows, batch_size=500)
    for row, page in zip(rows, pages, strict=True):
        page.id = page.page_ptr_id = row.pk
    fields = model._meta.local_concrete_fields
    for start in range(0, len(pages), 100):
        model._base_manager._insert(pages[start : start + 100], fields=fields, raw=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def index(model, pages):
    backend = get_search_backend()
    backend.get_index_for_model(model).add_items(model, pages)

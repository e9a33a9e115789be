"""A small portal in every locale: the tree of the design (helpers to use it: tests/helpers.py).

The portal's pages are built once per test session, right after the test database is created,
and committed; each test runs in a transaction that is rolled back, so it starts from exactly
that tree whatever the previous test changed.
"""

import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from directory.factories import (
    CountryPageFactory,
    DirectoryIndexPageFactory,
    ServicesIndexPageFactory,
)
from home.factories import HomePageFactory
from tests.helpers import load_portal, translate
from tests.shared_database import drop_template, is_postgres, shared_database


def pytest_configure(config):
    if not hasattr(config, "workerinput"):
        config.portal_run = uuid.uuid4().hex
        # The workers' order (pytest_collection_modifyitems) is the one the scopes are sent in.
        if hasattr(config.option, "loadscopereorder"):
            config.option.loadscopereorder = False


# The modules whose set-up (the whole demo, a bench's directory) takes minutes. pytest-xdist's
# loadscope hands out modules by their number of tests, largest first, so these few-test modules
# started last and ran alone on one worker while the other idled. They go first instead.
SLOW_MODULES = [
    "tests/demo/test_seed_demo.py",
    "tests/demo/test_bench.py",
    "tests/perf/test_search_queries.py",
    "tests/search/test_relevance_suite.py",
]


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist: the slow modules first, then the others by their number of tests."""
    if not hasattr(config, "workerinput"):
        return
    module = {item: item.nodeid.split("::")[0] for item in items}
    sizes = {}
    for name in module.values():
        sizes[name] = sizes.get(name, 0) + 1

    def rank(item):
        name = module[item]
        slow = SLOW_MODULES.index(name) if name in SLOW_MODULES else len(SLOW_MODULES)
        return (slow, -sizes[name])

    items.sort(key=rank)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist's controller tells its workers which run they belong to (one template)."""
    node.workerinput["portal_run"] = node.config.portal_run


def pytest_sessionfinish(session):
    if not hasattr(session.config, "workerinput") and is_postgres(settings.DATABASES["default"]):
        from pytest_django.plugin import blocking_manager_key

        with session.config.stash[blocking_manager_key].unblock():
            drop_template(session.config.portal_run)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no cached search, no rate limit counted."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the portal's default language, whichever language the pages a test
    before it asked for left active in this thread (Django's locale middleware does not switch
    back after a response)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    """Email goes through the outbox to anymail's test backend, as portal.settings.test says.

    Django's test set-up swaps EMAIL_BACKEND for its locmem backend whatever the settings say;
    this puts the outbox back, in front of anymail's test backend (which fills
    django.core.mail.outbox, with anymail's status).
    """
    settings.EMAIL_BACKEND = "emails.backends.OutboxBackend"
    settings.PORTAL_EMAIL_PROVIDER_BACKEND = "anymail.backends.test.EmailBackend"


def build_portal():
    """Home, directory, services index and two countries, translated into every locale.

    Returns the primary keys of the English pages, for `portal` to load in each test.
    """
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "MoreThanAJob",
        },
    )
    directory = DirectoryIndexPageFactory(parent=home, show_in_menus=True)
    services = ServicesIndexPageFactory(parent=home, show_in_menus=True)
    italy = CountryPageFactory(parent=directory, title="Italy", code="IT", national_language="it")
    greece = CountryPageFactory(parent=directory, title="Greece", code="GR", national_language="el")
    titles = {"it": ("Italia", "Grecia"), "el": ("Ιταλία", "Ελλάδα"), "ar": ("إيطاليا", "اليونان")}
    for code, _name in settings.LANGUAGES[1:]:
        translate(home, code)
        translate(directory, code)
        translate(services, code)
        translate(italy, code, title=titles.get(code, ("Italy", "Greece"))[0])
        translate(greece, code, title=titles.get(code, ("Italy", "Greece"))[1])
    return {
        "home": home.pk,
        "directory": directory.pk,
        "services": services.pk,
        "countries": {"IT": italy.pk, "GR": greece.pk},
    }


@pytest.fixture(scope="session")
def _test_database(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's test database; on PostgreSQL under pytest-xdist, a copy of one template
    that the first worker migrates for all (tests/shared_database.py)."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    workerinput = getattr(request.config, "workerinput", None)
    verbosity = request.config.option.verbose
    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    if (
        workerinput
        and "portal_run" in workerinput
        and not keepdb
        and django_db_use_migrations
        and list(settings.DATABASES) == ["default"]
        and is_postgres(settings.DATABASES["default"])
    ):
        with django_db_blocker.unblock():
            teardown = shared_database(
                workerinput["workerid"], workerinput["portal_run"], verbosity
            )
        yield
        if not django_db_keepdb:
            with django_db_blocker.unblock():
                teardown()
        return

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        db_cfg = setup_databases(
            verbosity=verbosity,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            keepdb=keepdb,
        )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=verbosity)


@pytest.fixture(scope="session")
def django_db_setup(_test_database, django_db_blocker):
    """The test database, with the portal's tree built and committed once for the session.

    Every test then runs in a transaction that is rolled back at its end (pytest-django's `db`),
    so each one starts from this same tree, whatever the tests before it changed.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        return build_portal()


@pytest.fixture
def portal(db, django_db_setup):
    """Home, directory, services index and two countries, translated into every locale.

    Fresh instances from the database for each test: what a test changes on them (and rolls back
    with its transaction) never reaches the next one.
    """
    return load_portal(django_db_setup)


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the transaction's on-commit callbacks, as a real commit does, when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def proxy(settings):
    """A caching proxy in front, a real HTTP server on the loopback: the (Host, path) of every
    PURGE it is sent."""
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()

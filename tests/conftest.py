"""A small portal in every locale: the tree of the design, with helpers to translate pages.

The portal's pages are built once per test session, right after the test database is created,
and committed; each test runs in a transaction that is rolled back, so it starts from exactly
that tree whatever the previous test changed.
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from directory.factories import (
    CountryPageFactory,
    DirectoryIndexPageFactory,
    ServicesIndexPageFactory,
)
from directory.models import CountryPage, DirectoryIndexPage, ServicesIndexPage
from home.factories import HomePageFactory
from home.models import HomePage


def translate(page, language_code, **changes):
    """Publish a translation of `page` (and of its missing parents) with the changed fields."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no cached search, no rate limit counted."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    """Email goes through anymail's test backend, as portal.settings.test says.

    Django's test set-up swaps EMAIL_BACKEND for its locmem backend whatever the settings say;
    this puts anymail's back (it fills django.core.mail.outbox too, with anymail's status).
    """
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


@dataclass
class Portal:
    home: Page
    directory: Page
    services: Page
    countries: dict = field(default_factory=dict)

    def localized(self, page, language_code):
        return page.get_translation(Locale.objects.get(language_code=language_code))


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
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the portal's tree built and committed once for the session.

    Every test then runs in a transaction that is rolled back at its end (pytest-django's `db`),
    so each one starts from this same tree, whatever the tests before it changed.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        return build_portal()


def load_portal(keys):
    """The session's portal (see `django_db_setup`), in new instances read from the database."""
    return Portal(
        home=HomePage.objects.get(pk=keys["home"]),
        directory=DirectoryIndexPage.objects.get(pk=keys["directory"]),
        services=ServicesIndexPage.objects.get(pk=keys["services"]),
        countries={code: CountryPage.objects.get(pk=pk) for code, pk in keys["countries"].items()},
    )


@pytest.fixture
def portal(db, django_db_setup):
    """Home, directory, services index and two countries, translated into every locale.

    Fresh instances from the database for each test: what a test changes on them (and rolls back
    with its transaction) never reaches the next one.
    """
    return load_portal(django_db_setup)


def reload(instance):
    """A new instance of the same model read from the database, as a test that made it would
    have it: for data made once for several tests, each of which changes it and rolls back."""
    return type(instance)._default_manager.get(pk=instance.pk)

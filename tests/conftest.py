"""A small portal in every locale: the tree of the design, with helpers to translate pages."""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site

from directory.factories import (
    CountryPageFactory,
    DirectoryIndexPageFactory,
    ServicesIndexPageFactory,
)
from home.factories import HomePageFactory


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


@pytest.fixture
def portal(db):
    """Home, directory, services index and two countries, translated into every locale."""
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
    return Portal(
        home=home, directory=directory, services=services, countries={"IT": italy, "GR": greece}
    )

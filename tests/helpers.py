"""Helpers shared by the tests of every app: translating and publishing pages, reading pages back,
vocabulary terms in several languages, and what the public pages show."""

import datetime
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import transaction
from django.db.models import Model
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import Locale, Page

from directory.factories import PASSWORD
from directory.models import CountryPage, DirectoryIndexPage, ServicesIndexPage
from emails.factories import OutboxEmailFactory
from facilitators.models import ContactLog
from home.models import HomePage


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, language_code, **changes):
    """Publish a translation of `page` (and of its missing parents) with the changed fields."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def publish(page):
    """Publish the page's current state, and read it back as published."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def reload(instance):
    """A new instance of the same model read from the database, as a test that made it would
    have it: for data made once for several tests, each of which changes it and rolls back."""
    return type(instance)._default_manager.get(pk=instance.pk)


def refreshed(value):
    """`value` with each model instance in it (in namespaces, dicts and lists, at any depth) read
    anew from the database: data made once for a module, handed to each test fresh."""
    if isinstance(value, Model):
        return reload(value)
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{name: refreshed(item) for name, item in vars(value).items()})
    if isinstance(value, dict):
        return {key: refreshed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(refreshed(item) for item in value)
    return value


@dataclass
class Portal:
    home: Page
    directory: Page
    services: Page
    countries: dict = field(default_factory=dict)

    def localized(self, page, language_code):
        return page.get_translation(Locale.objects.get(language_code=language_code))


def load_portal(keys):
    """The session's portal (see `django_db_setup`), in new instances read from the database."""
    return Portal(
        home=HomePage.objects.get(pk=keys["home"]),
        directory=DirectoryIndexPage.objects.get(pk=keys["directory"]),
        services=ServicesIndexPage.objects.get(pk=keys["services"]),
        countries={code: CountryPage.objects.get(pk=pk) for code, pk in keys["countries"].items()},
    )


def days(n):
    """The date `n` days from today (before today when negative), in the site's time zone."""
    return timezone.localdate() + datetime.timedelta(days=n)


def term(factory, slug, names, **fields):
    """A vocabulary term named in each language of `names` (the first is the source), by code;
    `fields`: its other fields (a place's country...)."""
    codes = list(names)
    source = factory(slug=slug, name=names[codes[0]], locale=locale(codes[0]), **fields)
    terms = {codes[0]: source}
    for code in codes[1:]:
        translation = source.copy_for_translation(locale(code))
        translation.name = names[code]
        translation.save()
        terms[code] = translation
    return terms


def registration_form(**changes):
    """What a person fills in to register an organisation, with `changes`."""
    return {
        "organisation_name": "Cooperativa Sociale Il Ponte",
        "acronym": "",
        "kind": "social_cooperative",
        "country": "it",
        "place": "",
        "first_name": "Giulia",
        "last_name": "Rossi",
        "email": "giulia@ponte.example.org",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
        "accept_terms": "on",
        "website": "",
        **changes,
    }


def log_in(client, username, password):
    """`client.login`, with the request the sign-in lockout (django-axes) counts failures by."""
    request = RequestFactory().post("/admin/login/")
    return client.login(request=request, username=username, password=password)


def signed_in(user):
    """A new browser, signed in as `user` with the password the factories give."""
    client = Client()
    assert log_in(client, user.username, PASSWORD)
    return client


def count_queries(client, url, **query):
    """The number of queries `url` costs with `query`, once the per-process caches are warm (site
    root paths, content types), and the response."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, query)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(queries), response


def filter_counts(response):
    """{filter: {value: the count shown beside it}} of a listing's page."""
    return {
        widget["name"]: {
            option["value"]: option["count"] for option in widget["options"] if option["value"]
        }
        for widget in response.context["filters"]
    }


def card_titles(html):
    return re.findall(r'<h3 class="card__title"[^>]*><a href="[^"]*">([^<]+)</a>', html)


def meta(html, prop):
    """The contents of the page's <meta> tags for `prop` (Open Graph, or twitter:...)."""
    attribute = "name" if prop.startswith("twitter:") else "property"
    return re.findall(rf'<meta {attribute}="{re.escape(prop)}" content="([^"]*)">', html)


def has_form(html):
    """The page has the form to express interest (the calls here are Italian pages)."""
    return "/interest/" in html and 'name="message"' in html


def emailed(page, subject="Welcome to MoreThanAJob", template_key="welcome"):
    """An email the portal sent to the organisation (its welcome, unless told), and the contact it
    logged for it."""
    email = OutboxEmailFactory(to=[page.email], subject=subject, template_key=template_key)
    return ContactLog.for_email(email, page)


@contextmanager
def module_transaction(django_db_blocker):
    """For a module-scoped fixture: what it writes inside is made once for the module's tests and
    rolled back after the last one. Each test runs inside it in a transaction of its own (rolled
    back at its end), so every test starts from the data as it was made, whatever the tests
    before it changed."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)

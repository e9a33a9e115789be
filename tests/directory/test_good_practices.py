"""Good practices: staff mark portfolio projects, and /<lang>/good-practices/ lists them.

A small directory: an Italian cooperative with projects in Italian (one translated into
English), a Greek association with one in Greek, vocabularies named in English, Italian and
Greek. Marking goes through the real admin edit view, as staff and organisations use it.
"""

import datetime
import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from core.roles import CENTRAL_STAFF
from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    ExpertiseCategoryFactory,
    GoodPracticesIndexPageFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    TargetGroupFactory,
)
from directory.models import GoodPracticesIndexPage, PortfolioProjectPage
from directory.permissions import sync_central_staff
from home.models import HomePage
from tests.directory.organisations import refused, registered
from tests.helpers import (
    card_titles,
    load_portal,
    locale,
    module_transaction,
    refreshed,
    term,
    translate,
)

pytestmark = pytest.mark.django_db
User = get_user_model()

RICH_TEXT_FIELDS = ("objectives", "activities", "resources", "outputs", "outcomes")
LIBRARY_TITLES = {"en": "Good practices", "it": "Buone pratiche", "el": "Καλές πρακτικές",
                  "ar": "الممارسات الجيدة"}  # fmt: skip


# Helpers ---------------------------------------------------------------------------------------


def mark(project, value=True):
    """Mark (or unmark) a project as staff would, through a new revision, published."""
    project.is_good_practice = value
    project.save_revision().publish()
    project.refresh_from_db()
    return project


def headings(html):
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return [
        (int(level), re.sub(r"<[^>]+>", "", text).strip())
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", main, re.S)
    ]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def project_edit_data(project, **extra):
    """The project's editor form, as the browser posts it."""
    return nested_form_data(
        {
            "title": project.title,
            "slug": project.slug,
            "summary": project.summary,
            "scope": project.scope,
            "start_year": project.start_year or "",
            **{name: rich_text("<p>Text.</p>") for name in RICH_TEXT_FIELDS},
            "lessons_learnt": rich_text(""),
            **extra,
        }
    )


# Fixtures --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def made_library(django_db_setup, django_db_blocker):
    """The good practices library, in every language, made once for the module."""
    with module_transaction(django_db_blocker):
        portal = load_portal(django_db_setup)
        page = GoodPracticesIndexPageFactory(parent=portal.home, title=LIBRARY_TITLES["en"])
        for code in ("it", "el", "ar"):
            translate(page, code, title=LIBRARY_TITLES[code])
        yield page


@pytest.fixture
def library(portal, made_library):
    """The library, read anew from the database for one test."""
    return refreshed(made_library)


def library_url(library, code):
    return library.get_translation(locale(code)).url


class Practices:
    """Marked, unmarked and unpublished projects of an Italian and a Greek organisation."""

    def __init__(self, portal):
        names = {"en": "Vocational training", "it": "Formazione professionale",
                 "el": "Επαγγελματική κατάρτιση"}  # fmt: skip
        self.training = term(ExpertiseCategoryFactory, "training", names)
        names = {"en": "Housing", "it": "Casa", "el": "Στέγαση"}
        self.housing = term(ExpertiseCategoryFactory, "housing", names)
        names = {"en": "Young people", "it": "Giovani", "el": "Νέοι"}
        self.young = term(TargetGroupFactory, "young", names)
        names = {"en": "Women", "it": "Donne", "el": "Γυναίκες"}
        self.women = term(TargetGroupFactory, "women", names)

        italy = portal.localized(portal.countries["IT"], "it")
        greece = portal.localized(portal.countries["GR"], "el")
        self.ponte = OrganisationPageFactory(
            parent=italy, title="Cooperativa Il Ponte", city="Palermo"
        )
        self.synergasia = OrganisationPageFactory(
            parent=greece, title="Σύλλογος Συνεργασία", city="Αθήνα"
        )
        self.bakery = self.project(
            self.ponte,
            "Panetteria sociale",
            "Un forno dove i giovani imparano il mestiere.",
            scope="local",
            categories=[self.training["it"]],
            target_groups=[self.young["it"]],
        )
        mark(self.bakery)
        self.bakery_en = translate(
            self.bakery,
            "en",
            title="Social bakery",
            summary="A bakery where young people learn the trade.",
        )
        self.bakery_en.categories.set([self.training["en"]])
        self.bakery_en.target_groups.set([self.young["en"]])
        self.bakery_en.save_revision().publish()
        self.home = mark(
            self.project(
                self.ponte,
                "Casa comune",
                "Alloggi condivisi per donne sole con figli.",
                scope="regional",
                categories=[self.housing["it"]],
                target_groups=[self.women["it"]],
            )
        )
        self.digital = mark(
            self.project(
                self.synergasia,
                "Ψηφιακή γέφυρα",
                "Μαθήματα υπολογιστών για γυναίκες.",
                scope="national",
                categories=[self.training["el"]],
                target_groups=[self.women["el"]],
            )
        )
        self.garden = self.project(self.ponte, "Orto urbano", "Un orto in città per tutti.")
        self.tailoring = mark(self.project(self.ponte, "Sartoria", "Un laboratorio di cucito."))
        self.tailoring.unpublish()

    @staticmethod
    def project(organisation, title, summary, categories=(), target_groups=(), **fields):
        project = PortfolioProjectPageFactory(
            parent=organisation, title=title, summary=summary, **fields
        )
        project.categories.set(categories)
        project.target_groups.set(target_groups)
        project.save_revision().publish()
        project.refresh_from_db()
        return project


@pytest.fixture(scope="module")
def made_practices(django_db_setup, django_db_blocker, made_library):
    """The projects, made once for the module, in the library: from the first test that asks for
    them to the module's end, so the tests of an empty library come before it."""
    with module_transaction(django_db_blocker):
        yield SimpleNamespace(**vars(Practices(load_portal(django_db_setup))))


@pytest.fixture
def practices(portal, library, made_practices):
    """The same projects in new instances read from the database, for one test."""
    return refreshed(made_practices)


def listed(client, library, code="en", query=""):
    response = client.get(library_url(library, code) + query)
    assert response.status_code == 200
    html = response.content.decode()
    return card_titles(html), html


# Who may mark a good practice --------------------------------------------------------------------


@pytest.fixture
def own_project(portal):
    """An Italian organisation registered through the portal, with a project of its own."""
    user, page, _account = registered("it", "giulia@ponte.example.org", "Cooperativa Il Ponte")
    project = PortfolioProjectPageFactory(parent=page, title="Panetteria sociale")
    return user, project


def test_an_organisation_cannot_mark_its_own_project_even_by_posting_the_field(client, own_project):
    user, project = own_project
    client.force_login(user)
    form = client.get(edit_url(project)).content.decode()
    assert 'name="summary"' in form, "the organisation edits its project"
    assert 'name="is_good_practice"' not in form

    response = client.post(
        edit_url(project),
        project_edit_data(
            project, summary="Edited by the organisation.", is_good_practice="on",
            good_practice_since="2020-01-01",
        ),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    project.refresh_from_db()
    draft = project.get_latest_revision_as_object()
    assert draft.summary == "Edited by the organisation.", "the rest of the form was saved"
    assert not project.is_good_practice and project.good_practice_since is None
    assert not draft.is_good_practice and draft.good_practice_since is None

    # Nor through a copy of a marked project.
    mark(project)
    copy = project.copy(update_attrs={"slug": "panetteria-copia", "title": "Copia"}, user=user)
    assert copy.specific.is_good_practice is False
    assert copy.specific.good_practice_since is None


def test_the_countrys_facilitator_marks_a_project_in_every_language(client, own_project):
    _user, project = own_project
    english = translate(project, "en", title="Social bakery")

    client.force_login(CountryFacilitatorFactory(country="GR", username="eleni"))
    assert refused(client.get(edit_url(project))), "not a project of Greece"
    client.post(edit_url(project), project_edit_data(project, is_good_practice="on"))
    project.refresh_from_db()
    assert not project.is_good_practice

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    form = client.get(edit_url(project)).content.decode()
    assert 'name="is_good_practice"' in form
    # Saving a draft is enough: the mark is the project's, not one revision's.
    response = client.post(edit_url(project), project_edit_data(project, is_good_practice="on"))
    assert response.status_code == 302, response.content.decode()[:2000]
    today = timezone.localdate()
    for page in (project, english):
        page.refresh_from_db()
        assert page.is_good_practice and page.good_practice_since == today, page.locale


def test_central_staff_mark_and_unmark_a_project_of_any_country(client, own_project):
    _user, project = own_project
    english = translate(project, "en", title="Social bakery")
    staff = CentralStaffFactory(username="cesie")
    assert staff.has_perm("directory.mark_good_practice")
    client.force_login(staff)

    publish = {"action-publish": "publish"}
    client.post(edit_url(english), project_edit_data(english, is_good_practice="on", **publish))
    for page in (project, english):
        page.refresh_from_db()
        assert page.is_good_practice, page.locale
    assert english.live

    client.post(edit_url(project), project_edit_data(project, **publish))  # box left empty
    for page in (project, english):
        page.refresh_from_db()
        assert not page.is_good_practice and page.good_practice_since is None, page.locale


def test_the_mark_outlives_older_revisions_and_reaches_new_translations(own_project):
    user, project = own_project
    # The organisation saved a draft before its project was chosen...
    project.summary = "A draft written before."
    draft = project.save_revision(user=user)
    mark(project)
    since = project.good_practice_since
    # ...and its facilitator approves that draft later: the project stays a good practice.
    draft.publish()
    project.refresh_from_db()
    assert project.is_good_practice and project.summary == "A draft written before."
    assert project.good_practice_since == since

    greek = translate(project, "el", title="Κοινωνικός φούρνος")
    assert greek.is_good_practice and greek.good_practice_since == since

    # Unmarked on the translation: the project is no longer one, in any language.
    mark(greek, False)
    project.refresh_from_db()
    assert not project.is_good_practice and project.good_practice_since is None


def test_staff_and_facilitators_groups_have_the_permission_organisations_do_not(
    portal, own_project
):
    user, _project = own_project
    sync_central_staff()
    for name in (CENTRAL_STAFF, "Facilitators: IT", "Facilitators: GR"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="mark_good_practice").exists(), name
    assert not user.has_perm("directory.mark_good_practice")

    # Groups that existed before the permission get it from the migration.
    migration = importlib.import_module("directory.migrations.0006_grant_mark_good_practice")
    permission = Permission.objects.get(codename="mark_good_practice")
    group = Group.objects.get(name="Facilitators: IT")
    group.permissions.remove(permission)
    migration.grant(django_apps, None)
    assert group.permissions.filter(pk=permission.pk).exists()
    assert not user.groups.filter(permissions=permission).exists()


# The library ------------------------------------------------------------------------------------


def test_the_library_is_one_page_under_the_home_page_without_children(portal, library):
    assert GoodPracticesIndexPage in HomePage.allowed_subpage_models()
    assert GoodPracticesIndexPage.allowed_subpage_models() == []
    assert not GoodPracticesIndexPage.can_create_at(portal.home), "one per home page"
    assert library.url == "/en/good-practices/"
    assert library_url(library, "ar") == "/ar/good-practices/"


# These two need a library without the module's projects (made_practices): they come first.
def test_an_empty_library_says_where_projects_are(client, portal, library):
    titles, html = listed(client, library, "en")
    assert titles == []
    assert "No good practices have been chosen yet." in html
    assert f'href="{portal.directory.url}"' in html


def test_the_list_costs_the_same_queries_for_3_and_12_good_practices(
    client, portal, library, settings
):
    settings.PORTAL_PAGE_SIZE = 100
    category = ExpertiseCategoryFactory(slug="training", name="Training")
    group = TargetGroupFactory(slug="young", name="Young people")
    italy = portal.localized(portal.countries["IT"], "it")
    organisation = OrganisationPageFactory(parent=italy, title="Cooperativa Il Ponte")
    urls = [
        library_url(library, "el"),
        library_url(library, "el") + "?q=laboratorio&country=it&category=training",
    ]
    made = 0

    def grow_to(n):
        nonlocal made
        for i in range(made, n):
            project = Practices.project(
                organisation,
                f"Laboratorio {i}",
                "Un laboratorio di panetteria.",
                categories=[category],
                target_groups=[group],
            )
            mark(project)
            if i % 2:
                translate(project, "en", title=f"Workshop {i}")
        made = n

    def measure():
        counts = []
        for url in urls:
            client.get(url)  # warm the per-process caches (site root paths, content types)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            assert len(card_titles(response.content.decode())) == made, url
            counts.append(len(queries))
        return counts

    grow_to(3)
    small = measure()
    grow_to(12)
    assert measure() == small


# The practice sheet -----------------------------------------------------------------------------


def test_it_lists_the_marked_live_projects_once_each_in_the_visitors_language(
    client, practices, library
):
    p = practices
    titles, html = listed(client, library, "en")
    assert sorted(titles) == sorted(["Social bakery", "Casa comune", "Ψηφιακή γέφυρα"])
    assert "3 good practices" in html
    # Newest first; the Italian and Greek ones keep their own language on the card.
    assert '<h3 class="card__title" lang="it" dir="ltr">' in html
    assert '<h3 class="card__title" lang="el" dir="ltr">' in html
    assert "Cooperativa Il Ponte" in html and "Vocational training" in html

    titles, _html = listed(client, library, "it")
    assert sorted(titles) == sorted(["Panetteria sociale", "Casa comune", "Ψηφιακή γέφυρα"])

    # Not translated into Arabic: in English where it is, else in its own language.
    titles, html = listed(client, library, "ar")
    assert sorted(titles) == sorted(["Social bakery", "Casa comune", "Ψηφιακή γέφυρα"])
    assert '<html lang="ar" dir="rtl">' in html
    assert '<h3 class="card__title" lang="en" dir="ltr">' in html

    # Unmarked or unpublished projects are not listed.
    for project in (p.garden, p.tailoring):
        assert project.title not in html


FILTERED = [
    ("?country=gr", ["Ψηφιακή γέφυρα"]),
    ("?country=it", ["Social bakery", "Casa comune"]),
    ("?scope=regional", ["Casa comune"]),
    ("?category=training", ["Social bakery", "Ψηφιακή γέφυρα"]),
    ("?target_group=women", ["Casa comune", "Ψηφιακή γέφυρα"]),
    ("?category=training&target_group=women", ["Ψηφιακή γέφυρα"]),
    ("?country=it&scope=national", []),
]


def test_each_filter_narrows_the_list(client, practices, library):
    for query, expected in FILTERED:
        titles, html = listed(client, library, "en", query)
        assert sorted(titles) == sorted(expected), query
        if not expected:
            assert "No good practice matches these filters yet." in html
            assert "See every good practice" in html


def test_filters_show_their_counts_and_the_filters_in_use(client, practices, library):
    _titles, html = listed(client, library, "en", "?category=training")
    # Each country's count with the other filters applied.
    assert re.search(r'<option value="it">Italy \(1\)</option>', html)
    assert re.search(r'<option value="gr">Greece \(1\)</option>', html)
    assert re.search(r'<option value="training" selected>Vocational training \(2\)</option>', html)
    assert re.search(r'<option value="housing">Housing \(1\)</option>', html)
    assert 'class="chips"' in html and "Vocational training" in html
    # The form has a label for every control and works without JavaScript (a plain GET form).
    for name in ("q", "country", "target_group", "scope", "category"):
        assert f'<label for="id_{name}">' in html, name
    assert 'method="get"' in html and '<button type="submit"' in html


def test_search_finds_good_practices_only_in_the_visitors_language(client, practices, library):
    titles, _html = listed(client, library, "en", "?q=bakery")
    assert titles == ["Social bakery"]
    titles, _html = listed(client, library, "it", "?q=panetteria")
    assert titles == ["Panetteria sociale"]
    # The organisation's city and the vocabulary, in any language, are searched too.
    titles, _html = listed(client, library, "en", "?q=Palermo")
    assert sorted(titles) == ["Casa comune", "Social bakery"]
    titles, _html = listed(client, library, "el", "?q=Housing")
    assert titles == ["Casa comune"]
    # Words and filters together.
    titles, _html = listed(client, library, "en", "?q=Palermo&scope=regional")
    assert titles == ["Casa comune"]

    # An unmarked project is not found, even by its own words.
    titles, html = listed(client, library, "it", "?q=orto")
    assert titles == []
    assert "Nessuna buona pratica trovata per «orto»." in html  # the Italian library

    # No practice has every word: those with most of them, said so.
    titles, html = listed(client, library, "en", "?q=bakery+zebra")
    assert titles == ["Social bakery"]
    assert "No good practice has all your words" in html


def test_with_elasticsearch_the_index_gives_the_matches_in_its_order(
    client, practices, library, monkeypatch
):
    from wagtail.query import PageQuerySet
    from wagtail.search.backends import get_search_backend

    p = practices

    class IndexResults(list):
        """Like Elasticsearch's results: pages in order of relevance, and no SQL queryset."""

    found = IndexResults([p.digital, p.garden, p.home, p.bakery_en, p.bakery])
    monkeypatch.setattr(PageQuerySet, "search", lambda self, *args, **kwargs: found)
    # Nor does it match words on the listing rows, as the portal's PostgreSQL backend does.
    backend = type(get_search_backend())
    monkeypatch.delattr(backend, "ranked_rows", raising=False)
    # The visitor's language first, then the index's order.
    titles, _html = listed(client, library, "en", "?q=anything")
    assert titles == ["Social bakery", "Ψηφιακή γέφυρα", "Casa comune"]
    titles, _html = listed(client, library, "it", "?q=anything")
    assert titles == ["Casa comune", "Panetteria sociale", "Ψηφιακή γέφυρα"]
    titles, _html = listed(client, library, "en", "?q=anything&country=it")
    assert titles == ["Social bakery", "Casa comune"]


def test_bad_filter_values_and_page_numbers_never_break_the_page(client, practices, library):
    for query in ("?country=zz", "?scope=galactic", "?category=nope&target_group=%00"):
        titles, html = listed(client, library, "en", query)
        assert len(titles) == 3, query
        assert "Some filters were not recognised and have been ignored" in html, query
    # Words longer than the limit are cut to it, and found nowhere.
    titles, html = listed(client, library, "en", "?q=" + "x" * 500)
    assert titles == [] and "No good practice found for" in html
    for number in ("2", "0", "abc", "-1", "99999999999999999999"):
        response = client.get(library_url(library, "en") + f"?page={number}")
        assert response.status_code == 404, number


def test_results_are_paginated(client, practices, library, settings):
    settings.PORTAL_PAGE_SIZE = 2
    first, html = listed(client, library, "en")
    assert len(first) == 2 and "3 good practices" in html and 'rel="next"' in html
    second, _html = listed(client, library, "en", "?page=2")
    assert len(second) == 1 and not set(first) & set(second)


def test_the_practice_sheet_shows_its_sections_in_order_and_the_mark(client, practices, library):
    p = practices
    project = p.bakery_en
    project.start_year, project.end_year = 2019, 2022
    project.people_reached = 250
    project.funding = "A bank's foundation"
    project.partners = "The city of Palermo"
    for name in (*RICH_TEXT_FIELDS, "lessons_learnt"):
        setattr(project, name, f"<p>Text of {name}.</p>")
    project.link = "https://ponte.example.org/bakery/"
    project.save_revision().publish()

    html = client.get(project.url).content.decode()
    assert [text for _level, text in headings(html)] == [
        "Social bakery",
        "At a glance",
        "Objectives",
        "Activities",
        "Resources",
        "Outputs",
        "Outcomes",
        "Lessons learnt",
        "Find out more",
    ]
    assert [level for level, _text in headings(html)] == [1] + [2] * 8
    glance = html.split('id="at-a-glance"', 1)[1].split("</section>", 1)[0]
    for fact in ("Cooperativa Il Ponte", "Italy", "Local", "2019–2022", "250",
                 "A bank&#x27;s foundation", "The city of Palermo", "Vocational training",
                 "Young people"):  # fmt: skip
        assert fact in glance, fact
    assert "Text of lessons_learnt." in html
    assert 'href="https://ponte.example.org/bakery/"' in html
    assert 'class="badge badge--good-practice"' in html
    assert "A good practice to learn from." in html
    assert f'href="{library.url}"' in html, "back to the library, in the page's language"

    # An unmarked project has its sheet, without the mark; the link is in its language.
    html = client.get(p.garden.url).content.decode()
    assert '<html lang="it" dir="ltr">' in html
    assert "badge--good-practice" not in html
    assert f'href="{library_url(library, "it")}"' in html

    # The organisation's list of projects shows which are good practices.
    html = client.get(p.ponte.url).content.decode()
    portfolio = html.split('id="portfolio"', 1)[1].split("</section>", 1)[0]
    assert portfolio.count("badge--good-practice") == 2  # the bakery and the shared home
    assert "Orto urbano" in portfolio


def test_a_good_practice_since_date_is_kept_while_marked(practices):
    project = practices.home
    assert project.good_practice_since == timezone.localdate()
    PortfolioProjectPage.objects.filter(pk=project.pk).update(
        good_practice_since=datetime.date(2024, 5, 1)
    )
    project.refresh_from_db()
    project.title = "Casa comune per tutte"
    project.save_revision().publish()
    project.refresh_from_db()
    assert project.good_practice_since == datetime.date(2024, 5, 1)


def test_a_categorys_new_slug_reaches_the_good_practices_filtered_by_it(client, practices, library):
    for translation in practices.housing.values():
        translation.slug = "shelter"
        translation.save()
    titles, _html = listed(client, library, "en", "?category=shelter")
    assert titles == ["Casa comune"]

"""The way into the directory: a search box on every public page, the home page's box and
category tiles, the services index leading to the search, and the filters in use as chips that
each take one filter away."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from collaboration.factories import CollaborationCallPageFactory, CollaborationIndexPageFactory
from directory.factories import (
    ExpertiseCategoryFactory,
    GoodPracticesIndexPageFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.models import CategoryIcon, ExpertiseCategory
from home.factories import StandardPageFactory
from tests.helpers import card_titles, term, translate

pytestmark = pytest.mark.django_db

HEADER_FORM = re.compile(
    r'<header class="site-header">.*?<form class="site-search" method="get" action="([^"]+)"'
    r' role="search"[^>]*>.*?<input type="search" name="q" id="site-search-q"',
    re.S,
)


def header_search_action(html):
    match = HEADER_FORM.search(html)
    return match.group(1) if match else None


def chips(html):
    """The chips of the filters in use: {accessible text: the address without that filter}."""
    listed = re.search(r'<ul class="chips"[^>]*>(.*?)</ul>', html, re.S)
    if not listed:
        return {}
    found = {}
    for href, inside in re.findall(r'<a href="([^"]*)">(.*?)</a>', listed.group(1), re.S):
        text = re.sub(r'<span aria-hidden="true">.*?</span>', "", inside)
        text = " ".join(re.sub(r"<[^>]+>", "", text).split())
        found[unescape(text)] = unescape(href)
    return found


def query_of(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


@pytest.fixture
def site(portal):
    """One of every kind of public page, in English and Italian."""
    italy = portal.countries["IT"]
    organisation = OrganisationPageFactory(parent=italy, title="Rome Coop", city="Rome")
    category = ExpertiseCategoryFactory(name="Training", slug="training")
    service = ServicePageFactory(parent=organisation, title="Italian course", category=category)
    project = PortfolioProjectPageFactory(parent=organisation, title="Garden project")
    collaboration = CollaborationIndexPageFactory(parent=portal.home)
    call = CollaborationCallPageFactory(parent=organisation, title="Partners wanted")
    practices = GoodPracticesIndexPageFactory(parent=portal.home)
    about = StandardPageFactory(parent=portal.home)
    pages = [
        portal.home,
        portal.directory,
        italy,
        organisation,
        service,
        project,
        collaboration,
        call,
        practices,
        about,
    ]
    italian = [translate(page, "it") for page in pages[3:]]
    return pages, italian


def test_every_public_page_has_the_search_box_in_its_header(client, portal, site):
    pages, italian = site
    for page in pages:
        html = client.get(page.url).content.decode()
        assert header_search_action(html) == "/en/search/", page.url
    for page in [portal.localized(portal.home, "it"), *italian]:
        html = client.get(page.url).content.decode()
        assert header_search_action(html) == "/it/search/", page.url
    for url in ("/ar/search/?q=x", "/el/register/", "/en/no-such-page/"):
        response = client.get(url)
        language = url.split("/")[1]
        assert header_search_action(response.content.decode()) == f"/{language}/search/", url


def test_the_header_box_searches(client, portal):
    ServicePageFactory(
        parent=OrganisationPageFactory(parent=portal.countries["IT"]), title="Bicycle repair"
    )
    html = client.get("/en/search/", {"q": "bicycle"}).content.decode()
    assert card_titles(html) == ["Bicycle repair"]
    # The header's own field keeps its id apart from the page's search field.
    assert html.count('id="site-search-q"') == 1
    assert html.count('id="id_q"') == 1


def test_the_home_page_has_a_search_box_and_the_categories_as_tiles(client, portal):
    term(
        ExpertiseCategoryFactory,
        "training",
        {"en": "Vocational training", "it": "Formazione professionale", "ar": "التدريب المهني"},
    )
    term(
        ExpertiseCategoryFactory,
        "legal-aid",
        {"en": "Legal aid", "it": "Assistenza legale", "ar": "المساعدة القانونية"},
    )
    ExpertiseCategory.objects.filter(slug="legal-aid").update(icon=CategoryIcon.LEGAL)
    for code, expected in (
        ("en", ["Legal aid", "Vocational training"]),
        ("it", ["Assistenza legale", "Formazione professionale"]),
        ("ar", ["التدريب المهني", "المساعدة القانونية"]),
    ):
        html = client.get(portal.localized(portal.home, code).url).content.decode()
        assert re.search(
            rf'<form class="search home-search" method="get" action="/{code}/search/"', html
        )
        assert 'id="home-search-q"' in html
        tiles = re.findall(
            r'<a class="category-tile" href="([^"]+)"><img src="([^"]+)" alt=""[^>]*>'
            r"<span>([^<]+)</span></a>",
            html,
        )
        assert sorted(name for _href, _icon, name in tiles) == sorted(expected), code
        for href, icon, _name in tiles:
            assert href.startswith(f"/{code}/search/?category=")
            assert icon.startswith("/static/img/categories/") and icon.endswith(".svg")
        by_slug = {query_of(href)["category"]: icon for href, icon, _name in tiles}
        assert by_slug["legal-aid"].endswith("/legal.svg")
        assert by_slug["training"].endswith("/other.svg")  # no icon chosen


def test_a_category_tile_lists_that_category(client, portal):
    training = ExpertiseCategoryFactory(slug="training", name="Training")
    legal = ExpertiseCategoryFactory(slug="legal", name="Legal aid")
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    ServicePageFactory(parent=organisation, title="Welding course", category=training)
    ServicePageFactory(parent=organisation, title="Asylum advice", category=legal)
    html = client.get(portal.home.url).content.decode()
    href = re.search(r'<a class="category-tile" href="([^"]+)"><img[^>]*><span>Training<', html)
    response = client.get(unescape(href.group(1)))
    assert card_titles(response.content.decode()) == ["Welding course"]


@pytest.fixture
def two_countries(portal):
    training = ExpertiseCategoryFactory(name="Training", slug="training")
    legal = ExpertiseCategoryFactory(name="Legal", slug="legal")
    migrants = TargetGroupFactory(name="Migrants", slug="migrants")
    rome = OrganisationPageFactory(parent=portal.countries["IT"], title="Rome Coop")
    athens = OrganisationPageFactory(parent=portal.countries["GR"], title="Athens Network")
    course = ServicePageFactory(parent=rome, title="Italian course", category=training)
    course.target_groups.add(migrants)
    course.save_revision().publish()
    ServicePageFactory(parent=athens, title="Asylum advice", category=legal, is_free=True)
    return portal


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"kind": "all-services"}),
        ("country=it", {"country": "it", "kind": "all-services"}),
        ("country=gr&free=on&page=2", {"country": "gr", "free": "on", "kind": "all-services"}),
        ("kind=opportunity&category=training", {"kind": "opportunity", "category": "training"}),
    ],
)
def test_the_services_index_leads_to_the_search_with_its_filters(
    client, two_countries, query, expected
):
    for code in ("en", "ar"):
        index = two_countries.localized(two_countries.services, code)
        response = client.get(f"{index.url}?{query}")
        assert response.status_code == 301
        assert urlsplit(response["Location"]).path == f"/{code}/search/"
        assert query_of(response["Location"]) == expected


def test_the_services_index_lists_services_only_and_keeps_its_filters(client, two_countries):
    response = client.get(two_countries.services.url, follow=True)
    html = response.content.decode()
    assert set(card_titles(html)) == {"Italian course", "Asylum advice"}
    response = client.get(f"{two_countries.services.url}?country=it", follow=True)
    assert card_titles(response.content.decode()) == ["Italian course"]
    # Organisations are there again when the chip "Services and opportunities" is removed.
    without = chips(response.content.decode())["Remove filter: Services and opportunities"]
    html = client.get(without).content.decode()
    assert set(card_titles(html)) == {"Italian course", "Rome Coop"}


def test_menus_and_find_a_service_go_straight_to_the_search(client, two_countries):
    html = client.get(two_countries.localized(two_countries.home, "it").url).content.decode()
    assert html.count('href="/it/search/?kind=all-services"') >= 3  # header, footer, home
    assert 'href="/it/services/' not in html
    search = client.get("/it/search/", {"kind": "all-services"}).content.decode()
    header = search[search.index('class="site-nav"') : search.index('class="language-switcher"')]
    assert 'href="/it/search/?kind=all-services" aria-current="page"' in header


def test_the_services_index_is_left_out_of_the_sitemap(client, two_countries):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/services/" not in sitemap
    assert "/en/organisations/" in sitemap


def test_each_chip_removes_exactly_its_own_filter(client, two_countries):
    params = {"q": "course", "country": "it", "category": "training", "free": "on"}
    html = client.get("/en/search/", params).content.decode()
    found = chips(html)
    assert set(found) == {
        "Remove filter: Italy",
        "Remove filter: Training",
        "Remove filter: Free of charge only",
    }
    removed = {
        "Remove filter: Italy": "country",
        "Remove filter: Training": "category",
        "Remove filter: Free of charge only": "free",
    }
    for label, name in removed.items():
        assert urlsplit(found[label]).path == "/en/search/"
        expected = {key: value for key, value in params.items() if key != name}
        assert query_of(found[label]) == expected, label


def test_the_filters_fold_behind_a_summary_counting_them(client, two_countries):
    html = client.get("/en/search/", {"country": "it", "free": "on"}).content.decode()
    summary = re.search(r'<summary class="filters__summary">(.*?)</summary>', html, re.S)
    assert " ".join(re.sub(r"<[^>]+>", "", summary.group(1)).split()) == "Filters (2)"
    assert '<details class="filters" data-filters>' in html
    skip = html.index('<a class="skip-results" href="#results">Skip to results</a>')
    assert skip < html.index("<details") < html.index('id="results"')


def test_every_listing_folds_its_filters_and_shows_its_chips(client, two_countries):
    portal = two_countries
    CollaborationIndexPageFactory(parent=portal.home)
    GoodPracticesIndexPageFactory(parent=portal.home)
    for url, params, label in (
        (portal.countries["IT"].url, {"category": "training"}, "Training"),
        ("/en/good-practices/", {"country": "gr"}, "Greece"),
        ("/en/collaboration/", {"country": "gr"}, "Greece"),
    ):
        html = client.get(url, params).content.decode()
        assert '<details class="filters" data-filters>' in html, url
        assert 'href="#results"' in html and 'id="results"' in html, url
        found = chips(html)
        assert list(found) == [f"Remove filter: {label}"], url
        assert query_of(found[f"Remove filter: {label}"]) == {}, url

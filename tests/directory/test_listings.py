import datetime
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from directory.factories import (
    ExpertiseCategoryFactory,
    OpportunityPageFactory,
    OrganisationPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.models import OrganisationPage, ServicePage
from tests.helpers import card_titles, load_portal, module_transaction, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def italian_organisation(portal):
    italy_it = portal.localized(portal.countries["IT"], "it")
    organisation = OrganisationPageFactory(
        parent=italy_it, title="Cooperativa Sociale Il Ponte", city="Palermo"
    )
    return organisation


def test_untranslated_service_is_listed_once_in_greek_in_its_own_language(
    client, portal, italian_organisation
):
    ServicePageFactory(parent=italian_organisation, title="Sportello lavoro per giovani")
    greek_index = portal.localized(portal.services, "el")
    html = client.get(greek_index.url, follow=True).content.decode()
    assert card_titles(html) == ["Sportello lavoro per giovani"]
    # The card keeps its own language inside the Greek page.
    assert '<html lang="el"' in html
    assert '<h3 class="card__title" lang="it" dir="ltr">' in html
    assert '<p class="card__summary" lang="it" dir="ltr">' in html


def test_translated_service_is_listed_once_in_each_language(client, portal, italian_organisation):
    service = ServicePageFactory(parent=italian_organisation, title="Corso di panetteria")
    translate(italian_organisation, "en", title="Il Ponte Social Cooperative")
    translate(service, "en", title="Bakery course")
    translate(italian_organisation, "el", title="Κοινωνικός Συνεταιρισμός Il Ponte")
    translate(service, "el", title="Μαθήματα αρτοποιίας")

    def titles(code):
        index = portal.localized(portal.services, code)
        return card_titles(client.get(index.url, follow=True).content.decode())

    assert titles("it") == ["Corso di panetteria"]
    assert titles("en") == ["Bakery course"]
    assert titles("el") == ["Μαθήματα αρτοποιίας"]
    # Not translated into Arabic: shown once, in English (the default language).
    assert titles("ar") == ["Bakery course"]


def test_untranslated_organisation_appears_on_every_country_page(
    client, portal, italian_organisation
):
    for code in ("en", "it", "el", "ar"):
        country = portal.localized(portal.countries["IT"], code)
        html = client.get(country.url).content.decode()
        assert card_titles(html) == ["Cooperativa Sociale Il Ponte"], code


def test_directory_counts_organisations_once_per_country(client, portal, italian_organisation):
    translate(italian_organisation, "en", title="Il Ponte Social Cooperative")
    html = client.get(portal.directory.url).content.decode()
    italy = re.search(r"Italy</span>\s*<span[^>]*>([^<]+)<", html).group(1)
    greece = re.search(r"Greece</span>\s*<span[^>]*>([^<]+)<", html).group(1)
    assert italy == "1 organisation"
    assert greece == "0 organisations"


@pytest.fixture(scope="module")
def made_two_countries(django_db_setup, django_db_blocker):
    """The services below, made once for the module (`module_transaction`)."""
    with module_transaction(django_db_blocker):
        yield make_two_countries(load_portal(django_db_setup))


@pytest.fixture
def two_countries(portal, made_two_countries):
    """The portal, with an Italian and a Greek organisation and their three services."""
    return portal


def make_two_countries(portal):
    training = ExpertiseCategoryFactory(name="Training", slug="training")
    legal = ExpertiseCategoryFactory(name="Legal aid", slug="legal-aid")
    young = TargetGroupFactory(name="Young people", slug="young-people")
    migrants = TargetGroupFactory(name="Migrants", slug="migrants")
    rome = OrganisationPageFactory(parent=portal.countries["IT"], title="Rome Coop")
    athens = OrganisationPageFactory(parent=portal.countries["GR"], title="Athens Network")
    s1 = ServicePageFactory(parent=rome, title="Italian course", category=training)
    s1.target_groups.add(migrants)
    s1.save_revision().publish()
    s2 = OpportunityPageFactory(parent=rome, title="Paid internship", category=training)
    s2.target_groups.add(young)
    s2.save_revision().publish()
    s3 = ServicePageFactory(parent=athens, title="Asylum advice", category=legal)
    s3.target_groups.add(migrants)
    s3.save_revision().publish()
    return portal


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Italian course", "Paid internship", "Asylum advice"}),
        ("country=it", {"Italian course", "Paid internship"}),
        ("country=gr", {"Asylum advice"}),
        ("category=training", {"Italian course", "Paid internship"}),
        ("target_group=migrants", {"Italian course", "Asylum advice"}),
        ("kind=opportunity", {"Paid internship"}),
        ("country=it&target_group=migrants", {"Italian course"}),
        ("country=gr&kind=opportunity", set()),
    ],
)
def test_services_index_filters(client, two_countries, query, expected):
    response = client.get(f"{two_countries.services.url}?{query}", follow=True)
    assert response.status_code == 200
    assert set(card_titles(response.content.decode())) == expected


def test_filters_work_in_another_language(client, two_countries):
    arabic_index = two_countries.localized(two_countries.services, "ar")
    response = client.get(f"{arabic_index.url}?country=gr", follow=True)
    assert set(card_titles(response.content.decode())) == {"Asylum advice"}


@pytest.mark.parametrize(
    "query", ["country=zz", "category=nonsense", "delivery=job", "target_group=%00", "country=<b>"]
)
def test_unknown_filter_values_give_a_normal_page_with_a_message(client, two_countries, query):
    response = client.get(f"{two_countries.services.url}?{query}", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "were not recognised" in html
    assert set(card_titles(html)) == {"Italian course", "Paid internship", "Asylum advice"}


@pytest.mark.parametrize("number", ["2", "0", "-1", "abc", "99999999999999999999"])
def test_page_numbers_out_of_range_are_404(client, two_countries, number):
    assert client.get(f"/en/search/?kind=all-services&page={number}").status_code == 404


def test_pagination_keeps_the_filters(client, settings, two_countries):
    settings.PORTAL_PAGE_SIZE = 1
    html = client.get("/en/search/?country=it&kind=all-services").content.decode()
    assert "?country=it&amp;kind=all-services&amp;page=2" in html
    second = client.get("/en/search/?country=it&kind=all-services&page=2").content.decode()
    assert len(card_titles(second)) == 1


def test_language_switcher_leads_to_the_translation_or_the_page_in_that_language(
    client, portal, italian_organisation
):
    html = client.get(italian_organisation.url).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    # Italian page: no English translation yet, so English leads to the same page at the English
    # address (see test_visitor_addresses), not to a home page; it is no alternate of the page.
    italy_en = portal.countries["IT"]
    assert f'href="{italy_en.url}{italian_organisation.slug}/" lang="en"' in switcher
    assert 'hreflang="en" href=' not in html[: html.index("</head>")]
    english = translate(italian_organisation, "en", title="Il Ponte Social Cooperative")
    html = client.get(italian_organisation.url).content.decode()
    assert f'href="{english.url}" lang="en"' in html
    assert f'hreflang="en" href="http://testserver{english.url}"' in html


def test_root_redirects_to_the_visitors_language(client, portal):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response["Location"] == "/en/"


def test_home_shows_live_counts_and_latest_services(client, two_countries):
    html = client.get(two_countries.home.url).content.decode()
    assert "<strong>2</strong> organisations" in html
    assert "<strong>3</strong> services and opportunities" in html
    assert "<strong>2</strong> countries" in html
    assert {"Italian course", "Paid internship", "Asylum advice"} <= set(card_titles(html))
    assert Locale.objects.count() == 4


def test_home_figures_and_latest_follow_publication_and_the_nightly_refresh(client, two_countries):
    """The home page's figures are kept between requests, never past a change of content."""
    url = two_countries.home.url
    assert "<strong>3</strong> services and opportunities" in client.get(url).content.decode()
    rome = OrganisationPage.objects.get(title="Rome Coop")
    added = ServicePageFactory(parent=rome, title="Bakery workshop")
    added.save_revision().publish()
    html = client.get(url).content.decode()
    assert "<strong>4</strong> services and opportunities" in html
    assert "Bakery workshop" in card_titles(html)
    # Unchecked for eighteen months: the nightly refresh takes it out of the figures too.
    ServicePage.objects.filter(pk=added.pk).update(checked_on=datetime.date(2020, 1, 1))
    call_command("refresh_listings", verbosity=0)
    html = client.get(url).content.decode()
    assert "<strong>3</strong> services and opportunities" in html
    assert "Bakery workshop" not in card_titles(html)

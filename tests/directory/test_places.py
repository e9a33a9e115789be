"""Places: one vocabulary of towns, each named in every language, chosen from a list at
registration and in the editor, shown in the visitor's language, administered by central staff;
and the conversion of the free-text cities, regions and locations that came before."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    CountryPageFactory,
    OrganisationPageFactory,
    PlaceFactory,
    ServicePageFactory,
)
from directory.models import OrganisationPage, Place, PlaceKind, ServicePage
from tests.helpers import publish, signed_in, term, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(portal):
    return {
        "palermo": term(
            PlaceFactory,
            "palermo",
            {"it": "Palermo", "el": "Παλέρμο", "ar": "باليرمو"},
            country="IT",
            region=PlaceFactory(name="Sicilia", slug="sicily", country="IT", kind="region"),
        ),
        "athens": term(PlaceFactory, "athens", {"el": "Αθήνα", "en": "Athens"}, country="GR"),
    }


# Registration -----------------------------------------------------------------------------------


def test_registration_offers_each_countrys_places_in_the_visitors_language(client, places):
    html = client.get("/ar/register/").content.decode()
    select = re.search(r'<select name="place".*?</select>', html, re.S).group(0)
    italy = re.search(r'<optgroup label="إيطاليا">(.*?)</optgroup>', select, re.S).group(1)
    assert '<option value="palermo">باليرمو</option>' in italy
    assert "athens" not in italy
    greek = client.get("/el/register/").content.decode()
    assert '<option value="athens">Αθήνα</option>' in greek
    assert "Sicilia" not in select, "a region is no town to register in"


# The editor -------------------------------------------------------------------------------------


def test_the_editor_offers_the_places_of_the_organisations_country(client, portal, places):
    client.force_login(CentralStaffFactory())
    italy_it = portal.localized(portal.countries["IT"], "it")
    organisation = OrganisationPageFactory(parent=italy_it, city="")
    form = client.get(reverse("wagtailadmin_pages:edit", args=[organisation.pk])).context["form"]
    offered = {place.slug for place in form.fields["place"].queryset}
    assert offered == {"palermo", "sicily"}
    assert [p.name for p in form.fields["place"].queryset if p.slug == "palermo"] == ["Palermo"]
    service_url = reverse(
        "wagtailadmin_pages:add", args=["directory", "servicepage", organisation.pk]
    )
    service_form = client.get(service_url).context["form"]
    assert "athens" not in {place.slug for place in service_form.fields["place"].queryset}


def test_the_place_is_the_same_in_every_language_of_an_organisation(portal, places):
    organisation = publish(
        OrganisationPageFactory(parent=portal.countries["IT"], place=places["palermo"]["it"])
    )
    greek = translate(organisation, "el")
    assert greek.place_id == organisation.place_id


# Pages and cards --------------------------------------------------------------------------------


def test_pages_and_cards_name_the_place_in_the_visitors_language(client, portal, places):
    italy_it = portal.localized(portal.countries["IT"], "it")
    organisation = publish(
        OrganisationPageFactory(
            parent=italy_it,
            title="Cooperativa Il Ponte",
            place=places["palermo"]["it"],
            address="Via Maqueda 214",
        )
    )
    service = publish(ServicePageFactory(parent=organisation, title="Sportello lavoro"))
    greek_profile = client.get(translate(organisation, "el").url).content.decode()
    assert "Παλέρμο" in greek_profile
    profile = client.get(organisation.url).content.decode()
    assert "Via Maqueda 214, Palermo (Sicilia)" in profile
    greek_service = client.get(translate(service, "el").url).content.decode()
    assert "Παλέρμο" in greek_service
    listing = client.get("/ar/search/", {"q": "Ponte"}).content.decode()
    card = re.search(r'<article class="card organisation-card">.*?</article>', listing, re.S)
    assert "باليرمو" in card.group(0)


# Administration ---------------------------------------------------------------------------------


def test_central_staff_add_a_place_and_facilitators_may_not(portal):
    url = reverse("wagtailsnippets_directory_place:add")
    data = {"name": "Monreale", "slug": "monreale", "kind": "town", "country": "IT"}
    staff = signed_in(CentralStaffFactory())
    response = staff.post(url, data)
    assert response.status_code == 302
    assert Place.objects.get(slug="monreale").country == "IT"
    facilitator = signed_in(CountryFacilitatorFactory(country=portal.countries["IT"]))
    for address in (url, reverse("wagtailsnippets_directory_place:list")):
        response = facilitator.get(address)
        assert response.status_code in (302, 403)
    assert facilitator.post(url, {**data, "slug": "jenin"}).status_code in (302, 403)
    assert not Place.objects.filter(slug="jenin").exists()


def test_a_country_is_chosen_among_the_directorys_countries(portal):
    staff = signed_in(CentralStaffFactory())
    response = staff.post(
        reverse("wagtailsnippets_directory_place:add"),
        {"name": "Atlantis", "slug": "atlantis", "kind": "town", "country": "XX"},
    )
    assert response.status_code in (200, 400)
    assert "valid choice" in response.content.decode()
    assert not Place.objects.filter(slug="atlantis").exists()


def test_a_place_in_use_is_not_deleted(portal, places):
    palermo = places["palermo"]["it"]
    OrganisationPageFactory(parent=portal.countries["IT"], title="Il Ponte", place=palermo)
    staff = signed_in(CentralStaffFactory())
    response = staff.post(
        reverse("wagtailsnippets_directory_place:delete", args=[palermo.pk]), follow=True
    )
    assert "cannot be deleted" in response.content.decode()
    assert Place.objects.filter(slug="palermo").count() == 3


# The conversion of the free-text places ---------------------------------------------------------


def migrate(target):
    with connection.cursor() as cursor:  # PostgreSQL alters no table with checks still pending
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    MigrationExecutor(connection).migrate(target)
    return MigrationExecutor(connection).loader.project_state(target).apps


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite cannot alter tables inside the test's transaction; CI runs it on PostgreSQL",
)
def test_cities_and_locations_become_places_and_venues_addresses(portal):
    italy_it = portal.localized(portal.countries["IT"], "it")
    greece_el = portal.localized(portal.countries["GR"], "el")
    nowhere = CountryPageFactory(parent=portal.directory, title="Country not set", code="")
    ponte = publish(OrganisationPageFactory(parent=italy_it, title="Il Ponte", city=""))
    ponte_en = translate(ponte, "en")
    faro = publish(OrganisationPageFactory(parent=italy_it, title="Il Faro", city=""))
    orti = publish(OrganisationPageFactory(parent=italy_it, title="Orti", city=""))
    kipos = publish(OrganisationPageFactory(parent=greece_el, title="Κήπος", city=""))
    kipos_en = translate(kipos, "en")
    network = publish(OrganisationPageFactory(parent=nowhere, title="Network", city=""))
    venue = publish(ServicePageFactory(parent=ponte, title="Italiano", address="Piazza 21"))
    venue_en = translate(venue, "en")
    elsewhere = publish(ServicePageFactory(parent=ponte, title="Sportello"))
    at_home = publish(ServicePageFactory(parent=ponte, title="Lavoro"))

    old = migrate([("directory", "0013_category_icon")])
    organisations = old.get_model("directory", "OrganisationPage").objects
    services = old.get_model("directory", "ServicePage").objects
    organisations.filter(pk=ponte.pk).update(city="Palermo", region="Sicilia")
    organisations.filter(pk=ponte_en.pk).update(city="Palermo", region="Sicily")
    organisations.filter(pk=faro.pk).update(city="  palermo ")  # one city, two spellings
    organisations.filter(pk=orti.pk).update(city="Catania", region="Sicilia")
    organisations.filter(pk=kipos.pk).update(city="Αθήνα")
    organisations.filter(pk=kipos_en.pk).update(city="Athens")
    organisations.filter(pk=network.pk).update(city="Beirut", address="Rue Arax")
    services.filter(pk=venue.pk).update(location="Centro giovani di Ballarò")
    services.filter(pk=venue_en.pk).update(location="Ballarò youth centre")
    services.filter(pk=elsewhere.pk).update(location="CATANIA")
    services.filter(pk=at_home.pk).update(location="Palermo")

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    def place(page):
        page = type(page).objects.get(pk=page.pk)
        if page.place is None:
            return None
        names = Place.objects.filter(translation_key=page.place.translation_key)
        return page.place.slug, {p.locale.language_code: p.name for p in names}

    palermo = ("palermo", {"it": "Palermo", "en": "Palermo"})  # its translation named it
    assert place(ponte) == place(ponte_en) == place(faro) == palermo
    assert place(orti) == ("catania", {"it": "Catania"})
    assert place(kipos) == place(kipos_en) == ("athina", {"el": "Αθήνα", "en": "Athens"})
    sicily = Place.objects.get(slug="sicilia", locale__language_code="it")
    assert sicily.kind == PlaceKind.REGION
    assert {p.locale.language_code: p.name for p in Place.objects.filter(slug="sicilia")} == {
        "it": "Sicilia",
        "en": "Sicily",
    }
    assert OrganisationPage.objects.get(pk=ponte.pk).place.region == sicily
    assert Place.objects.get(slug="catania").region == sicily
    # No country, no place to choose: the city stays in the address.
    assert place(network) is None
    assert OrganisationPage.objects.get(pk=network.pk).address == "Rue Arax, Beirut"
    # A venue leads the address, in each language version; a town is the service's place,
    # none where it is its organisation's.
    assert place(venue) is None
    assert ServicePage.objects.get(pk=venue.pk).address == "Centro giovani di Ballarò, Piazza 21"
    assert ServicePage.objects.get(pk=venue_en.pk).address == "Ballarò youth centre, Piazza 21"
    assert place(elsewhere) == ("catania", {"it": "Catania"})
    assert place(at_home) is None
    assert ServicePage.objects.get(pk=at_home.pk).address == ""
    # A draft published later keeps the place.
    draft = OrganisationPage.objects.get(pk=ponte.pk).get_latest_revision().as_object()
    assert draft.place.slug == "palermo"

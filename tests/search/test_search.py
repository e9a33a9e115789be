"""The search page: one box over services and organisations, filters with counts, sorting."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import translate

from .helpers import result_count, search, titles

pytestmark = pytest.mark.django_db


def option_count(response, name, value):
    """The count shown beside `value` in the filter `name`."""
    html = response.content.decode()
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    option = re.search(rf'<option value="{re.escape(value)}"[^>]*>[^<]*\((\d+)\)</option>', select)
    return int(option.group(1))


def checkbox_count(response, name):
    html = response.content.decode()
    return int(re.search(rf'for="id_{name}">[^<]*<span class="count">\((\d+)\)', html).group(1))


def test_services_and_organisations_come_from_one_box(client, directory):
    found = titles(search(client, "en", q="Athens"))
    assert "Open Doors Employment Centre" in found  # the organisation, by its city
    assert "Legal advice for refugees" in found  # its service, by its organisation's city


def test_each_result_is_listed_once_in_the_visitors_language_or_marked(client, directory):
    translate(directory["cuochi"], "en", title="Training course for young cooks")
    # The English translation stands for the Italian original, which is not listed as well.
    response = search(client, "en", category="training")
    found = titles(response)
    assert "Training course for young cooks" in found
    assert "Corso di formazione per giovani cuochi" not in found
    # A page not translated into English is listed in its own language, marked as such.
    assert "Laboratorio di sartoria per donne" in found
    html = response.content.decode()
    written_in = '<span class="visually-hidden">Written in</span> <span lang="it" dir="ltr">'
    assert f"{written_in}italiano" in html
    assert '<span lang="ar" dir="rtl">العربيّة</span>' in html


def test_filters_narrow_the_results_and_show_counts(client, directory):
    response = search(client, "en", q="training", country="it")
    assert set(titles(response)) == {
        "Cooperativa Sociale Il Faro",
        "Corso di formazione per giovani cuochi",
        "Laboratorio di sartoria per donne",
    }
    # Beside each country: what choosing it would give, whatever country is chosen now.
    assert option_count(response, "country", "it") == 3
    assert option_count(response, "country", "gr") == 3  # Open Doors, digital skills, bakery
    assert option_count(response, "kind", "organisation") == 1
    assert option_count(response, "kind", "opportunity") == 1


def test_service_filters_leave_organisations_out(client, directory):
    everything = titles(search(client, "en", q="training"))
    assert "Open Doors Employment Centre" in everything
    online = search(client, "en", q="training", delivery="online")
    assert titles(online) == ["Training for young people in digital skills"]
    free = titles(search(client, "en", category="legal", free="on"))
    assert "Open Doors Employment Centre" not in free
    assert set(free) == {
        "Legal advice for refugees",
        "Sportello di consulenza legale per migranti",
        "استشارات قانونية مجانية للاجئين",
    }


def test_only_organisations(client, directory):
    found = titles(search(client, "en", kind="organisation", target_group="women"))
    assert found == ["جمعية أمل للتنمية"]


def test_open_now_leaves_out_what_has_closed(client, directory):
    every = titles(search(client, "en", kind="opportunity"))
    assert "Summer internship in a bakery" in every
    response = search(client, "en", kind="opportunity", open="on")
    assert set(titles(response)) == {
        "Training for young people in digital skills",
        "Laboratorio di sartoria per donne",
    }
    assert checkbox_count(response, "open") == 2
    assert checkbox_count(response, "free") == 1  # the tailoring workshop has a fee


def test_place_filter_by_city_or_region_in_any_language(client, directory):
    palermo = titles(search(client, "en", place="palermo"))
    assert "Cooperativa Sociale Il Faro" in palermo
    assert "Corso di formazione per giovani cuochi" in palermo
    assert "Sportello di consulenza legale per migranti" not in palermo  # held in Catania
    sicily = titles(search(client, "en", place="sicily"))  # a region: its towns
    assert "Corso di formazione per giovani cuochi" in sicily
    assert "Sportello di consulenza legale per migranti" in sicily
    response = search(client, "en")
    assert option_count(response, "place", "catania") == 1
    assert option_count(response, "place", "palermo") == 3
    # A region counts its towns' results, each once, with the other filters in force.
    assert option_count(response, "place", "sicily") == len(sicily) == 4
    training = search(client, "en", category="training")
    assert option_count(training, "place", "sicily") == len(
        titles(search(client, "en", category="training", place="sicily"))
    )


def test_sort_by_closing_date_and_newest(client, directory):
    closing = titles(search(client, "en", kind="opportunity", sort="closing"))
    assert closing == [
        "Laboratorio di sartoria per donne",  # in 5 days
        "Training for young people in digital skills",  # in 20 days
        "Summer internship in a bakery",  # closed: last
    ]
    newest = titles(search(client, "en", kind="opportunity", sort="newest"))
    assert newest == [
        "Summer internship in a bakery",
        "Training for young people in digital skills",
        "Laboratorio di sartoria per donne",
    ]


def test_the_address_holds_the_whole_state(client, directory, settings):
    settings.PORTAL_PAGE_SIZE = 2
    response = search(client, "en", q="training", country="gr", sort="newest")
    html = response.content.decode()
    assert result_count(response) == 3
    assert 'href="?q=training&amp;country=gr&amp;sort=newest&amp;page=2"' in html
    second = search(client, "en", q="training", country="gr", sort="newest", page=2)
    assert len(titles(second)) == 1
    assert set(titles(response) + titles(second)) == {
        "Open Doors Employment Centre",
        "Training for young people in digital skills",
        "Summer internship in a bakery",
    }
    # Each filter in use can be taken away by a link that keeps the rest.
    assert 'href="/en/search/?q=training&amp;sort=newest"' in html
    assert client.get("/en/search/", {"q": "training", "page": 9}).status_code == 404
    assert client.get("/en/search/", {"page": "x"}).status_code == 404


def test_nothing_found_says_what_to_try(client, directory):
    response = search(client, "it", q="astronave", country="it")
    html = response.content.decode()
    assert result_count(response) == 0
    assert "astronave" in html
    assert 'href="/it/search/?q=astronave"' in html  # take the country filter away


def test_unknown_filter_values_are_reported_not_fatal(client, directory):
    response = search(client, "en", q="training", country="zz", sort="sideways")
    assert "Some filters were not recognised" in response.content.decode()
    assert "Training for young people in digital skills" in titles(response)


def test_suggestions_offer_categories_and_organisations_in_the_visitors_language(client, directory):
    data = client.get("/it/search/suggest/", {"q": "form"}).json()["suggestions"]
    assert {"label": "Formazione professionale", "kind": "category"} in data
    data = client.get("/en/search/suggest/", {"q": "open"}).json()["suggestions"]
    assert [item["label"] for item in data] == ["Open Doors Employment Centre"]
    assert data[0]["url"] == directory["doors"].url
    assert client.get("/en/search/suggest/", {"q": "o"}).json() == {"suggestions": []}


def test_postgresql_type_ahead_offers_what_wagtails_autocomplete_offers(portal):
    """On PostgreSQL the type-ahead looks the index up first (`autocompleted_rows`): the same
    organisations as Wagtail's autocomplete over the visitor's listing, in the same order,
    those of other kinds or not listed in the language left out."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from directory.factories import OrganisationPageFactory, ServicePageFactory
    from directory.listing_rows import DIRECTORY, current
    from directory.models import ListingRow, OrganisationPage

    if connection.vendor != "postgresql":
        pytest.skip("the index looked up first is the PostgreSQL backend's")
    italy = portal.countries["IT"]
    names = ["Cooperativa sociale Aurora", "Cooperativa Sole", "Coop Lavoro Insieme"]
    names += [f"Cooperativa agricola {n}" for n in range(9)]
    names += ["Centro per l'impiego", "Associazione Cooperare"]
    organisations = [OrganisationPageFactory(parent=italy, title=name) for name in names]
    ServicePageFactory(parent=organisations[0], title="Cooperativa di servizi")  # a service
    organisations[1].unpublish()
    current()
    backend = get_search_backend()
    candidates = ListingRow.objects.filter(language="it", listing=DIRECTORY, kind="organisation")
    for typed in ["coop", "cooperativa agr", "centro", "cooperativa sociale aur", "zzz"]:
        wagtail = OrganisationPage.objects.filter(pk__in=candidates.values("page_id"))
        expected = [page.pk for page in wagtail.autocomplete(typed)[:8]]
        assert backend.autocompleted_rows(candidates, OrganisationPage, typed, 8) == expected
    found = backend.autocompleted_rows(candidates, OrganisationPage, "coop", 20)
    assert len(found) >= 11 and organisations[0].pk in found
    assert organisations[1].pk not in found  # not the unpublished one


def test_a_new_translation_of_a_term_is_searchable_at_once(
    client, directory, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    women = directory.terms["women"]
    greek = women.copy_for_translation(Locale.objects.get(language_code="el"))
    greek.name = "Γυναίκες"
    with django_capture_on_commit_callbacks(execute=True):
        greek.save()
    found = titles(search(client, "el", q="Γυναίκες"))
    assert "Laboratorio di sartoria per donne" in found
    assert "دعم نفسي للنساء" in found


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=300),
    page=st.sampled_from(["", "1", "-1", "0", "abc"]),
)
def test_any_input_gives_a_page_not_an_error(client, directory, text, page):
    for path in ("/en/search/", "/ar/search/suggest/"):
        response = client.get(path, {"q": text, "place": text, "page": page})
        assert response.status_code in (200, 404)


def test_a_page_published_after_a_search_is_found_by_the_same_search(client, directory):
    from directory.factories import ServicePageFactory

    assert titles(search(client, "en", q="beekeeping")) == []
    service = ServicePageFactory(
        parent=directory["doors"], title="Beekeeping course", summary="Bees and honey."
    )
    service.save_revision().publish()
    assert titles(search(client, "en", q="beekeeping")) == ["Beekeeping course"]
    service.unpublish()
    assert titles(search(client, "en", q="beekeeping")) == []


def options(response, name):
    """{value: label} of the filter `name`, its counts left out."""
    html = response.content.decode()
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    option = r'<option value="([^"]*)"[^>]*>\s*([^<(]*?)\s*(?:\(\d+\))?\s*</option>'
    return dict(re.findall(option, select))


def test_the_filters_offer_a_term_or_place_as_soon_as_it_is_added_or_renamed(
    client, portal, settings
):
    """The filters' vocabularies are kept between requests; a change shows at the next one."""
    from directory.factories import ExpertiseCategoryFactory, PlaceFactory

    settings.PORTAL_SEARCH_CACHE_SECONDS = 0
    assert "cooking" not in options(client.get("/en/search/"), "category")
    # A place is offered once it has results, or when chosen (by a link, say).
    assert "cefalu" not in options(client.get("/en/search/", {"place": "cefalu"}), "place")

    category = ExpertiseCategoryFactory(slug="cooking", name="Cooking")
    PlaceFactory(name="Cefalù", slug="cefalu")

    response = client.get("/en/search/", {"place": "cefalu"})
    assert options(response, "category")["cooking"] == "Cooking"
    assert options(response, "place")["cefalu"] == "Cefalù"
    category.name = "Cooking and catering"
    category.save()
    assert options(client.get("/en/search/"), "category")["cooking"] == "Cooking and catering"
    category.delete()
    assert "cooking" not in options(client.get("/en/search/"), "category")

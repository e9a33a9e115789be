"""The HSDS 3.0 API: valid records, only what is public, one language per answer, paging and
filters, read-only, open to other sites, limited."""

import datetime
import json

import pytest
from django.utils import timezone

from directory.freshness import months_before, record_check
from tests.opendata.schemas import errors, list_errors, require_schemas

pytestmark = pytest.mark.django_db

API = "/api/hsds"


def get(client, path, **headers):
    response = client.get(f"{API}{path}", **headers)
    assert response["Content-Type"].startswith("application/json"), path
    return response


def ok(client, path, **headers):
    response = get(client, path, **headers)
    assert response.status_code == 200, (path, response.content)
    return response.json()


def names(listed):
    return {item["name"] for item in listed["contents"]}


def language_of(record):
    return next(a["value"] for a in record["attributes"] if a["link_type"] == "content_language")


# Valid against the official schemas -----------------------------------------------------------


def test_every_endpoint_validates_in_every_language(client, open_data):
    require_schemas()
    service = open_data.translated.translation_key
    organisation = open_data.organisation.translation_key
    for lang in ("en", "ar"):
        q = f"?lang={lang}"
        checks = [
            ("compiled/service_list", ok(client, f"/services{q}"), True),
            ("compiled/organization_list", ok(client, f"/organizations{q}"), True),
            ("compiled/service_at_location_list", ok(client, f"/service_at_locations{q}"), True),
            ("taxonomy", ok(client, f"/taxonomies{q}"), True),
            ("taxonomy_term", ok(client, f"/taxonomy_terms{q}"), True),
            ("service", ok(client, f"/services/{service}{q}"), False),
            ("organization", ok(client, f"/organizations/{organisation}{q}"), False),
            ("service_at_location", ok(client, f"/service_at_locations/{service}{q}"), False),
        ]
        taxonomy = ok(client, f"/taxonomies{q}")["contents"][0]
        checks.append(("taxonomy", ok(client, f"/taxonomies/{taxonomy['id']}{q}"), False))
        term = ok(client, f"/taxonomy_terms{q}")["contents"][0]
        checks.append(("taxonomy_term", ok(client, f"/taxonomy_terms/{term['id']}{q}"), False))
        for schema, answer, listed in checks:
            if listed:
                assert answer["contents"], schema
                assert list_errors(schema, answer) == [], schema
            else:
                assert errors(schema, answer) == [], schema


def test_the_api_says_what_it_is(client):
    about = ok(client, "/")
    assert about["version"] == "3.0"
    assert about["profile"].startswith("https://")
    assert about["openapi_url"].endswith("/api/hsds/openapi.json")
    response = get(client, "/openapi.json")
    assert response["Access-Control-Allow-Origin"] == "*"
    description = response.json()
    for path in ("/services", "/services/{id}", "/organizations", "/taxonomy_terms/{id}"):
        assert f"/api/hsds{path}" in description["paths"]


# Only what is public -------------------------------------------------------------------------


def test_drafts_and_hidden_services_never_appear(client, open_data):
    listed = ok(client, "/services?per_page=100")
    assert names(listed) == {
        "Orientamento al lavoro",
        "Corso di italiano",
        "Sportello online",
        "Laboratorio",
    }
    for page in (open_data.draft, open_data.hidden):
        assert get(client, f"/services/{page.translation_key}").status_code == 404
        assert get(client, f"/service_at_locations/{page.translation_key}").status_code == 404
    found = ok(client, "/services?search=Bozza")
    assert "Bozza segreta" not in names(found)


def test_content_unchecked_for_eighteen_months_is_in_no_list_but_answers_by_id(client, open_data):
    """As on the site: left out of the lists (and the search), its record still given by id,
    with the date it was last checked."""
    service, organisation = open_data.translated, open_data.organisation
    before = ok(client, "/services?per_page=100")
    long_ago = months_before(timezone.localdate(), 19)
    record_check([service.translation_key, organisation.translation_key], on=long_ago)

    listed = ok(client, "/services?per_page=100")
    assert "Orientamento al lavoro" not in names(listed)
    assert listed["total_items"] == before["total_items"] - 1 == len(listed["contents"])
    assert "Orientamento al lavoro" not in names(ok(client, "/services?search=Orientamento"))
    assert "Orientamento al lavoro" not in names(ok(client, "/services?country=it"))
    places = ok(client, "/service_at_locations?per_page=100")
    assert str(service.translation_key) not in {item["service_id"] for item in places["contents"]}
    assert "Cooperativa Sole" not in names(ok(client, "/organizations"))

    record = ok(client, f"/services/{service.translation_key}")
    assert record["name"] == "Orientamento al lavoro"
    assert record["assured_date"] == long_ago.isoformat()
    arabic = ok(client, f"/services/{service.translation_key}?lang=ar")
    assert arabic["name"] == "التوجيه المهني" and arabic["assured_date"] == long_ago.isoformat()
    at_place = ok(client, f"/service_at_locations/{service.translation_key}")
    assert at_place["service"]["assured_date"] == long_ago.isoformat()
    found = ok(client, f"/organizations/{organisation.translation_key}")
    assert found["name"] == "Cooperativa Sole"
    assert found["assured_date"] == long_ago.isoformat()

    # Checked again: listed again at once.
    record_check([service.translation_key])
    assert "Orientamento al lavoro" in names(ok(client, "/services?per_page=100"))


def test_an_unpublished_contact_is_never_given(client, open_data):
    """The draft's email is not shown on the page: the API gives the organisation's, as the
    page does; the contact person, a person's name, is never given."""
    key = open_data.with_draft_contact.translation_key
    record = ok(client, f"/services/{key}")
    assert record["email"] == "info@sole.example.org"
    for path in ("/services?per_page=100", f"/services/{key}", "/organizations"):
        text = get(client, path).content.decode()
        assert "unpublished@sole.example.org" not in text
        assert "Maria Rossi" not in text


def test_a_service_gives_its_own_phone_else_its_organisations(client, open_data):
    own = ok(client, f"/services/{open_data.translated.translation_key}")
    assert [phone["number"] for phone in own["phones"]] == ["+39 091 111111"]
    inherited = ok(client, f"/services/{open_data.italian.translation_key}")
    assert [phone["number"] for phone in inherited["phones"]] == ["+39 091 000000"]


def test_an_online_service_has_no_place(client, open_data):
    key = open_data.online.translation_key
    assert ok(client, f"/services/{key}")["service_at_locations"] == []
    assert get(client, f"/service_at_locations/{key}").status_code == 404
    listed = ok(client, "/service_at_locations?per_page=100")
    assert key not in {str(item["service_id"]) for item in listed["contents"]}


# One language per answer ---------------------------------------------------------------------


def test_arabic_where_translated_and_the_source_language_elsewhere_with_the_same_ids(
    client, open_data
):
    english = {item["id"]: item for item in ok(client, "/services?per_page=100")["contents"]}
    arabic = {item["id"]: item for item in ok(client, "/services?lang=ar&per_page=100")["contents"]}
    assert english.keys() == arabic.keys()
    translated = str(open_data.translated.translation_key)
    assert arabic[translated]["name"] == "التوجيه المهني"
    assert language_of(arabic[translated]) == "ar"
    assert english[translated]["name"] == "Orientamento al lavoro"
    assert language_of(english[translated]) == "it"
    italian = str(open_data.italian.translation_key)
    assert arabic[italian]["name"] == "Corso di italiano"
    assert language_of(arabic[italian]) == "it"
    organisation = ok(client, f"/organizations/{open_data.organisation.translation_key}?lang=ar")
    assert organisation["name"] == "تعاونية الشمس"


def test_the_language_comes_from_accept_language_else_english(client, open_data):
    key = open_data.translated.translation_key
    response = get(client, f"/services/{key}", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.json()["name"] == "التوجيه المهني"
    assert response["Content-Language"] == "ar"
    assert "Accept-Language" in response["Vary"]
    assert get(client, f"/services/{key}")["Content-Language"] == "en"


def test_vocabularies_are_taxonomies_with_their_terms_in_each_language(client, open_data):
    category = str(open_data.category["it"].translation_key)
    arabic = {t["id"]: t for t in ok(client, "/taxonomy_terms?lang=ar&per_page=100")["contents"]}
    italian = {t["id"]: t for t in ok(client, "/taxonomy_terms?lang=it&per_page=100")["contents"]}
    assert (arabic[category]["name"], arabic[category]["language"]) == ("تدريب", "ar")
    assert (italian[category]["name"], italian[category]["language"]) == ("Formazione", "it")
    group = str(open_data.group["it"].translation_key)
    assert (arabic[group]["name"], arabic[group]["language"]) == ("Young people", "en")
    taxonomy = arabic[category]["taxonomy_id"]
    assert ok(client, f"/taxonomies/{taxonomy}?lang=it")["id"] == taxonomy
    only = ok(client, f"/taxonomy_terms?taxonomy_id={taxonomy}")
    assert {term["code"] for term in only["contents"]} == {"training"}
    record = ok(client, f"/services/{open_data.translated.translation_key}")
    linked = {a["taxonomy_term_id"] for a in record["attributes"]}
    assert {category, group} <= linked


# Paging and filters --------------------------------------------------------------------------


def test_paging(client, open_data):
    first = ok(client, "/services?per_page=3")
    assert (first["total_items"], first["total_pages"], first["size"]) == (4, 2, 3)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    second = ok(client, "/services?per_page=3&page=2")
    assert (second["page_number"], second["size"], second["last_page"]) == (2, 1, True)
    assert not names(first) & names(second)
    beyond = ok(client, "/services?per_page=3&page=9")
    assert beyond["empty"] and beyond["contents"] == []


@pytest.mark.parametrize(
    "query",
    [
        "/services?page=0",
        "/services?page=abc",
        "/services?per_page=0",
        "/services?per_page=101",
        "/services?lang=xx",
        "/services?country=ITA",
        "/services?taxonomy_term_id=not-a-uuid",
        "/services?modified_after=yesterday",
        "/services/not-a-uuid",
        "/taxonomy_terms?per_page=5000",
    ],
)
def test_bad_parameters_get_a_clear_4xx(client, open_data, query):
    response = get(client, query)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_an_unknown_id_is_a_404(client, open_data):
    response = get(client, "/organizations/00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_filters(client, open_data):
    category = open_data.category["ar"].translation_key
    assert names(ok(client, f"/services?taxonomy_term_id={category}")) == {"Orientamento al lavoro"}
    groups = ok(client, "/taxonomies")["contents"][1]["id"]
    assert names(ok(client, f"/services?taxonomy_id={groups}")) == {"Orientamento al lavoro"}
    organisation = open_data.organisation.translation_key
    assert ok(client, f"/services?organization_id={organisation}")["total_items"] == 4
    assert ok(client, "/services?country=it")["total_items"] == 4
    assert ok(client, "/services?country=GR")["total_items"] == 0
    future = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ok(client, f"/services?modified_after={future}")["total_items"] == 0
    past = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    assert ok(client, f"/services?modified_after={past}T00:00:00Z")["total_items"] == 4
    assert names(ok(client, "/services?search=Laboratorio")) == {"Laboratorio"}
    assert names(ok(client, "/organizations?search=Sole")) == {"Cooperativa Sole"}
    unknown = "00000000-0000-4000-8000-000000000000"
    assert ok(client, f"/services?taxonomy_term_id={unknown}")["empty"]


# Read-only, open, limited, cached ------------------------------------------------------------


def test_read_only(client, open_data):
    for path in ("/services", f"/services/{open_data.italian.translation_key}", "/"):
        assert (
            client.post(f"{API}{path}", data="{}", content_type="application/json").status_code
            == 405
        )
        assert client.delete(f"{API}{path}").status_code == 405


def test_open_to_other_sites_and_kept_by_caches(client, open_data):
    response = get(client, "/services")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert get(client, "/services?page=0")["Access-Control-Allow-Origin"] == "*"


def test_a_client_asking_too_much_is_told_to_wait(client, open_data, settings):
    settings.PORTAL_HSDS_RATE_LIMIT = 2
    assert get(client, "/services").status_code == 200
    assert get(client, "/organizations").status_code == 200
    refused = get(client, "/taxonomies")
    assert refused.status_code == 429
    assert "try again" in json.loads(refused.content)["detail"]

"""The HSDS tabular data package: a zip of CSV files with its datapackage.json, per language."""

import csv
import io
import json
import zipfile

import pytest
from django.utils import timezone

from directory.freshness import months_before, record_check

pytestmark = pytest.mark.django_db


def unpack(response):
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    files = {name: archive.read(name).decode() for name in archive.namelist()}
    descriptor = json.loads(files.pop("datapackage.json"))
    tables = {name: list(csv.DictReader(io.StringIO(text))) for name, text in files.items()}
    return descriptor, tables


def test_the_package_holds_every_table_its_descriptor_names(client, open_data):
    response = client.get("/open-data/hsds-en.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "hsds-en.zip" in response["Content-Disposition"]
    descriptor, tables = unpack(response)
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert {resource["path"] for resource in descriptor["resources"]} == set(tables)
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    for resource in descriptor["resources"]:
        header = [field["name"] for field in resource["schema"]["fields"]]
        first_line = archive.read(resource["path"]).decode().splitlines()[0]
        assert first_line.split(",") == header, resource["name"]
    assert {"organizations.csv", "services.csv", "locations.csv", "service_at_location.csv"} <= (
        tables.keys()
    )
    assert {"taxonomies.csv", "taxonomy_terms.csv", "attributes.csv", "phones.csv"} <= (
        tables.keys()
    )


def test_the_package_has_only_public_content_in_its_language(client, open_data):
    _descriptor, tables = unpack(client.get("/open-data/hsds-ar.zip"))
    services = {row["id"]: row for row in tables["services.csv"]}
    assert services[str(open_data.translated.translation_key)]["name"] == "التوجيه المهني"
    assert services[str(open_data.italian.translation_key)]["name"] == "Corso di italiano"
    assert str(open_data.draft.translation_key) not in services
    assert str(open_data.hidden.translation_key) not in services
    everything = json.dumps(tables, ensure_ascii=False)
    assert "unpublished@sole.example.org" not in everything
    assert "Maria Rossi" not in everything
    organisations = [row["name"] for row in tables["organizations.csv"]]
    assert organisations == ["تعاونية الشمس"]
    links = {(row["link_id"], row["link_type"]) for row in tables["attributes.csv"]}
    assert (str(open_data.translated.translation_key), "category") in links
    terms = {row["code"]: row for row in tables["taxonomy_terms.csv"]}
    assert terms["training"]["name"] == "تدريب"


def test_content_unchecked_for_eighteen_months_is_left_out_of_the_package(client, open_data):
    long_ago = months_before(timezone.localdate(), 19)
    record_check([open_data.italian.translation_key], on=long_ago)
    _descriptor, tables = unpack(client.get("/open-data/hsds-en.zip"))
    services = {row["id"] for row in tables["services.csv"]}
    assert str(open_data.italian.translation_key) not in services
    assert str(open_data.translated.translation_key) in services


def test_an_unknown_language_has_no_package(client, open_data):
    assert client.get("/open-data/hsds-xx.zip").status_code in (302, 404)

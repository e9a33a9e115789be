"""The schemas' loader works: the official examples validate, and broken records do not."""

import copy

import pytest

from tests.opendata.schemas import errors, example, list_errors

EXAMPLES = {
    "service_full": "service",
    "organization_full": "organization",
    "service_at_location_full": "service_at_location",
    "location": "location",
    "taxonomy": "taxonomy",
    "taxonomy_term": "taxonomy_term",
}
LISTS = {
    "service_list": "compiled/service_list",
    "organization_list": "compiled/organization_list",
    "service_at_location_list": "compiled/service_at_location_list",
    "taxonomy_list": "taxonomy",
    "taxonomy_term_list": "taxonomy_term",
}


@pytest.mark.parametrize(("name", "schema"), EXAMPLES.items())
def test_official_examples_validate(name, schema):
    assert errors(schema, example(name)) == []


@pytest.mark.parametrize(("name", "schema"), LISTS.items())
def test_official_list_examples_validate(name, schema):
    listed = example(name)
    assert listed["contents"]
    assert list_errors(schema, listed) == []


def test_a_record_without_its_required_fields_is_refused():
    service = example("service_full")
    del service["name"]
    assert any("'name' is a required property" in error for error in errors("service", service))


def test_nested_records_are_checked_through_their_references():
    """A phone inside a service is checked against phone.json: the references resolve."""
    service = copy.deepcopy(example("service_full"))
    assert service["phones"]
    del service["phones"][0]["number"]
    assert any("'number' is a required property" in error for error in errors("service", service))


def test_formats_are_checked():
    organization = example("organization_full")
    organization["email"] = "not an address"
    assert any("email" in error for error in errors("organization", organization))

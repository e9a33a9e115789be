"""The official HSDS 3.0 schemas, read from outside the repository (HSDS_SCHEMA_DIR, by default
`../shared/hsds-3.0` from the repository's root): the API's output is checked against them."""

import json
import os
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def schema_dir():
    configured = os.environ.get("HSDS_SCHEMA_DIR")
    folder = Path(configured) if configured else ROOT.parent / "shared" / "hsds-3.0"
    return folder.expanduser().resolve()


def require_schemas():
    """The schemas' folder; the test fails when it is missing and PORTAL_REQUIRE_HSDS_SCHEMAS=1,
    else it is skipped."""
    folder = schema_dir()
    if (folder / "schema" / "service.json").is_file():
        return folder
    message = f"The HSDS 3.0 schemas are not at {folder} (set HSDS_SCHEMA_DIR)."
    if os.environ.get("PORTAL_REQUIRE_HSDS_SCHEMAS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _retrieve(uri):
    if not uri.startswith(BASE):
        raise NoSuchResource(ref=uri)
    path = schema_dir() / "schema" / uri.removeprefix(BASE)
    if not path.is_file():
        raise NoSuchResource(ref=uri)
    # The schemas name no dialect ($schema): they are read as draft 2020-12.
    return DRAFT202012.create_resource(json.loads(path.read_text()))


@cache
def registry():
    return Registry(retrieve=_retrieve)


def validator(name):
    """A validator for the schema `name` ("service", "compiled/service_list")."""
    require_schemas()
    schema = json.loads((schema_dir() / "schema" / f"{name}.json").read_text())
    schema.setdefault("$id", BASE + f"{name}.json")
    return Draft202012Validator(
        schema, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(name, instance):
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name).iter_errors(instance)
    ]


def example(name):
    return json.loads((require_schemas() / "examples" / f"{name}.json").read_text())


PAGE_KEYS = (
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
)


def list_errors(item_schema, envelope):
    """A list answer: HSDS's paging envelope, each item valid against `item_schema`."""
    found = [f"missing {key}" for key in PAGE_KEYS if key not in envelope]
    for index, item in enumerate(envelope.get("contents", [])):
        found += [f"{index}: {error}" for error in errors(item_schema, item)]
    return found

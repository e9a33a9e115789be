"""Every admin address Wagtail and the portal register, asked for by GET with B's ids in it (its
page, service, image, document, user), as A and as Italy's facilitator: no 500, and none of B's
titles, drafts, files or people."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.admin_leaks.conftest import secrets_in

pytestmark = pytest.mark.django_db


def admin_routes(patterns=None, prefix="", namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from admin_routes(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if route.startswith("admin/") and not route.startswith("admin/logout"):
                yield route, f"{namespace}:{pattern.name}" if namespace else str(pattern.name)


ROUTES = sorted(set(admin_routes()))


def fill(route, name, world):
    """The route's address, each parameter pointing at one of B's objects."""

    own_rows = {
        "enquiries:": world.b_enquiry,
        "contacts:": world.b_contact,
        "outbox:": world.b_email,
    }

    def value(match):
        converter, variable = match.group(1), match.group(2).lower()
        for prefix, row in own_rows.items():
            if name.startswith(prefix) and variable == "pk":
                return str(row.pk)
        if converter == "uuid":
            return str(world.b_page.translation_key)
        if "image" in variable or ("wagtailimages" in name and variable in ("pk", "object_id")):
            return str(world.b_image.pk)
        if "document" in variable or ("wagtaildocs" in name and variable in ("pk", "object_id")):
            return str(world.b_document.pk)
        if "user" in variable or name.startswith("wagtailusers_users"):
            return str(world.b_user.pk)
        if variable in ("app_label", "content_type_app_name"):
            return "directory"
        if variable in ("model_name", "content_type_model_name"):
            return "servicepage"
        if variable == "action":
            return "delete"
        if converter in (None, "str", "slug", "path"):
            return "1"
        return str(world.b_service.pk if "parent" not in variable else world.b_page.pk)

    address = re.sub(r"<(?:(\w+):)?(\w+)>", value, route)
    address = re.sub(r"\(\?P<\w+>[^)]*\)", str(world.b_service.pk), address)
    return "/" + address.replace("^", "").replace("$", "").replace("\\Z", "")


@pytest.mark.parametrize("who", ["a_user", "it_facilitator"])
@pytest.mark.parametrize(("route", "name"), ROUTES, ids=[route for route, _name in ROUTES])
def test_no_admin_address_names_another_organisation(client, world, who, route, name):
    client.force_login(getattr(world, who))
    address = fill(route, name, world)
    query = f"?id={world.b_page.pk}&id={world.b_service.pk}" if "bulk" in route else ""
    query = query or f"?owner={world.b_user.pk}&user={world.b_user.pk}&q=Omicron"
    response = client.get(address + query)
    assert response.status_code < 500, address
    assert secrets_in(response) == [], address

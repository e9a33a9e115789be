"""Each admin screen that named another organisation's pages, drafts, files or people, by direct
URL: refused to an organisation, narrowed to their countries for a facilitator, whole for
central staff."""

import pytest
from django.urls import reverse

from directory.factories import ExpertiseCategoryFactory
from emails.models import EmailTemplate
from tests.admin_leaks.conftest import B_DRAFT, B_NAME, B_PERSON, B_SERVICE, secrets_in
from tests.directory.organisations import refused

pytestmark = pytest.mark.django_db


def bulk_url(app_label, model_name, action, ids):
    url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
    return url + "?" + "&".join(f"id={pk}" for pk in ids)


BULK_ACTIONS = (
    [
        ("wagtailcore", "page", action, "pages")
        for action in ["delete", "move", "publish", "unpublish"]
    ]
    + [
        ("wagtailimages", "image", action, "image")
        for action in ["delete", "add_tags", "add_to_collection"]
    ]
    + [
        ("wagtaildocs", "document", action, "document")
        for action in ["delete", "add_tags", "add_to_collection"]
    ]
    + [("auth", "user", action, "user") for action in ["delete", "assign_role", "set_active_state"]]
    + [
        ("directory", "expertisecategory", "delete", "term"),
        ("emails", "emailtemplate", "delete", "template"),
    ]
)


def bulk_ids(world, kind):
    if kind == "term":
        return [ExpertiseCategoryFactory(name="Housing", slug="housing").pk]
    if kind == "template":
        return list(EmailTemplate.objects.values_list("pk", flat=True)[:2])
    return {
        "pages": [world.b_page.pk, world.b_service.pk],
        "image": [world.b_image.pk],
        "document": [world.b_document.pk],
        "user": [world.b_user.pk],
    }[kind]


@pytest.mark.parametrize(("app_label", "model_name", "action", "kind"), BULK_ACTIONS)
@pytest.mark.parametrize("who", ["a_user", "it_facilitator"])
def test_a_bulk_confirmation_names_nothing_of_another_organisation(
    client, world, who, app_label, model_name, action, kind
):
    client.force_login(getattr(world, who))
    response = client.get(bulk_url(app_label, model_name, action, bulk_ids(world, kind)))
    assert refused(response), response.status_code
    assert secrets_in(response) == []


def test_an_organisation_still_confirms_bulk_actions_on_its_own_pages(client, world):
    client.force_login(world.a_user)
    response = client.get(bulk_url("wagtailcore", "page", "delete", [world.a_page.pk]))
    assert response.status_code == 200
    assert world.a_page.title in response.content.decode()


def test_central_staff_confirm_bulk_actions_on_any_page(client, world):
    client.force_login(world.staff)
    response = client.get(bulk_url("wagtailcore", "page", "unpublish", [world.b_page.pk]))
    assert response.status_code == 200
    assert B_DRAFT in response.content.decode()


REPORTS = [
    "page_types_usage",
    "page_types_usage_results",
    "locked_pages",
    "aging_pages",
    "site_history",
    "workflow",
    "workflow_tasks",
]


@pytest.mark.parametrize("report", REPORTS)
def test_an_organisation_has_no_reports(client, world, report):
    client.force_login(world.a_user)
    response = client.get(reverse(f"wagtailadmin_reports:{report}"))
    assert refused(response)
    assert secrets_in(response) == []
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:locked_pages") not in home


USER_FILTERS = {"locked_by": "b_user", "user": "b_user", "requested_by": "b_user"}


@pytest.mark.parametrize("report", REPORTS)
def test_a_facilitator_reads_reports_without_another_countrys_titles_or_people(
    client, world, report
):
    client.force_login(world.it_facilitator)
    response = client.get(reverse(f"wagtailadmin_reports:{report}"))
    if report == "locked_pages":  # for who may unlock pages, which facilitators may not
        assert refused(response)
        return
    assert response.status_code == 200
    assert secrets_in(response) == []
    # Filtering by B's user by address: not a choice, so not named either.
    filtered = client.get(
        reverse(f"wagtailadmin_reports:{report}"),
        dict.fromkeys(USER_FILTERS, world.b_user.pk),
    )
    assert filtered.status_code == 200
    assert secrets_in(filtered) == []


def test_central_staff_read_the_page_types_report_and_every_user_filter(client, world):
    client.force_login(world.staff)
    usage = client.get(reverse("wagtailadmin_reports:page_types_usage")).content.decode()
    assert B_SERVICE in usage or B_DRAFT in usage
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert B_PERSON[0] in history


@pytest.mark.parametrize("who", ["a_user", "it_facilitator"])
def test_the_explorers_filters_list_only_people_one_may_know_of(client, world, who):
    client.force_login(getattr(world, who))
    explorer = reverse("wagtailadmin_explore_root")
    response = client.get(explorer, follow=True)  # an organisation: to its own corner
    assert response.status_code == 200
    assert secrets_in(response) == []
    filtered = client.get(
        explorer, {"owner": world.b_user.pk, "edited_by": world.b_user.pk}, follow=True
    )
    assert filtered.status_code == 200
    assert secrets_in(filtered) == []
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Omicron"})
    assert secrets_in(search) == []


def test_an_organisations_own_history_filter_names_its_own_people(client, world):
    client.force_login(world.a_user)
    response = client.get(reverse("wagtailadmin_pages:history", args=[world.a_page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="user"' in html and world.a_user.get_full_name() in html
    assert secrets_in(response) == []


def test_central_staffs_explorer_filters_list_everybody(client, world):
    client.force_login(world.staff)
    html = client.get(reverse("wagtailadmin_explore_root")).content.decode()
    assert B_PERSON[0] in html


@pytest.mark.parametrize("who", ["a_user", "it_facilitator"])
@pytest.mark.parametrize("view", ["wagtailadmin_explore", "wagtailadmin_explore_results"])
def test_the_explorer_does_not_head_a_listing_with_another_countrys_page(client, world, who, view):
    client.force_login(getattr(world, who))
    for page in (world.b_page, world.b_service):
        response = client.get(reverse(view, args=[page.pk]))
        assert refused(response)
        assert secrets_in(response) == []


def test_facilitators_explore_and_choose_their_own_countrys_pages(client, world):
    client.force_login(world.it_facilitator)
    italy = world.portal.countries["IT"]
    assert client.get(reverse("wagtailadmin_explore", args=[italy.pk])).status_code == 200
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[italy.pk]))
    assert chooser.status_code == 200
    greece = client.get(reverse("wagtailadmin_choose_page_child", args=[world.b_page.pk]))
    assert refused(greece)
    assert secrets_in(greece) == []
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Omicron"})
    assert secrets_in(search) == []


@pytest.mark.parametrize("endpoint", ["images", "documents"])
@pytest.mark.parametrize("who", ["a_user", "it_facilitator"])
def test_the_admin_api_lists_files_to_central_staff_only(client, world, endpoint, who):
    listing = reverse(f"wagtailadmin_api:{endpoint}:listing")
    client.force_login(getattr(world, who))
    response = client.get(listing)
    assert refused(response)
    assert secrets_in(response) == []
    client.force_login(world.staff)
    assert client.get(listing).status_code == 200


def test_the_error_test_page_is_not_an_organisations_500(client, world):
    client.force_login(world.a_user)
    assert refused(client.get(reverse("wagtailadmin_error_test")))


def test_central_staff_see_b_in_the_explorer(client, world):
    client.force_login(world.staff)
    html = client.get(reverse("wagtailadmin_explore", args=[world.b_page.get_parent().pk]))
    assert B_NAME in html.content.decode() or B_DRAFT in html.content.decode()

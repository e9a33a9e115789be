"""An organisation's first publication is approved by its country's facilitators."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, TaskState

from directory.factories import CountryFacilitatorFactory
from directory.models import OrganisationAccount, OrganisationPage
from tests.directory.organisations import PASSWORD, profile_edit_data, refused, registered

pytestmark = pytest.mark.django_db
User = get_user_model()


def submit_for_approval(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, profile_edit_data(page, **{"action-submit": "submit"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")


@pytest.fixture
def organisation(portal, client):
    user, page, account = registered()
    client.force_login(user)
    return user, page, account


def test_the_organisation_cannot_publish_before_approval(client, organisation):
    _user, page, _account = organisation
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(url, profile_edit_data(page, **{"action-publish": "publish"}))
    page.refresh_from_db()
    assert not page.live


def test_the_countrys_facilitator_approves_and_the_page_goes_live(client, organisation):
    _user, page, _account = organisation
    task_state = submit_for_approval(client, page)
    page.refresh_from_db()
    assert not page.live
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )

    client.force_login(CountryFacilitatorFactory(country="GR", username="eleni"))
    client.post(approve)
    page.refresh_from_db()
    assert not page.live, "a facilitator of another country cannot approve"

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert page.title in dashboard, "the approval waits on the Italian facilitator's dashboard"
    response = client.post(approve)
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.short_description == "Bread, work and Italian lessons in Palermo."


def test_a_verified_organisation_publishes_by_itself(client, organisation):
    user, page, account = organisation
    verify = reverse("directory_verify_organisation", args=[page.pk])
    assert refused(client.post(verify)), "the organisation cannot verify itself"

    client.force_login(CountryFacilitatorFactory(country="GR", username="eleni"))
    assert refused(client.get(verify))
    assert refused(client.post(verify))
    account.refresh_from_db()
    assert not account.verified

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    assert client.get(verify).status_code == 200
    response = client.post(verify)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    account.refresh_from_db()
    assert account.verified
    assert GroupPagePermission.objects.filter(
        group=account.group, page=page, permission__codename="publish_page"
    ).exists()

    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(url, profile_edit_data(page, **{"action-publish": "publish"}))
    page.refresh_from_db()
    assert page.live


def test_the_organisation_sees_its_profile_checklist(client, organisation):
    _user, page, _account = organisation
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your profile checklist" in html
    assert "A short description" in html
    assert "At least one portfolio project" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    assert "Your profile checklist" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_facilitators_groups_exist_for_each_country(portal):
    for code in ("IT", "GR"):
        group = Group.objects.get(name=f"Facilitators: {code}")
        pages = GroupPagePermission.objects.filter(group=group, permission__codename="publish_page")
        assert pages.count() == 4, "the country page in every language"
    assert OrganisationPage.objects.count() == 0
    assert OrganisationAccount.objects.count() == 0


def test_central_staff_look_after_every_country(client, portal, organisation):
    user, page, _account = organisation
    task_state = submit_for_approval(client, page)
    staff = User.objects.create_user("cesie", "cesie@example.org", PASSWORD)
    staff.groups.add(Group.objects.get(name="Central staff"))
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve)
    page.refresh_from_db()
    assert page.live
    assert client.get(reverse("wagtailsnippets_directory_targetgroup:list")).status_code == 200


def test_the_organisations_dashboard_does_not_count_the_whole_sites_pages(client, organisation):
    page_count = re.compile(r"\d+ Pages <span class=\"w-sr-only\">created in")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert not page_count.search(html)
    assert "Your profile checklist" in html

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    assert page_count.search(client.get(reverse("wagtailadmin_home")).content.decode())

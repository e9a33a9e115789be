"""An organisation knows where its profile stands and what to do next, and moves it on in one
click; its account settings save; the approval workflow reads in the admin's language."""

import datetime
import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override, trans_real
from wagtail.admin.action_menu import PageActionMenu
from wagtail.models import Task, TaskState, Workflow, WorkflowState
from wagtail.users.models import UserProfile

from directory.factories import (
    CountryFacilitatorFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
)
from directory.models.workflow import TASK_NAME, WORKFLOW_NAME
from directory.permissions import sync_organisation
from tests.directory.organisations import PASSWORD, refused, registered

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def organisation(portal, client):
    user, page, account = registered()
    client.force_login(user)
    return user, page, account


def status_of(client):
    """The status block of the organisation's admin home, as text."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    found = re.search(r'<div class="profile-status".*?</div>', html, re.S)
    assert found, "the admin home shows the profile's status"
    return found.group(0)


def verify(account, on=datetime.datetime(2026, 3, 3, 10, tzinfo=datetime.UTC)):
    account.verified = True
    account.verified_at = on
    account.save()
    sync_organisation(account)


def in_italian(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "it"
    profile.save()


def test_a_new_organisation_sees_its_draft_and_the_next_step(client, organisation):
    _user, page, _account = organisation
    status = status_of(client)
    assert "Your profile is a draft: submit it for approval." in status
    assert f'action="{reverse("directory_submit_profile", args=[page.pk])}"' in status
    assert ">Submit for approval</button>" in status
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'<a href="{edit}">Complete your profile: add a short description</a>' in status


def test_one_click_submits_the_profile_for_its_countrys_facilitators(client, organisation):
    user, page, _account = organisation
    response = client.post(reverse("directory_submit_profile", args=[page.pk]))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live
    status = status_of(client)
    assert "Your profile is waiting for approval by the facilitators of Italy." in status
    assert "<button" not in status, "nothing to submit twice"

    in_italian(user)
    assert "Italia" in status_of(client), "the country in the reader's language"


def test_the_next_step_follows_what_the_profile_lacks(client, organisation):
    _user, page, _account = organisation
    page.short_description = "Bread and work in Palermo."
    page.save_revision()
    page.save()
    status = status_of(client)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'<a href="{edit}">Complete your profile: add a logo</a>' in status


def test_changes_requested_lead_back_to_the_editor(client, organisation):
    user, page, _account = organisation
    client.post(reverse("directory_submit_profile", args=[page.pk]))
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    reject = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    client.post(reject, {"comment": "Please add your address."})
    client.force_login(user)
    status = status_of(client)
    assert "The facilitators have asked for changes to your profile." in status
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'<a href="{edit}">Read the facilitators&#x27; comments' in status


def test_a_verified_organisation_publishes_in_one_click(client, organisation):
    _user, page, account = organisation
    verify(account)
    status = status_of(client)
    assert "Verified on 3 March 2026 — you publish without approval." in status
    assert "Your profile is a draft: publish it." in status
    assert ">Publish</button>" in status
    client.post(reverse("directory_submit_profile", args=[page.pk]))
    page.refresh_from_db()
    assert page.live
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    status = status_of(client)
    assert "Your profile is public." in status
    assert "<button" not in status


def test_only_the_organisation_submits_its_profile(client, organisation):
    _user, page, _account = organisation
    url = reverse("directory_submit_profile", args=[page.pk])
    assert client.get(url).status_code == 405
    other, _page, _account = registered(email="anna@sole.example.org", name="Cooperativa Sole")
    for who in (other, CountryFacilitatorFactory(country="GR", username="eleni")):
        client.force_login(who)
        assert refused(client.post(url))
    client.logout()
    assert client.post(url).status_code == 302
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def editor_footer(client, page):
    """The editor's action menu: its first button is the main one."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return html[html.index('aria-label="Actions (footer)"') :]


def test_the_editors_main_button_moves_the_profile_on(client, organisation):
    user, page, account = organisation

    def default_action():
        request = RequestFactory().get("/")
        request.user = User.objects.get(pk=user.pk)
        menu = PageActionMenu(request, view="edit", page=page, lock=None, locked_for_user=False)
        return menu.default_item.name, menu.default_item.get_context_data(menu.context)["label"]

    assert default_action() == ("action-submit", "Submit for approval")
    footer = editor_footer(client, page)
    assert footer.index('name="action-submit"') < footer.index("action-save")

    verify(account)
    assert default_action()[0] == "action-publish"

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    footer = editor_footer(client, page)
    assert footer.index("action-save") < footer.index('name="action-publish"'), "staff: as before"


# Account settings -------------------------------------------------------------------------------


def account_settings(user, **changes):
    return {
        "name_email-first_name": user.first_name,
        "name_email-last_name": user.last_name,
        "name_email-email": user.email,
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-contrast": "system",
        "theme-density": "default",
        "theme-keyboard_shortcuts": "on",
        **changes,
    }


def test_an_organisation_saves_its_account_settings(client, organisation):
    user, _page, _account = organisation
    assert (user.first_name, user.last_name) == ("Giulia", "Rossi")
    response = client.post(
        reverse("wagtailadmin_account"),
        account_settings(user, **{"locale-preferred_language": "it"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert UserProfile.get_for_user(user).preferred_language == "it"


def test_names_stored_whole_are_split_so_settings_save(client, organisation):
    user, _page, _account = organisation
    User.objects.filter(pk=user.pk).update(first_name="Maria Grazia Rossi", last_name="")
    unchanged = User.objects.create_user("solo", "solo@example.org", PASSWORD, first_name="Solo")
    module = next(Path("directory/migrations").glob("*_split_contact_names.py")).stem
    importlib.import_module(f"directory.migrations.{module}").split_names(apps, None)
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Maria Grazia", "Rossi")
    unchanged.refresh_from_db()
    assert (unchanged.first_name, unchanged.last_name) == ("Solo", "")
    response = client.post(
        reverse("wagtailadmin_account"),
        account_settings(user, **{"locale-preferred_language": "el"}),
    )
    assert response.status_code == 302


# The workflow's names ---------------------------------------------------------------------------


@pytest.fixture
def italian_workflow_name():
    """The workflow's name as the Italian catalogue will have it (translations come later)."""
    catalog = trans_real.translation("it")._catalog
    catalog[WORKFLOW_NAME] = "Approvazione delle organizzazioni"
    yield "Approvazione delle organizzazioni"
    for part in catalog._catalogs:
        part.pop(WORKFLOW_NAME, None)


def test_the_workflow_and_its_task_read_in_italian(client, organisation, italian_workflow_name):
    user, page, _account = organisation
    facilitator = CountryFacilitatorFactory(country="IT", username="marco")
    in_italian(facilitator)
    client.force_login(facilitator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert italian_workflow_name in html, "the submit button: Submit to …"
    assert WORKFLOW_NAME not in html

    client.force_login(user)
    in_italian(user)
    client.post(reverse("directory_submit_profile", args=[page.pk]))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Approvazione dei facilitatori del paese" in html, "the task, in the page header"
    assert italian_workflow_name in html
    assert TASK_NAME not in html

    client.force_login(facilitator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Approvazione dei facilitatori del paese" in dashboard
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[page.pk]))
    assert italian_workflow_name in history.content.decode()

    # Stored in English whatever the language it was read and saved in.
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    with override("it"):
        workflow.name = str(workflow.name)
        workflow.save()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    assert Task.objects.filter(name=TASK_NAME).exists()
    with override("en"):
        assert str(Workflow.objects.get(name=WORKFLOW_NAME).name) == WORKFLOW_NAME


def test_the_home_costs_the_same_queries_whatever_the_profile_holds(client, organisation):
    _user, page, _account = organisation

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(queries)

    def add(first, last):
        for i in range(first, last):
            ServicePageFactory(parent=page, title=f"Service {i}", locale=page.locale)
            PortfolioProjectPageFactory(parent=page, title=f"Project {i}", locale=page.locale)

    add(0, 1)
    count()  # caches warm
    few = count()
    add(1, 6)
    assert count() == few

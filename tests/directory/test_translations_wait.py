"""A translation does not go live while the page it was translated from is a draft: through the
page editor, the approval workflow or wagtail-localize's translation editor."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, TaskState
from wagtail_localize.models import Translation, TranslationSource

from directory.factories import CountryFacilitatorFactory, UserFactory
from directory.permissions import sync_organisation
from tests.directory.organisations import profile_edit_data, refused, registered
from tests.helpers import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def italian_draft(portal):
    """An Italian organisation's profile, never published, with a copy in English."""
    user, page, account = registered()
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision()
    return user, page, account, english


def edit(client, page, **action):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, profile_edit_data(page, **action), follow=True)


def errors(response):
    return [str(message) for message in get_messages(response.wsgi_request)] or [
        response.content.decode()
    ]


def test_the_editor_refuses_to_publish_before_the_source(client, italian_draft):
    user, page, account, english = italian_draft
    account.verified = True
    account.save()
    sync_organisation(account)
    client.force_login(user)

    response = edit(client, english, **{"action-publish": "publish", "address": "Via Maqueda 214"})
    english.refresh_from_db()
    assert not english.live
    draft = english.get_latest_revision().as_object()
    assert draft.address == "Via Maqueda 214", "the draft is kept"
    html = response.content.decode()
    assert "publish the Italian version first" in html
    # The same refusal from the organisation's one-click publish.
    client.post(reverse("directory_submit_profile", args=[english.pk]))
    english.refresh_from_db()
    assert not english.live

    publish(page)
    edit(client, english, **{"action-publish": "publish"})
    english.refresh_from_db()
    assert english.live


def test_the_facilitators_cannot_approve_before_the_source(client, italian_draft):
    user, page, _account, english = italian_draft
    client.force_login(user)
    edit(client, english, **{"action-submit": "submit"})
    task_state = TaskState.objects.get(workflow_state__object_id=str(english.pk))

    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert "publish the Italian version first" in editor
    assert 'name="workflow-action-name" value="approve"' not in editor
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[english.pk, "approve", task_state.pk]
    )
    assert refused(client.post(approve))
    response = edit(
        client,
        english,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert response.status_code in (200, 403)
    english.refresh_from_db()
    assert not english.live

    publish(page)
    client.post(approve)
    english.refresh_from_db()
    assert english.live


@pytest.fixture
def central_staff():
    staff = UserFactory(username="cesie")
    staff.groups.add(Group.objects.get(name="Central staff"))
    return staff


def test_wagtail_localize_refuses_to_publish_before_the_source(
    client, portal, central_staff, on_commit
):
    _user, page, _account = registered()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(publish=False)
    english = translation.get_target_instance()
    client.force_login(central_staff)
    url = reverse("wagtailadmin_pages:edit", args=[english.pk])

    with on_commit():
        response = client.post(url, {"action": "publish"}, follow=True)
    assert "publish the Italian version first" in response.content.decode()
    english.refresh_from_db()
    assert not english.live

    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    with on_commit():
        assert client.post(sync, {"publish_translations": "on"}).status_code == 403
    english.refresh_from_db()
    assert not english.live

    publish(page)
    with on_commit():  # wagtail-localize publishes once its transaction commits
        client.post(url, {"action": "publish"})
    english.refresh_from_db()
    assert english.live

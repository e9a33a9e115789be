"""The site's own pages (outside the directory) keep Wagtail's "Moderators approval" workflow: its
moderators hear that a page waits, and whoever submitted it hears what was decided, each in their
admin language, from staff-editable templates, through the outbox; never Wagtail's own email."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from directory.factories import CountryFacilitatorFactory
from emails.models import EmailTemplate, OutboxEmail
from home.models import StandardPage
from tests.directory.organisations import profile_edit_data, registered
from tests.directory.workflow import act, assert_no_wagtail_email, emails, speaks

pytestmark = pytest.mark.django_db
User = get_user_model()

MODERATION_KEYS = ["moderation_submission", "moderation_approved", "moderation_rejected"]


def person(username, group, language="", email=None, **fields):
    user = User.objects.create_user(
        username,
        f"{username}@mtaj.example.org" if email is None else email,
        "x-long-password-1",
        first_name=fields.pop("first_name", username.capitalize()),
        last_name=fields.pop("last_name", "Example"),
        **fields,
    )
    user.groups.add(Group.objects.get(name=group))
    return speaks(user, language) if language else user


@pytest.fixture
def people(portal):
    """An Italian-speaking editor, moderators in Greek and English, and moderators who are not
    emailed: one inactive, one without an email address, one who turned the emails off."""
    editor = person("luca", "Editors", "it", first_name="Luca", last_name="Greco")
    eleni = person("eleni", "Moderators", "el", first_name="Eleni", last_name="Papadaki")
    sara = person("sara", "Moderators", first_name="Sara", last_name="Conti")
    person("gone", "Moderators", is_active=False)
    person("noemail", "Moderators", email="")
    quiet = person("quiet", "Moderators")
    profile = UserProfile.get_for_user(quiet)
    profile.submitted_notifications = False
    profile.save()
    # A superuser outside the task's groups: Wagtail would email them; the portal does not.
    User.objects.create_superuser("root", "root@mtaj.example.org", "x-long-password-1")
    return editor, eleni, sara


def edit_url(page):
    return f"http://testserver{reverse('wagtailadmin_pages:edit', args=[page.pk])}"


def submit_new_page(client, editor, parent):
    """The editor writes an about page under `parent` and submits it for moderation."""
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk])
    data = nested_form_data(
        {
            "title": "Chi siamo",
            "slug": "chi-siamo",
            "intro": "Una rete di economia sociale.",
            "body": streamfield([]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "action-submit": "submit",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="chi-siamo")
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    return page, task_state


def test_the_moderators_hear_that_a_page_waits_in_their_language(client, portal, people, on_commit):
    editor, eleni, sara = people
    with on_commit():
        page, _task_state = submit_new_page(client, editor, portal.home)

    by_address = {email.to[0]: email for email in emails("moderation_submission")}
    assert set(by_address) == {eleni.email, sara.email}, "active moderators with an address"
    greek = by_address[eleni.email]
    assert greek.language == "el"
    assert greek.subject == "Αναμένει την έγκρισή σας: Chi siamo"
    assert "Αγαπητέ/ή Eleni Papadaki," in greek.body_text
    assert "Ο/Η Luca Greco υπέβαλε" in greek.body_text
    english = by_address[sara.email]
    assert english.language == "en"
    assert english.subject == "Waiting for your approval: Chi siamo"
    assert 'Luca Greco has submitted "Chi siamo"' in english.body_text
    for email in by_address.values():
        assert edit_url(page) in email.body_text
        assert email.reply_to == [editor.email]
        assert email.status == "sent"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(by_address)
    [message] = [m for m in mail.outbox if m.to == [eleni.email]]
    assert edit_url(page) in message.body
    assert_no_wagtail_email()


def test_approval_with_a_comment_reaches_the_editor_in_their_language(
    client, portal, people, on_commit
):
    editor, eleni, _sara = people
    page, task_state = submit_new_page(client, editor, portal.home)
    mail.outbox.clear()
    client.force_login(eleni)
    with on_commit():
        act(client, page, task_state, "approve", "Ottimo, grazie.")
    page.refresh_from_db()
    assert page.live

    [email] = emails("moderation_approved")
    assert email.to == [editor.email]
    assert email.language == "it", "the editor's admin language"
    assert email.subject == "Approvata e pubblicata: Chi siamo"
    assert "Gentile Luca Greco," in email.body_text
    assert "Commento di Eleni Papadaki:\n\nOttimo, grazie." in email.body_text
    assert edit_url(page) in email.body_text
    assert email.reply_to == [eleni.email]
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert "Ottimo, grazie." in message.body
    assert not emails("page_approved"), "no organisation to tell"
    assert_no_wagtail_email()


def test_changes_requested_reach_the_editor_with_the_comment(client, portal, people, on_commit):
    editor, _eleni, sara = people
    page, task_state = submit_new_page(client, editor, portal.home)
    mail.outbox.clear()
    client.force_login(sara)
    with on_commit():
        act(client, page, task_state, "reject", "Please add the team's names.")
    page.refresh_from_db()
    assert not page.live

    [email] = emails("moderation_rejected")
    assert email.to == [editor.email]
    assert email.subject == "Modifiche richieste: Chi siamo"
    assert "Commento di Sara Conti:\n\nPlease add the team's names." in email.body_text
    assert edit_url(page) in email.body_text
    [message] = mail.outbox
    assert "Please add the team's names." in message.body
    assert_no_wagtail_email()


def test_a_moderator_who_submits_and_approves_their_own_page_is_not_emailed(
    client, portal, people, on_commit
):
    _editor, eleni, sara = people
    with on_commit():
        page, task_state = submit_new_page(client, sara, portal.home)
    assert [email.to for email in emails("moderation_submission")] == [[eleni.email]]

    client.force_login(sara)
    with on_commit():
        act(client, page, task_state, "approve")
    assert not emails("moderation_approved")


def test_an_editor_who_turned_the_emails_off_hears_nothing(client, portal, people, on_commit):
    editor, eleni, _sara = people
    profile = UserProfile.get_for_user(editor)
    profile.rejected_notifications = False
    profile.save()
    page, task_state = submit_new_page(client, editor, portal.home)
    client.force_login(eleni)
    with on_commit():
        act(client, page, task_state, "reject", "Troppo lunga.")
    assert not emails("moderation_rejected")
    assert not [m for m in mail.outbox if editor.email in m.to]


def test_the_texts_are_the_ones_staff_edited(client, portal, people, on_commit):
    editor, eleni, _sara = people
    EmailTemplate.objects.filter(key="moderation_rejected", locale__language_code="it").update(
        subject="Da rivedere: {page_title}", body="{recipient_name}: {comment}"
    )
    page, task_state = submit_new_page(client, editor, portal.home)
    client.force_login(eleni)
    with on_commit():
        act(client, page, task_state, "reject", "Troppo lunga.")
    [email] = emails("moderation_rejected")
    assert email.subject == "Da rivedere: Chi siamo"
    assert email.body_text == "Luca Greco: Commento di Eleni Papadaki:\n\nTroppo lunga."


def test_directory_pages_still_get_only_the_directorys_emails(client, portal, people, on_commit):
    """An organisation's page goes to its country's facilitators; the moderators hear nothing."""
    user, page, _account = registered()
    marco = CountryFacilitatorFactory(country="IT", username="marco")
    client.force_login(user)
    with on_commit():
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            profile_edit_data(page, **{"action-submit": "submit"}),
        )
    assert response.status_code == 302
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    client.force_login(marco)
    with on_commit():
        act(client, page, task_state, "approve", "Bene.")

    keys = set(OutboxEmail.objects.values_list("template_key", flat=True))
    assert {"facilitator_submission", "page_approved"} <= keys
    assert not keys & set(MODERATION_KEYS)
    moderators = {user.email for user in User.objects.filter(groups__name="Moderators")}
    assert not [m for m in mail.outbox if set(m.to) & moderators]
    assert_no_wagtail_email()

"""The organisation hears what the facilitators decided: approval, changes requested (with their
comment), verification and its withdrawal; from staff-editable templates, in its language,
through the outbox, and never Wagtail's own generic English email."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.admin.mail import Notifier
from wagtail.models import GroupPagePermission, PageLogEntry, TaskState

from directory.factories import CentralStaffFactory, CountryFacilitatorFactory
from directory.models import OrganisationAccount
from directory.notifications import WAGTAIL_NOTIFIERS
from emails.models import EmailTemplate, OutboxEmail
from tests.directory.organisations import profile_edit_data, refused, registered
from tests.directory.workflow import act, assert_no_wagtail_email, emails, speaks

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def organisation(portal, client):
    user, page, account = registered()
    user.first_name, user.last_name = "Giulia", "Bianchi"
    user.save()
    # A superuser: Wagtail's own moderation emails would go to them.
    User.objects.create_superuser("root", "root@mtaj.example.org", "x-long-password-1")
    return user, page, account


@pytest.fixture
def marco(portal):
    return CountryFacilitatorFactory(
        country="IT", username="marco", first_name="Marco", last_name="Rossi"
    )


def submit(client, user, page):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, profile_edit_data(page, **{"action-submit": "submit"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")


def test_wagtail_moderation_emails_are_replaced_by_the_portals():
    for signal, sender, _dispatch_uid, receiver in WAGTAIL_NOTIFIERS:
        sync_receivers, _async_receivers = signal._live_receivers(sender)
        assert receiver in sync_receivers
        assert not [r for r in sync_receivers if isinstance(r, Notifier)]


def test_approval_with_a_comment_reaches_the_organisation_in_its_language(
    client, organisation, marco, on_commit
):
    user, page, _account = organisation
    with on_commit():
        task_state = submit(client, user, page)
    mail.outbox.clear()
    client.force_login(marco)
    with on_commit():
        act(client, page, task_state, "approve", "Bella pagina: aggiungete il vostro logo.")
    page.refresh_from_db()
    assert page.live

    [email] = emails("page_approved")
    assert email.to == ["giulia@ponte.example.org"]
    assert email.language == "it", "the organisation's language"
    assert email.subject == "Approvata e pubblicata: Cooperativa Il Ponte"
    assert "Gentile Giulia Bianchi" in email.body_text
    assert "Marco Rossi" in email.body_text
    assert "Bella pagina: aggiungete il vostro logo." in email.body_text
    assert email.reply_to == [marco.email]
    assert email.organisation_id == page.pk
    assert email.status == "sent"
    [message] = mail.outbox
    assert "Bella pagina: aggiungete il vostro logo." in message.body
    assert_no_wagtail_email()


def test_approval_without_a_comment_says_no_more(client, organisation, marco, on_commit):
    user, page, _account = organisation
    task_state = submit(client, user, page)
    client.force_login(marco)
    with on_commit():
        act(client, page, task_state, "approve")
    [email] = emails("page_approved")
    assert "Marco Rossi" not in email.body_text
    assert_no_wagtail_email()


def test_changes_requested_reach_each_member_in_their_own_language(
    client, organisation, marco, on_commit
):
    user, page, account = organisation
    layla = User.objects.create_user("layla", "layla@ponte.example.org", "x-long-password-2")
    layla.groups.add(account.group)
    speaks(layla, "ar")
    task_state = submit(client, user, page)
    mail.outbox.clear()
    client.force_login(marco)
    with on_commit():
        act(client, page, task_state, "reject", "Please describe your courses.")
    page.refresh_from_db()
    assert not page.live

    by_address = {email.to[0]: email for email in emails("page_rejected")}
    assert set(by_address) == {"giulia@ponte.example.org", "layla@ponte.example.org"}
    italian = by_address["giulia@ponte.example.org"]
    assert italian.subject == "Modifiche richieste: Cooperativa Il Ponte"
    arabic = by_address["layla@ponte.example.org"]
    assert arabic.language == "ar"
    assert arabic.subject == "مطلوب إجراء تعديلات: Cooperativa Il Ponte"
    for email in by_address.values():
        assert "Please describe your courses." in email.body_text
        edit = f"http://testserver{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
        assert edit in email.body_text
    assert len(mail.outbox) == 2
    assert_no_wagtail_email()


def test_the_texts_are_the_ones_staff_edited(client, organisation, marco, on_commit):
    user, page, _account = organisation
    EmailTemplate.objects.filter(key="page_rejected", locale__language_code="it").update(
        subject="Da rivedere: {page_title}", body="{comment}"
    )
    task_state = submit(client, user, page)
    client.force_login(marco)
    with on_commit():
        act(client, page, task_state, "reject", "Manca la descrizione.")
    [email] = emails("page_rejected")
    assert email.subject == "Da rivedere: Cooperativa Il Ponte"
    assert email.body_text == "Commento di Marco Rossi:\n\nManca la descrizione."


# Verification -----------------------------------------------------------------------------------


def verify_url(page):
    return reverse("directory_verify_organisation", args=[page.pk])


def revoke_url(page):
    return reverse("directory_revoke_organisation", args=[page.pk])


def can_publish(account, page):
    return GroupPagePermission.objects.filter(
        group=account.group, page=page, permission__codename="publish_page"
    ).exists()


def test_verification_is_shown_at_the_top_of_the_organisations_editor(client, organisation, marco):
    user, page, _account = organisation
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.force_login(marco)
    html = client.get(edit).content.decode()
    assert "Not verified" in html
    assert f'href="{verify_url(page)}"' in html

    client.force_login(user)
    html = client.get(edit).content.decode()
    assert verify_url(page) not in html, "an organisation does not verify itself"


def test_verifying_and_revoking_email_the_members_and_leave_a_trace(
    client, organisation, marco, on_commit
):
    user, page, account = organisation
    client.force_login(marco)
    html = client.get(verify_url(page)).content.decode()
    assert 'method="post"' in html, "GET shows the confirmation"
    account.refresh_from_db()
    assert not account.verified

    with on_commit():
        response = client.post(verify_url(page))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    account.refresh_from_db()
    assert account.verified and account.verified_by == marco
    assert can_publish(account, page)
    [email] = emails("verified")
    assert email.to == ["giulia@ponte.example.org"]
    assert email.subject == "Cooperativa Il Ponte è verificata su MoreThanAJob"
    assert email.status == "sent"
    entry = PageLogEntry.objects.get(page=page, action="directory.verify")
    assert entry.user == marco

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(edit).content.decode()
    assert "Verified on" in html and f'href="{revoke_url(page)}"' in html
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Marked as verified" in history

    # A second POST (a double click) changes and sends nothing.
    with on_commit():
        client.post(verify_url(page))
    assert len(emails("verified")) == 1
    assert PageLogEntry.objects.filter(page=page, action="directory.verify").count() == 1

    assert "Revoke verification" in client.get(revoke_url(page)).content.decode()
    with on_commit():
        client.post(revoke_url(page))
    account.refresh_from_db()
    assert not account.verified and account.verified_by is None
    assert not can_publish(account, page), "publishing waits for approval again"
    [email] = emails("verification_revoked")
    assert email.subject == "Cooperativa Il Ponte: verifica revocata"
    assert PageLogEntry.objects.get(page=page, action="directory.revoke_verification").user == marco
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Verification revoked" in history


@pytest.mark.parametrize("url", [verify_url, revoke_url])
def test_only_the_countrys_facilitators_and_central_staff_verify(client, organisation, url):
    user, page, account = organisation
    if url is revoke_url:
        OrganisationAccount.objects.filter(pk=account.pk).update(verified=True)

    def unchanged():
        account.refresh_from_db()
        return account.verified == (url is revoke_url)

    for who in (
        user,
        CountryFacilitatorFactory(country="GR", username="eleni"),
    ):
        client.force_login(who)
        assert refused(client.get(url(page)))
        assert refused(client.post(url(page)))
        assert unchanged()
    client.logout()
    assert client.post(url(page)).status_code == 302
    assert client.post(url(page))["Location"].startswith(reverse("wagtailadmin_login"))
    assert unchanged()
    assert not OutboxEmail.objects.filter(template_key__in=["verified", "verification_revoked"])

    client.force_login(CentralStaffFactory(username="sara"))
    assert client.post(url(page)).status_code == 302
    assert not unchanged()


def test_an_unknown_page_is_404(client, portal):
    client.force_login(CentralStaffFactory(username="sara"))
    verify = reverse("directory_verify_organisation", args=[999999])
    assert client.get(verify, follow=True).status_code == 404
    revoke = reverse("directory_revoke_organisation", args=[999999])
    assert client.post(revoke, follow=True).status_code == 404

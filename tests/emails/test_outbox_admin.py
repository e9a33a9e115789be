"""Staff see the outbox and the email templates in the admin; only who may resends a message."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from emails.models import OutboxEmail

pytestmark = pytest.mark.django_db

Status = OutboxEmail.Status


@pytest.fixture
def failed_email():
    return OutboxEmail.objects.create(
        to=["maria@coop.example.org"],
        subject="Secret subject 4711",
        body_text="Dear Maria",
        status=Status.FAILED,
        attempts=6,
        last_error="AnymailAPIError: 503",
    )


def assert_refused(response):
    """Wagtail's admin answers a permission error with a redirect to its home and a message."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")
    assert "Secret subject 4711" not in response.content.decode()


def login(client, django_user_model, *codenames, superuser=False):
    if superuser:
        user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    else:
        user = django_user_model.objects.create_user("staff", "staff@example.org", "pw")
        user.user_permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", *codenames])
        )
    client.force_login(user)
    return client


@pytest.fixture
def superuser_client(client, django_user_model):
    return login(client, django_user_model, superuser=True)


def test_superuser_lists_filters_and_inspects_the_outbox(superuser_client, failed_email):
    index = superuser_client.get(reverse("outbox:index"))
    assert index.status_code == 200
    assert "Secret subject 4711" in index.content.decode()
    assert "maria@coop.example.org" in index.content.decode()

    filtered = superuser_client.get(reverse("outbox:index"), {"status": "sent"})
    assert "Secret subject 4711" not in filtered.content.decode()
    found = superuser_client.get(reverse("outbox:index"), {"q": "maria@coop"})
    assert "Secret subject 4711" in found.content.decode()

    inspect = superuser_client.get(reverse("outbox:inspect", args=[failed_email.pk]))
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "AnymailAPIError: 503" in html
    assert reverse("outbox:resend", args=[failed_email.pk]) in html
    assert "Resend" in html


def test_outbox_rows_cannot_be_added_edited_or_deleted(superuser_client, failed_email):
    for path in ("new/", f"edit/{failed_email.pk}/", f"delete/{failed_email.pk}/"):
        # No such admin URL: the site's catch-all sends it to /en/..., which is not found.
        response = superuser_client.get(reverse("outbox:index") + path, follow=True)
        assert response.status_code == 404
    index = superuser_client.get(reverse("outbox:index")).content.decode()
    assert "Add outbox email" not in index


def test_superuser_resends_a_failed_email(superuser_client, failed_email, on_commit, mailoutbox):
    url = reverse("outbox:resend", args=[failed_email.pk])
    with on_commit():
        response = superuser_client.post(url)

    assert response.status_code == 302
    assert response.url == reverse("outbox:inspect", args=[failed_email.pk])
    failed_email.refresh_from_db()
    assert failed_email.status == Status.SENT
    assert failed_email.attempts == 1
    assert [m.subject for m in mailoutbox] == ["Secret subject 4711"]
    page = superuser_client.get(response.url).content.decode()
    assert "queued to be sent again" in page


def test_resend_refuses_get(superuser_client, failed_email, mailoutbox):
    response = superuser_client.get(reverse("outbox:resend", args=[failed_email.pk]))
    assert response.status_code == 405
    failed_email.refresh_from_db()
    assert failed_email.status == Status.FAILED


def test_resend_needs_the_csrf_token(django_user_model, failed_email):
    client = login(Client(enforce_csrf_checks=True), django_user_model, superuser=True)
    response = client.post(reverse("outbox:resend", args=[failed_email.pk]))
    assert response.status_code == 403
    failed_email.refresh_from_db()
    assert failed_email.status == Status.FAILED


def test_an_admin_without_permission_gets_nothing_by_direct_url(
    client, django_user_model, failed_email
):
    client = login(client, django_user_model)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # a real admin user

    for url in (
        reverse("outbox:index"),
        reverse("outbox:index_results"),
        reverse("outbox:inspect", args=[failed_email.pk]),
    ):
        assert_refused(client.get(url))
    assert_refused(client.post(reverse("outbox:resend", args=[failed_email.pk])))
    failed_email.refresh_from_db()
    assert failed_email.status == Status.FAILED
    assert reverse("outbox:index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_viewer_sees_the_outbox_but_cannot_resend(client, django_user_model, failed_email):
    client = login(client, django_user_model, "view_outboxemail")

    assert reverse("outbox:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("outbox:index")).status_code == 200
    inspect = client.get(reverse("outbox:inspect", args=[failed_email.pk]))
    assert inspect.status_code == 200
    assert reverse("outbox:resend", args=[failed_email.pk]) not in inspect.content.decode()
    assert_refused(client.post(reverse("outbox:resend", args=[failed_email.pk])))
    failed_email.refresh_from_db()
    assert failed_email.status == Status.FAILED


def test_resend_permission_without_view_is_not_enough(client, django_user_model, failed_email):
    client = login(client, django_user_model, "resend_outboxemail")
    assert_refused(client.post(reverse("outbox:resend", args=[failed_email.pk])))
    failed_email.refresh_from_db()
    assert failed_email.status == Status.FAILED


def test_a_user_with_both_permissions_resends(client, django_user_model, failed_email, on_commit):
    client = login(client, django_user_model, "view_outboxemail", "resend_outboxemail")
    with on_commit():
        response = client.post(reverse("outbox:resend", args=[failed_email.pk]))
    assert response.status_code == 302
    failed_email.refresh_from_db()
    assert failed_email.status == Status.SENT


def test_only_view_and_resend_are_offered_in_group_permissions():
    from wagtail import hooks

    codenames = {
        permission.codename
        for fn in hooks.get_hooks("register_permissions")
        for permission in fn()
        if permission.content_type.app_label == "emails"
        and permission.content_type.model == "outboxemail"
    }
    assert codenames == {"view_outboxemail", "resend_outboxemail"}


def test_staff_edit_the_email_templates(superuser_client):
    listing = superuser_client.get(reverse("wagtailsnippets_emails_emailtemplate:list"))
    assert listing.status_code == 200
    assert "Profile reminder" in listing.content.decode()
    assert reverse("wagtailsnippets_emails_emailtemplate:list") in (
        superuser_client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_an_email_being_sent_is_not_resent(superuser_client, failed_email, mailoutbox):
    OutboxEmail.objects.filter(pk=failed_email.pk).update(status=Status.SENDING)
    response = superuser_client.post(reverse("outbox:resend", args=[failed_email.pk]), follow=True)
    assert "being sent right now" in response.content.decode()
    failed_email.refresh_from_db()
    assert failed_email.status == Status.SENDING
    assert mailoutbox == []

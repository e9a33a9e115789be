"""Django's and Wagtail's own email (password reset, notifications, errors to ADMINS) goes through
the outbox like the portal's: written in the request, sent after it, retried when the provider
is down."""

import pytest
from anymail.exceptions import AnymailAPIError
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, mail_admins
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.admin.mail import send_mail as wagtail_send_mail

from directory.factories import UserFactory
from emails.mail import send_outbox_email
from emails.models import OutboxEmail

pytestmark = pytest.mark.django_db

Status = OutboxEmail.Status


def test_the_password_reset_survives_a_provider_outage(provider, on_commit):
    user = UserFactory(email="giulia@ponte.example.org")
    provider.append(AnymailAPIError("Postmark API response 503: Service Unavailable"))

    with on_commit():
        response = Client().post("/admin/password_reset/", {"email": user.email})

    assert response.status_code == 302
    email = OutboxEmail.objects.get()
    assert email.to == ["giulia@ponte.example.org"]
    assert email.status == Status.RETRYING
    assert "/admin/password_reset/" in email.body_text  # the link to set a new password

    OutboxEmail.objects.update(next_attempt_at=timezone.now())
    with on_commit():
        call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == Status.SENT
    assert [m.to for m in mail.outbox] == [["giulia@ponte.example.org"]] * 2
    assert mail.outbox[-1].body == email.body_text


def test_nothing_leaves_before_the_request_commits(on_commit):
    user = UserFactory(email="giulia@ponte.example.org")
    with on_commit():
        Client().post("/admin/password_reset/", {"email": user.email})
        assert OutboxEmail.objects.get().status == Status.QUEUED
        assert mail.outbox == []
    assert len(mail.outbox) == 1


def test_wagtails_notifications_keep_their_header_and_html(settings, on_commit):
    with on_commit():
        wagtail_send_mail(
            "Comment on Home",
            "Marco replied to your comment.",
            ["giulia@ponte.example.org"],
            html_message="<p>Marco replied to your comment.</p>",
        )

    email = OutboxEmail.objects.get()
    assert email.headers == {"Auto-Submitted": "auto-generated"}
    assert email.from_email == settings.DEFAULT_FROM_EMAIL
    [sent] = mail.outbox
    assert sent.anymail_test_params["html_body"] == "<p>Marco replied to your comment.</p>"
    assert sent.anymail_test_params["text_body"] == "Marco replied to your comment."
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"


def test_error_reports_to_admins_go_through_the_outbox(settings, on_commit):
    settings.ADMINS = [("Ops", "ops@morethanajob.example")]
    with on_commit():
        mail_admins("Server error", "Traceback…")

    email = OutboxEmail.objects.get()
    assert email.to == ["ops@morethanajob.example"]
    assert email.status == Status.SENT
    assert mail.outbox[0].to == ["ops@morethanajob.example"]


def test_cc_and_bcc_reach_the_provider(on_commit):
    message = EmailMessage("Minutes", "Attached below.", to=["a@example.org"], cc=["b@example.org"])
    message.bcc = ["c@example.org"]
    with on_commit():
        assert message.send() == 1

    [sent] = mail.outbox
    assert sent.to == ["a@example.org"]
    assert sent.cc == ["b@example.org"]
    assert sent.bcc == ["c@example.org"]


def report():
    message = EmailMessage("Report", "See the file.", to=["a@example.org"])
    message.attach("report.csv", "a,b\n", "text/csv")
    return message


def test_an_attachment_is_refused_rather_than_dropped():
    with pytest.raises(ValueError, match="attachments"):
        report().send()
    # fail_silently, as Django's error reports ask: nothing raised.
    assert report().send(fail_silently=True) == 0
    assert not OutboxEmail.objects.exists()


def test_the_outbox_never_sends_to_itself(settings):
    settings.PORTAL_EMAIL_PROVIDER_BACKEND = settings.EMAIL_BACKEND
    email = OutboxEmail.objects.create(to=["a@example.org"], subject="s", body_text="b")

    with pytest.raises(ImproperlyConfigured, match="PORTAL_EMAIL_PROVIDER_BACKEND"):
        send_outbox_email.call(email.pk)
    assert OutboxEmail.objects.get().status == Status.QUEUED

"""Helpers for tests of the approval workflows and their emails."""

from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from emails.models import OutboxEmail


def speaks(user, language):
    """`user` chose `language` for the admin."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def act(client, page, task_state, action, comment=""):
    """The signed-in reviewer approves or rejects (`action`) the page, with `comment`."""
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment} if comment else {})
    assert response.status_code in (200, 302)
    return response


def emails(key):
    return list(OutboxEmail.objects.filter(template_key=key).order_by("pk"))


def assert_no_wagtail_email(superuser_email="root@mtaj.example.org"):
    """Every message the provider received left from the outbox: none of Wagtail's own, which
    would have gone to the superuser too."""
    sent = set(OutboxEmail.objects.values_list("subject", flat=True))
    assert [m.subject for m in mail.outbox if m.subject not in sent] == []
    assert not [m for m in mail.outbox if superuser_email in m.to]

"""Staff see who subscribed, with counts; nobody edits a subscriber or their consent."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from subscriptions.models import Kind, Subscriber, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribers():
    now = timezone.now()
    confirmed = Subscriber.objects.create(
        email="giulia@example.org",
        language="it",
        confirmed_at=now,
        consent_at=now,
        consent_version="2026-12",
    )
    Subscription.objects.create(subscriber=confirmed, kind=Kind.NEWS, countries=["IT"])
    Subscription.objects.create(subscriber=confirmed, kind=Kind.NEWSLETTER)
    waiting = Subscriber.objects.create(
        email="waiting@example.org", language="ar", consent_at=now, consent_version="2026-12"
    )
    return confirmed, waiting


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_staff_list_subscribers_with_counts_and_inspect_one(django_user_model, subscribers):
    confirmed, _waiting = subscribers
    admin = signed_in(django_user_model.objects.create_superuser("s", "s@example.org", "pw"))
    listing = admin.get("/admin/subscribers/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "giulia@example.org" in html and "waiting@example.org" in html
    assert "1 confirmed subscribers (1 waiting for confirmation)" in " ".join(html.split())

    detail = admin.get(f"/admin/subscribers/inspect/{confirmed.pk}/")
    assert detail.status_code == 200
    assert "2026-12" in detail.content.decode() and "IT" in detail.content.decode()

    filtered = admin.get("/admin/subscribers/?confirmed=false").content.decode()
    assert "waiting@example.org" in filtered and "giulia@example.org" not in filtered


def test_nobody_edits_or_deletes_a_subscriber(django_user_model, subscribers):
    confirmed, _waiting = subscribers
    admin = signed_in(django_user_model.objects.create_superuser("s", "s@example.org", "pw"))
    for path in ("new/", f"edit/{confirmed.pk}/", f"delete/{confirmed.pk}/"):
        # No such admin URL: the site's catch-all sends it to /en/..., which is not found.
        response = admin.get(f"/admin/subscribers/{path}", follow=True)
        assert response.status_code == 404
    assert "Add subscriber" not in admin.get("/admin/subscribers/").content.decode()
    assert Subscriber.objects.count() == 2


def test_editors_without_the_permission_are_refused(django_user_model, subscribers):
    confirmed, _waiting = subscribers
    editor = django_user_model.objects.create_user("e", "e@example.org", "pw")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client = signed_in(editor)
    assert client.get("/admin/subscribers/").status_code in (302, 403)
    assert client.get(f"/admin/subscribers/inspect/{confirmed.pk}/").status_code in (302, 403)

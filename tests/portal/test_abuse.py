"""Abuse controls: the sign-in lockout, limits on asking for accounts and links by email,
passwords, and how long an admin session lasts."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from directory.factories import PASSWORD, UserFactory
from emails.models import OutboxEmail
from tests.helpers import registration_form

pytestmark = pytest.mark.django_db
User = get_user_model()
LOGIN = "/admin/login/"


def sign_in(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def signed_in(client):
    return client.get("/admin/").status_code == 200


# Sign-in lockout ------------------------------------------------------------------------------


def test_after_five_wrong_passwords_the_right_one_is_refused_until_the_pause_ends(settings):
    user = UserFactory(is_superuser=True)
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, user.username, "wrong-password").status_code == 200
    assert sign_in(client, user.username, "wrong-password").status_code == 429

    locked = sign_in(client, user.username, PASSWORD)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Signing in is paused" in html
    assert "paused for 15 minutes, even with the right password" in html
    assert not signed_in(client)

    # A quarter of an hour later, the right password signs in again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in(client, user.username, PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_lockout_speaks_the_visitors_language():
    client = Client(REMOTE_ADDR="198.51.100.8", HTTP_ACCEPT_LANGUAGE="it")
    for _attempt in range(5):
        response = sign_in(client, "nobody", "wrong-password")
    assert response.status_code == 429
    assert '<html lang="it"' in response.content.decode()


def test_one_address_trying_many_accounts_is_paused_and_others_are_not():
    people = UserFactory.create_batch(2)
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    for number in range(5):
        sign_in(attacker, f"guess{number}@example.org", "password123456")
    assert sign_in(attacker, people[0].username, PASSWORD).status_code == 429

    colleague = Client(REMOTE_ADDR="192.0.2.10")
    assert sign_in(colleague, people[1].username, PASSWORD).status_code == 302


def test_an_account_under_attack_from_many_addresses_is_paused():
    user = UserFactory()
    for number in range(5):
        sign_in(Client(REMOTE_ADDR=f"203.0.113.{number}"), user.username, "wrong-password")
    assert sign_in(Client(REMOTE_ADDR="192.0.2.99"), user.username, PASSWORD).status_code == 429


def test_behind_a_proxy_the_lockout_counts_each_client(settings):
    settings.PORTAL_TRUSTED_PROXIES = 1
    user = UserFactory()

    def through_proxy(address):
        return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=address)

    for number in range(5):
        sign_in(through_proxy("203.0.113.5"), f"guess{number}", "wrong-password")
    assert sign_in(through_proxy("203.0.113.5"), user.username, PASSWORD).status_code == 429
    assert sign_in(through_proxy("192.0.2.77"), user.username, PASSWORD).status_code == 302
    assert AccessAttempt.objects.filter(ip_address="203.0.113.5").exists()


def test_a_successful_sign_in_clears_the_accounts_failures():
    user = UserFactory()
    client = Client(REMOTE_ADDR="198.51.100.9")
    for _round in range(3):
        for _attempt in range(3):
            sign_in(client, user.username, "wrong-password")
        assert sign_in(client, user.username, PASSWORD).status_code == 302
        client.logout()


# Limits on registration, new links and new passwords -----------------------------------------


def registration(email, **changes):
    return registration_form(email=email, **changes)


def test_registrations_from_one_address_are_limited(portal, settings, on_commit):
    settings.PORTAL_REGISTRATION_RATE_LIMIT = 2
    client = Client(REMOTE_ADDR="203.0.113.20")
    for number in range(2):
        with on_commit():
            response = client.post("/en/register/", registration(f"org{number}@example.org"))
        assert response.status_code == 302
    with on_commit():
        response = client.post("/en/register/", registration("org9@example.org"))
    assert response.status_code == 429
    assert "please try again in an hour" in response.content.decode()
    assert 'value="org9@example.org"' in response.content.decode(), "what was written is kept"
    assert User.objects.count() == 2
    assert len(mail.outbox) == 2

    other = Client(REMOTE_ADDR="192.0.2.20")
    with on_commit():
        assert other.post("/en/register/", registration("org9@example.org")).status_code == 302


def test_registrations_for_one_email_address_are_limited_from_any_address(portal, settings):
    settings.PORTAL_REGISTRATION_RATE_LIMIT = 2
    codes = [
        Client(REMOTE_ADDR=f"203.0.113.{number}")
        .post("/en/register/", registration("same@example.org"))
        .status_code
        for number in range(3)
    ]
    assert codes == [302, 302, 429]


def test_new_links_are_limited_and_the_answer_does_not_tell_who_has_an_account(
    portal, settings, on_commit
):
    settings.PORTAL_RESEND_RATE_LIMIT = 2
    with on_commit():
        Client().post("/en/register/", registration("giulia@ponte.example.org"))
    sent = OutboxEmail.objects.filter(template_key="email_verification").count()

    client = Client(REMOTE_ADDR="203.0.113.30")
    answers = []
    for email in ("giulia@ponte.example.org", "nobody@example.org"):
        with on_commit():
            response = client.post("/en/register/resend/", {"email": email})
        answers.append((response.status_code, response["Location"]))
    assert answers[0] == answers[1] == (302, "/en/register/sent/")
    assert OutboxEmail.objects.filter(template_key="email_verification").count() == sent + 1

    with on_commit():
        refused = client.post("/en/register/resend/", {"email": "giulia@ponte.example.org"})
    assert refused.status_code == 429
    assert "please try again in an hour" in refused.content.decode()
    # Nor from elsewhere for the same address, once it has had its share.
    for number in range(3):
        with on_commit():
            response = Client(REMOTE_ADDR=f"192.0.2.{number}").post(
                "/en/register/resend/", {"email": "giulia@ponte.example.org"}
            )
        assert response.status_code == 429
    assert OutboxEmail.objects.filter(template_key="email_verification").count() == sent + 1


def test_password_resets_are_limited(settings, on_commit):
    settings.PORTAL_PASSWORD_RESET_RATE_LIMIT = 2
    user = UserFactory(email="giulia@ponte.example.org")
    client = Client(REMOTE_ADDR="203.0.113.40")
    codes = []
    for _attempt in range(3):
        with on_commit():
            codes.append(client.post("/admin/password_reset/", {"email": user.email}).status_code)
    assert codes == [302, 302, 429]
    assert len(mail.outbox) == 2
    html = client.post("/admin/password_reset/", {"email": "other@example.org"}).content
    assert "please try again in an hour" in html.decode()


def test_limits_are_counted_in_the_shared_cache(portal, settings):
    """The counts live in Django's cache (Redis in production, shared by every process), not in
    a process's memory: emptying the cache is the only thing that resets them."""
    settings.PORTAL_RESEND_RATE_LIMIT = 1
    client = Client(REMOTE_ADDR="203.0.113.50")
    assert client.post("/en/register/resend/", {"email": "a@example.org"}).status_code == 302
    assert client.post("/en/register/resend/", {"email": "b@example.org"}).status_code == 429
    cache.clear()
    assert client.post("/en/register/resend/", {"email": "b@example.org"}).status_code == 302


# Passwords and sessions -------------------------------------------------------------------------


def test_registration_needs_a_password_of_twelve_characters(portal):
    response = Client().post(
        "/en/register/",
        registration("short@example.org", password="Br3ad&Roses", password_confirm="Br3ad&Roses"),
    )
    assert response.status_code == 400
    assert "at least 12 characters" in " ".join(response.context["form"].errors["password"])
    assert not User.objects.exists()


def test_the_admin_asks_twelve_characters_for_a_new_user_and_a_changed_password():
    admin = UserFactory(is_superuser=True)
    client = Client()
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "Br3ad&Roses",
            "password2": "Br3ad&Roses",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not User.objects.filter(username="newcomer").exists()

    response = client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "Br3ad&Roses",
            "password-new_password2": "Br3ad&Roses",
        },
    )
    assert "at least 12 characters" in response.content.decode()
    admin.refresh_from_db()
    assert admin.check_password(PASSWORD)


def test_an_admin_session_lasts_a_working_day_at_most():
    user = UserFactory(is_superuser=True)
    remembered = sign_in(Client(), user.username, PASSWORD, remember="on")
    assert remembered.status_code == 302
    assert remembered.cookies["sessionid"]["max-age"] == 9 * 60 * 60
    # Not remembered: the session ends with the browser.
    assert sign_in(Client(), user.username, PASSWORD).cookies["sessionid"]["max-age"] == ""

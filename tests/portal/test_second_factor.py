"""A second factor for signing in: required of staff and facilitators, optional for
organisations, with recovery codes; a password alone never reaches the admin past it."""

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import Role
from directory.factories import PASSWORD, CentralStaffFactory
from tests.directory.organisations import registered

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.PORTAL_SECOND_FACTOR_REQUIRED = True
    # After a wrong code django-otp waits a second, then two, four… before it takes another;
    # `test_wrong_codes_slow_the_next_try` keeps that wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0


def sign_in(client, user, password=PASSWORD):
    return client.post("/admin/login/", {"username": user.username, "password": password})


def code_of(device, later=0):
    """The code the phone shows, or `later` steps on (a code is taken once, so each sign-in of a
    test uses the next one; the portal accepts one step of clock difference)."""
    t0 = device.t0 - later * device.step
    return f"{totp(device.bin_key, step=device.step, t0=t0, digits=device.digits):06d}"


def turn_on(client):
    """Open the set-up page, type the app's code: the recovery codes shown."""
    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(confirmed=False)
    done = client.post("/admin/2fa/setup/", {"code": code_of(device), "next": "/admin/"})
    assert done.status_code == 200
    assert "Two-step sign-in is on" in done.content.decode()
    return re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())


def test_staff_set_up_the_second_factor_before_reaching_the_admin():
    staff = CentralStaffFactory()
    assert Role.of(staff).is_staff
    client = Client()
    assert sign_in(client, staff).status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/setup/?next=/admin/pages/"

    page = client.get("/admin/2fa/setup/").content.decode()
    assert "<svg" in page, "the QR code is drawn by the portal, in the page"
    assert "https://" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    wrong = client.post("/admin/2fa/setup/", {"code": "000000"})
    assert wrong.status_code == 400
    assert "This code is not right" in wrong.content.decode()

    codes = turn_on(client)
    assert len(codes) == 10
    assert client.get("/admin/pages/").status_code == 200


def test_each_sign_in_asks_for_the_code_and_a_password_alone_reaches_nothing():
    staff = CentralStaffFactory()
    first = Client()
    sign_in(first, staff)
    codes = turn_on(first)
    device = TOTPDevice.objects.get(user=staff)

    client = Client()
    sign_in(client, staff)
    for url in ("/admin/", "/admin/users/", "/admin/2fa/setup/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/2fa/verify/?next="), url
    assert client.post("/admin/2fa/verify/", {"code": "123456"}).status_code == 400

    response = client.post(
        "/admin/2fa/verify/", {"code": code_of(device, later=1), "next": "/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    # A recovery code signs in once.
    for expected in (302, 400):
        other = Client()
        sign_in(other, staff)
        answer = other.post("/admin/2fa/verify/", {"code": codes[0]})
        assert answer.status_code == expected, answer.content.decode()[-3000:]


def test_an_organisation_may_turn_it_on_and_is_then_asked_for_it():
    user, _page, _account = registered()
    client = Client()
    sign_in(client, user)
    assert client.get("/admin/").status_code == 200, "not required of organisations"
    account = client.get("/admin/account/").content.decode()
    assert "/admin/2fa/setup/" in account

    turn_on(client)
    again = Client()
    sign_in(again, user)
    assert again.get("/admin/")["Location"].startswith("/admin/2fa/verify/")


def test_the_pages_need_a_signed_in_user():
    for url in ("/admin/2fa/setup/", "/admin/2fa/verify/"):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def enrolled_staff():
    """A member of the staff with the app set up, and a new browser signed in with the password
    only: (device, browser)."""
    staff = CentralStaffFactory()
    client = Client()
    sign_in(client, staff)
    turn_on(client)
    other = Client()
    sign_in(other, staff)
    return TOTPDevice.objects.get(user=staff), other


def test_the_next_address_stays_on_the_portal():
    device, other = enrolled_staff()
    response = other.post(
        "/admin/2fa/verify/", {"code": code_of(device, 1), "next": "https://evil.example.com/"}
    )
    assert response["Location"] == "/admin/"


def test_wrong_codes_slow_the_next_try(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 60
    device, other = enrolled_staff()
    assert other.post("/admin/2fa/verify/", {"code": "000000"}).status_code == 400
    # Even the right code is refused for the next minute: guessing a code takes forever.
    assert other.post("/admin/2fa/verify/", {"code": code_of(device, 1)}).status_code == 400
    assert other.get("/admin/").status_code == 302

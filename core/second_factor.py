"""A second factor for signing in to the admin: a code from an authenticator app (TOTP, through
django-otp), with single-use recovery codes for a lost phone.

Central staff and facilitators, who reach every organisation's records, must use one when
PORTAL_SECOND_FACTOR_REQUIRED is on (production): after their password they are sent to set it
up, then asked for a code at each sign-in. Organisations may turn it on from their account
settings; once on, it is asked for at every sign-in. Until the code is given, the session reaches
no admin screen but these (`SecondFactorMiddleware`).

The QR code is drawn by the portal itself (an SVG in the page), so the secret never leaves it.
"""

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import Role

APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"
RECOVERY_CODES = 10
# What a session still unverified may reach: these screens, signing out, and asking for a password.
OPEN_PATHS = ("/admin/2fa/", "/admin/logout/", "/admin/login/", "/admin/password_reset/")


def must_use(user):
    """Staff and facilitators must use a second factor where PORTAL_SECOND_FACTOR_REQUIRED."""
    return settings.PORTAL_SECOND_FACTOR_REQUIRED and Role.of(user).is_staff


class SecondFactorMiddleware:
    """In the admin, a signed-in user not yet verified by a second factor is sent to give a
    code (if they have one set up) or to set one up (if they must)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        path_info = request.path_info
        if (
            user is not None
            and user.is_authenticated
            and path_info.startswith(settings.PORTAL_ADMIN_PATH_PREFIXES)
            and not path_info.startswith(OPEN_PATHS)
            and not user.is_verified()
        ):
            if user_has_device(user):
                return redirect_keeping_next("second_factor_verify", request)
            if must_use(user):
                return redirect_keeping_next("second_factor_setup", request)
        return self.get_response(request)


def redirect_keeping_next(name, request):
    return redirect(f"{reverse(name)}?next={request.get_full_path()}")


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six digits your authenticator app shows now, or one recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def signed_in(view):
    """The view for a signed-in user; anyone else goes to the admin's sign-in first."""

    def wrapped(request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return view(request)

    wrapped.__doc__ = view.__doc__
    return wrapped


WRONG_CODE = _("This code is not right, or has expired. Type the code your app shows now.")


@signed_in
def setup(request):
    """Turn the second factor on: scan the QR code, type the code the app shows. Someone who
    has one already must give its code first, so that a password alone cannot replace it."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect_keeping_next("second_factor_verify", request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP_DEVICE).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, confirmed=False, name=APP_DEVICE)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = confirm(user, device)
            otp_login(request, device)
            return render(
                request,
                "core/second_factor_codes.html",
                {"codes": codes, "next": next_url(request)},
            )
        form.add_error("code", WRONG_CODE)
    context = {
        "form": form,
        "qr_code": segno.make(device.config_url).svg_inline(scale=5, dark="#000", light="#fff"),
        "secret": device.config_url.split("secret=")[1].split("&")[0],
        "required": must_use(user),
        "already_on": user_has_device(user),
        "next": next_url(request),
    }
    status = 400 if form.errors else 200
    return render(request, "core/second_factor_setup.html", context, status=status)


@transaction.atomic
def confirm(user, device):
    """Keep `device` as the user's only app and give new recovery codes: the codes, to show once."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _code in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=recovery, token=code) for code in codes])
    return codes


@signed_in
def verify(request):
    """The code asked for after the password, at every sign-in."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("code", WRONG_CODE)
    status = 400 if form.errors else 200
    context = {"form": form, "next": next_url(request)}
    return render(request, "core/second_factor_verify.html", context, status=status)


urlpatterns = [
    path("setup/", setup, name="second_factor_setup"),
    path("verify/", verify, name="second_factor_verify"),
]

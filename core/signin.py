"""Signing in to the admin: what a paused sign-in says, and a limit on asking for a new password.

Wrong passwords are counted by django-axes (settings: "Abuse controls"); these are its answer
when signing in is paused, and the password reset form with the portal's per-address and
per-email limit (core/ratelimit.py), so that nobody can fill an inbox with reset emails.
"""

from django.conf import settings
from django.shortcuts import render
from wagtail.admin.views.account import PasswordResetView

from core.ratelimit import TOO_MANY, RateLimit


def signin_locked(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in while it is paused (AXES_LOCKOUT_CALLABLE): a page that
    says so and for how long, with status 429, rather than the sign-in form's "wrong password"."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "account_locked.html", {"cooloff_minutes": minutes}, status=429)


class LimitedPasswordResetView(PasswordResetView):
    """Wagtail's "Reset your password", at most PORTAL_PASSWORD_RESET_RATE_LIMIT times per
    client address and per email address in the window; over it, the form says so (429)."""

    def form_valid(self, form):
        limit = RateLimit.for_account(
            "password-reset",
            self.request,
            form.cleaned_data["email"],
            settings.PORTAL_PASSWORD_RESET_RATE_LIMIT,
        )
        if not limit.take():
            form.add_error(None, TOO_MANY)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)

"""Admin → Be a mentor: a user of an organisation registers as a mentor from their account.

Their name and country come from the account and their organisation, their email address is
the account's (the one the portal already knows), and the profile is the user's. It then waits
for a facilitator's approval as a profile from the public form does, and the mentor is emailed
the link to their mentoring page. Once registered, the screen says where the profile stands and
opens that page.

Only users of an organisation act here: anyone else is refused (403) by direct address. A user
without an email address is asked to add one first; nothing is stored.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name

from core.roles import Role
from directory.emails import admin_language
from directory.models import OrganisationPage

from . import links
from .forms import MentorForm
from .models import MentorProfile
from .registration import register_mentor


class AccountMentorForm(MentorForm):
    """The public mentor form without the email address (the account's) and the robots' field."""

    email = None
    website = None


def mentor_of(user):
    """The user's mentor profile: registered from their account, or with their address."""
    match = Q(user=user)
    if user.email:
        match |= Q(email__iexact=user.email)
    return MentorProfile.objects.filter(match).order_by("pk").first()


def _initial(user):
    """The user's name, and their organisation's country and city."""
    initial = {"name": get_user_display_name(user), "languages": [user_language(user)]}
    organisation = OrganisationPage.objects.of_member(user).shown_versions()[:1]
    for page in organisation:
        country = page.get_country()
        if getattr(country, "code", ""):
            initial["country"] = country.code
        if page.place_id:
            initial["city"] = str(page.place)
    return initial


def user_language(user):
    """The language of the user's admin, which their mentoring emails speak too."""
    return admin_language(user, settings.LANGUAGE_CODE)


def mentor_view(request):
    role = Role.of(request.user)
    if not role.is_member:
        raise PermissionDenied
    user = request.user
    mentor = mentor_of(user)
    if mentor is not None:
        if mentor.user_id is None:  # registered on the public form with the account's address
            mentor.user = user
            mentor.save(update_fields=["user"])
        with translation.override(mentor.language):
            page_url = reverse("mentoring_mentor", args=[links.mentor_token(mentor)])
        return TemplateResponse(
            request,
            "mentoring/admin/account_mentor.html",
            {"page_title": _("Be a mentor"), "mentor": mentor, "page_url": page_url},
        )
    status = 200
    if request.method == "POST":
        form = AccountMentorForm(request.POST, request=request)
        if not user.email:
            status = 400
        elif form.is_valid():
            data = {**form.cleaned_data, "email": user.email.strip().lower()}
            register_mentor(data, user_language(user), user=user)
            messages.success(
                request,
                _(
                    "Thank you: a facilitator of your country reads your profile before it is "
                    "proposed to young people. We emailed you the link to your mentoring page."
                ),
            )
            return redirect("mentoring_account")
        else:
            status = 400
    else:
        form = AccountMentorForm(request=request, initial=_initial(user))
    return TemplateResponse(
        request,
        "mentoring/admin/account_mentor.html",
        {
            "page_title": _("Be a mentor"),
            "form": form,
            "no_email": not user.email,
            "account_url": reverse("wagtailadmin_account"),
        },
        status=status,
    )


def admin_urls():
    return [path("mentoring_account/", mentor_view, name="mentoring_account")]

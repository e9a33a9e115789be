"""Admin → Be a mentor: a user of an organisation registers as a mentor from their account.

Their name and country come from the account and their organisation, their email address is
the account's (the one the portal already knows), and the profile is the user's. It then waits
for a facilitator's approval as a profile from the public form does, and the mentor is emailed
the link to their mentoring page. Once registered, the screen says where the profile stands and
opens that page.

A profile registered on the public form with the account's address is not opened here (nothing
proves the address is the user's: they may write any in their account): the screen offers to
email its link to that address.

Only users of an organisation act here: anyone else is refused (403) by direct address. A user
without an email address is asked to add one first; nothing is stored.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
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
from .mail import send_mentor_link
from .models import MentorProfile
from .registration import register_mentor


class AccountMentorForm(MentorForm):
    """The public mentor form without the email address (the account's) and the robots' field."""

    email = None
    website = None


def mentor_of(user):
    """The user's mentor profile: the one registered from their account."""
    return MentorProfile.objects.filter(user=user).order_by("pk").first()


def mentor_with_address(user):
    """A mentor profile with the account's address, not registered from the account. Nothing
    proves the address is the user's (they may write any in their account): its page opens
    only from the link emailed to that address."""
    if not user.email:
        return None
    return MentorProfile.objects.filter(email__iexact=user.email.strip()).first()


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
        with translation.override(mentor.language):
            page_url = reverse("mentoring_mentor", args=[links.mentor_token(mentor)])
        return TemplateResponse(
            request,
            "mentoring/admin/account_mentor.html",
            {"page_title": _("Be a mentor"), "mentor": mentor, "page_url": page_url},
        )
    same_address = mentor_with_address(user)
    if same_address is not None:
        if request.method == "POST":
            send_mentor_link(same_address)
            messages.success(
                request,
                _("We emailed the link to the mentoring page to %(email)s.")
                % {"email": same_address.email},
            )
            return redirect("mentoring_account")
        return TemplateResponse(
            request,
            "mentoring/admin/account_mentor.html",
            {"page_title": _("Be a mentor"), "same_address": same_address},
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

"""Admin → Enrol in mentoring: an organisation's users enrol a young person.

Below the age of digital consent of their country (`requests.consent_age`) a young person may
not register on the public form; an organisation of the portal enrols them here, recording their
parent's or guardian's consent (name, time, version of the text). The young person is emailed
the link to their mentoring page, as after the public form, and the mentee keeps which
organisation enrolled them (`Mentee.enrolled_by_key`).

Only the users of the organisation act for it: anyone else, central staff included, is refused
(403) by direct address; an organisation that does not exist is a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _

from core.roles import Role
from directory.models import OrganisationPage

from .forms import EnrolmentForm
from .registration import enrol_mentee
from .requests import consent_age


def organisation_or_404(key):
    organisation = OrganisationPage.objects.first_version(key)
    if organisation is None:
        raise Http404
    return organisation


def country_code(organisation):
    """The code of the organisation's country ("" where it is not set)."""
    country = organisation.get_country()
    return getattr(country, "code", "")


def index_view(request):
    """The user's organisation's enrolment form, or the list of theirs to choose from."""
    organisations = OrganisationPage.objects.of_member(request.user).shown_versions()
    if not organisations:
        raise PermissionDenied
    if len(organisations) == 1:
        return redirect("mentoring_enrol", organisations[0].translation_key)
    return TemplateResponse(
        request,
        "mentoring/admin/enrol_choose.html",
        {"page_title": _("Enrol a young person in mentoring"), "organisations": organisations},
    )


def enrol_view(request, key):
    if not Role.of(request.user).belongs_to(key):
        raise PermissionDenied
    organisation = organisation_or_404(key)
    country = country_code(organisation)
    status = 200
    if request.method == "POST":
        form = EnrolmentForm(request.POST, request=request)
        if form.is_valid():
            mentee = enrol_mentee(form.cleaned_data, key, form.under_age)
            messages.success(
                request,
                _("%(name)s is enrolled: we emailed them the link to their mentoring page.")
                % {"name": mentee.first_name},
            )
            return redirect("mentoring_enrol", key)
        status = 400
    else:
        form = EnrolmentForm(request=request, initial={"country": country})
    return TemplateResponse(
        request,
        "mentoring/admin/enrol.html",
        {
            "page_title": _("Enrol a young person in mentoring"),
            "header_icon": "user",
            "organisation": organisation,
            "form": form,
            "consent_age": consent_age(country),
        },
        status=status,
    )


def admin_urls():
    return [
        path("mentoring_enrol/", index_view, name="mentoring_enrol_index"),
        path("mentoring_enrol/<uuid:key>/", enrol_view, name="mentoring_enrol"),
    ]

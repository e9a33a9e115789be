"""Facilitators hear of what waits for them: an organisation of their country registers, confirms
its email address or submits a page for approval (the directory's `organisation_event`).

Each facilitator gets an email in their admin language, with a link to the organisation, through
the outbox; or nothing now, if they chose the weekly digest (facilitators/digest.py). For an
organisation whose country is not set, central staff (and the facilitators of "country not set")
are the ones told.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.admin.utils import get_user_display_name

from core.roles import CENTRAL_STAFF, facilitators_group_name
from core.urls import absolute_admin_url
from directory.countries import country_names
from directory.emails import admin_language
from directory.events import EMAIL_CONFIRMED, REGISTERED, SUBMITTED
from emails.mail import send_templated_email
from emails.models import TemplateKey

from .models import Notifications

TEMPLATES = {
    REGISTERED: TemplateKey.FACILITATOR_REGISTRATION,
    EMAIL_CONFIRMED: TemplateKey.FACILITATOR_EMAIL_CONFIRMED,
    SUBMITTED: TemplateKey.FACILITATOR_SUBMISSION,
}


def country_code(organisation):
    return getattr(organisation.get_country(), "code", "") or ""


def people_told(code):
    """The active users told about the organisations of the country `code` ("": not set)."""
    groups = Q(groups__name=facilitators_group_name(code))
    if not code:
        groups |= Q(groups__name=CENTRAL_STAFF)
    users = get_user_model().objects.filter(groups, is_active=True).exclude(email="")
    return users.distinct().select_related("facilitator").order_by("pk")


def wants_each_email(user):
    facilitator = getattr(user, "facilitator", None)  # None for users without a profile
    return facilitator is None or facilitator.notifications == Notifications.EACH


def organisation_link(organisation):
    """The organisation's file in the admin, where the portal has one; else its page's editor."""
    try:
        path = reverse("facilitators_organisation_file", args=[str(organisation.translation_key)])
    except NoReverseMatch:
        path = reverse("wagtailadmin_pages:edit", args=[organisation.pk])
    return absolute_admin_url(path)


def country_name(code):
    """The country's name in the active language, or "Country not set"."""
    return country_names().get(code) if code else _("Country not set")


def facilitator_context(user, organisation, page, code, language):
    """The placeholders of an email to facilitator `user` about `organisation`, in `language`."""
    with override(language):
        return {
            "facilitator_name": get_user_display_name(user),
            "organisation_name": organisation.title,
            "contact_name": organisation.contact_person or organisation.title,
            "country_name": country_name(code) or "",
            "organisation_link": organisation_link(organisation),
            "page_title": page.title,
            "page_edit_link": absolute_admin_url(
                reverse("wagtailadmin_pages:edit", args=[page.pk])
            ),
            "dashboard_link": absolute_admin_url(reverse("wagtailadmin_home")),
        }


def tell_facilitators(sender, kind, organisation, page, user=None, **kwargs):
    """One email to each facilitator of the organisation's country who wants each event."""
    key = TEMPLATES.get(kind)
    if key is None or organisation is None:
        return []
    code = country_code(organisation)
    sent = []
    for person in people_told(code):
        if (user is not None and person.pk == user.pk) or not wants_each_email(person):
            continue
        language = admin_language(person, settings.LANGUAGE_CODE)
        sent.append(
            send_templated_email(
                key,
                to=[person.email],
                language=language,
                context=facilitator_context(person, organisation, page, code, language),
                organisation=organisation,
            )
        )
    return sent

"""Expressions of interest in the admin: each organisation sees those about its calls and those
it sent, and answers the ones it received.

Who sees what is decided here, per row, not by Django model permissions:

- an organisation's people see the interests received by its calls and the ones it sent, in
  every language; they mark a response on the ones they received, which emails the interested
  organisation's people, each in their language, through the outbox (`send_response`);
- a country's facilitators see the interests received or sent by that country's organisations;
  central staff and superusers see all of them. They read; they do not answer for the
  organisation (superusers excepted);
- anyone else sees nothing, and every address of a row outside one's reach is a 404.

The scope (directory/scoped_policy.py) is applied to the queryset of every view: the listing, the
detail and the response (directory/message_admin.py).
"""

import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import override
from wagtail.models import Locale

from core.admin_views import NONE, local_time, paragraphs, person
from core.urls import absolute_url
from directory.message_admin import (
    MessageActionView,
    MessageIndexView,
    MessageInspectView,
    MessageViewSet,
)
from directory.models import OrganisationPage
from emails import mail

from .models import ExpressionOfInterest
from .views import admin_link

Status = ExpressionOfInterest.Status
RESPONSE_TEMPLATE_KEY = "collaboration_response"


class InterestIndexView(MessageIndexView):
    list_related = ("organisation", "call")

    def get_base_queryset(self):
        interests = super().get_base_queryset()
        call = self.request.GET.get("call", "")
        if call:  # the interests in one call (a link from the call's page and the dashboard)
            try:
                interests = interests.filter(call_key=uuid.UUID(call))
            except ValueError:  # not a call's key: nothing matches it
                interests = interests.none()
        return interests


class InterestInspectView(MessageInspectView):
    template_name = "collaboration/admin/interest_inspect.html"
    detail_related = ("organisation", "call", "sent_by", "responded_by", "outbox_email")

    def get_responded_at_display_value(self):
        return local_time(self.object.responded_at)

    def get_response_note_display_value(self):
        return paragraphs(self.object.response_note)

    def get_sent_by_display_value(self):
        return person(self.object.sent_by, with_email=True)

    def get_responded_by_display_value(self):
        return person(self.object.responded_by)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["call_url"] = self.public_url(self.object.call)
        context["organisation_url"] = self.public_url(self.object.organisation)
        context["respond_url"] = self.action_url()
        return context


class ResponseForm(forms.ModelForm):
    class Meta:
        model = ExpressionOfInterest
        fields = ["status", "response_note"]
        widgets = {"response_note": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "response_note": _lazy(
                "Seen by both organisations and their facilitators, and sent by email to the "
                "interested organisation with your response."
            )
        }


# Telling the interested organisation ----------------------------------------------------------


def user_language(user, default):
    """The portal language a user reads the admin in, else `default`."""
    profile = getattr(user, "wagtail_userprofile", None)
    language = profile.preferred_language if profile else ""
    portal_languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    return language if language in portal_languages else default


class ResponseEmail:
    """The placeholders of the response email in one language: the interested organisation, the
    call and the organisation that posted it, each in that language where it is translated."""

    def __init__(self, interest):
        self.interest = interest
        self.organisation = OrganisationPage.objects.select_related("locale").first_version(
            interest.organisation_key
        )
        self.owner = OrganisationPage.objects.first_version(interest.owner_key)
        self.call = interest.call
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def _in(self, page, language):
        locale = self.locales.get(language)
        translated = page.get_translation_or_none(locale) if page and locale else None
        return translated or page

    def call_link(self, language):
        call = self._in(self.call, language)
        for version in (call, self.call):
            if version is not None and version.live:
                return absolute_url(version.get_full_url() or "")
        return ""

    def context(self, language, contact_name):
        interest = self.interest
        organisation = self._in(self.organisation, language)
        owner = self._in(self.owner, language)
        call = self._in(self.call, language)
        with override(language):
            status = str(interest.get_status_display())
        return {
            "contact_name": contact_name,
            "organisation_name": organisation.title if organisation else "",
            "call_organisation": owner.title if owner else "",
            "call_title": call.title if call else "",
            "call_link": self.call_link(language),
            "interest_message": interest.message,
            "interest_link": admin_link(interest),
            "response_status": status,
            "response_note": interest.response_note,
        }


def send_response(interest):
    """Email the response to the interested organisation's people, each in the language they
    read the admin in (else the organisation's), Reply-To the call's contact. An organisation
    without members with an address is written to at its own contact address.

    Returns the queued emails. Called within the transaction that saves the response."""
    email = ResponseEmail(interest)
    organisation = email.organisation
    if organisation is None:  # every version of it is gone: nobody to tell
        return []
    language = organisation.locale.language_code
    call = email.call
    reply_to = [address for address in [call and call.contact_email] if address]
    if not reply_to and email.owner is not None and email.owner.email:
        reply_to = [email.owner.email]
    members = [
        member
        for member in organisation.members().select_related("wagtail_userprofile").order_by("pk")
        if member.email
    ]
    recipients = [
        (
            member.email,
            user_language(member, language),
            member.get_full_name() or organisation.contact_person or organisation.title,
        )
        for member in members
    ]
    if not recipients and organisation.email:
        recipients = [
            (organisation.email, language, organisation.contact_person or organisation.title)
        ]
    return [
        mail.send_templated_email(
            RESPONSE_TEMPLATE_KEY,
            to=[address],
            reply_to=reply_to,
            language=code,
            context=email.context(code, name),
            organisation=organisation,
        )
        for address, code, name in recipients
    ]


class InterestRespondView(MessageActionView):
    """The call's organisation marks its response. Bad input: 400 with the form's errors."""

    row_related = ("organisation", "call")

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            "collaboration/admin/interest_respond.html",
            {
                "interest": self.row,
                "form": form,
                "inspect_url": reverse(self.inspect_url_name, args=[self.row.pk]),
            },
            status=status,
        )

    def get(self, request, pk):
        return self.render(ResponseForm(instance=self.row))

    def post(self, request, pk):
        form = ResponseForm(request.POST, instance=self.row)
        if not form.is_valid():
            return self.render(form, status=400)
        changed = form.has_changed()
        interest = form.save(commit=False)
        if interest.status == Status.NEW:
            interest.responded_at, interest.responded_by = None, None
        else:
            interest.responded_at, interest.responded_by = timezone.now(), request.user
        with transaction.atomic():
            interest.save(update_fields=["status", "response_note", "responded_at", "responded_by"])
            # A response, or a changed one, is news for the interested organisation; going
            # back to "awaiting a response" or saving the same again is not.
            emails = send_response(interest) if changed and interest.status != Status.NEW else []
        organisation = interest.organisation.title if interest.organisation else NONE
        if emails:
            message = _(
                "Your response to %(organisation)s is saved and emailed to them: %(status)s."
            )
        else:
            message = _("Your response to %(organisation)s is saved: %(status)s.")
        messages.success(
            request,
            message % {"organisation": organisation, "status": interest.get_status_display()},
        )
        return self.back_to_row(interest.pk)


class InterestViewSet(MessageViewSet):
    """Expressions of interest: listed and read, answered by the call's organisation."""

    model = ExpressionOfInterest
    name = "interests"  # /admin/interests/, URL names "interests:index", "interests:inspect"
    icon = "group"
    menu_order = 260
    index_view_class = InterestIndexView
    inspect_view_class = InterestInspectView
    action_name = "respond"
    action_view_class = InterestRespondView
    inspect_view_fields = [
        "created_at",
        "call",
        "organisation",
        "sent_by",
        "message",
        "status",
        "response_note",
        "responded_at",
        "responded_by",
        "outbox_email",
    ]
    list_display = ["created_at", "organisation", "call", "status"]
    search_fields = ["message"]

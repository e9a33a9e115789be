"""Expressions of interest in the admin: each organisation sees those about its calls and those
it sent, and answers the ones it received.

Who sees what is decided here, per row, not by Django model permissions:

- an organisation's people see the interests received by its calls and the ones it sent, in
  every language; they mark a response on the ones they received;
- a country's facilitators see the interests received or sent by that country's organisations;
  central staff and superusers see all of them. They read; they do not answer for the
  organisation (superusers excepted);
- anyone else sees nothing, and every address of a row outside one's reach is a 404.

The scope (directory/scoped_policy.py) is applied to the queryset of every view: the listing, the
detail and the response (directory/message_admin.py).
"""

import uuid

from django import forms
from django.contrib import messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.admin_views import NONE, local_time, paragraphs, person
from directory.message_admin import (
    MessageActionView,
    MessageIndexView,
    MessageInspectView,
    MessageViewSet,
)

from .models import ExpressionOfInterest

Status = ExpressionOfInterest.Status


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
        interest = form.save(commit=False)
        if interest.status == Status.NEW:
            interest.responded_at, interest.responded_by = None, None
        else:
            interest.responded_at, interest.responded_by = timezone.now(), request.user
        interest.save(update_fields=["status", "response_note", "responded_at", "responded_by"])
        messages.success(
            request,
            _("Your response to %(organisation)s is saved: %(status)s.")
            % {
                "organisation": interest.organisation.title if interest.organisation else NONE,
                "status": interest.get_status_display(),
            },
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

"""Expressions of interest in the admin: each organisation sees those about its calls and those
it sent, and answers the ones it received.

Who sees what is decided here, per row, not by Django model permissions:

- an organisation's people see the interests received by its calls and the ones it sent, in
  every language; they mark a response on the ones they received;
- a country's facilitators see the interests received or sent by that country's organisations;
  central staff and superusers see all of them. They read; they do not answer for the
  organisation (superusers excepted);
- anyone else sees nothing, and every address of a row outside one's reach is a 404.

The scope is applied to the queryset of every view: the listing, the detail and the response.
"""

import uuid

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import View
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from directory.scoped_policy import OrganisationRowsPolicy, own_rows, readable_rows

from .models import ExpressionOfInterest

Status = ExpressionOfInterest.Status


def visible_interests(user):
    """The interests received by or sent from the organisations the user belongs to or follows."""
    return readable_rows(ExpressionOfInterest.objects.all(), user, "owner_key", "organisation_key")


def answerable_interests(user):
    """The interests the user may respond to: those received by their organisations' calls."""
    return own_rows(ExpressionOfInterest.objects.all(), user, "owner_key")


class InterestPermissionPolicy(OrganisationRowsPolicy):
    """Actions: "view" (the listing and the detail) and "respond" (mark a response)."""

    scopes = {"view": visible_interests, "respond": answerable_interests}


# Views ------------------------------------------------------------------------------------------


class InterestIndexView(IndexView):
    def get_base_queryset(self):
        interests = visible_interests(self.request.user).select_related("organisation", "call")
        call = self.request.GET.get("call", "")
        if call:  # the interests in one call (a link from the call's page and the dashboard)
            try:
                interests = interests.filter(call_key=uuid.UUID(call))
            except ValueError:  # not a call's key: nothing matches it
                interests = interests.none()
        return interests


class InterestInspectView(InspectView):
    template_name = "collaboration/admin/interest_inspect.html"
    respond_url_name = None

    def get_object(self, queryset=None):
        interests = visible_interests(self.request.user).select_related(
            "organisation", "call", "sent_by", "responded_by", "outbox_email"
        )
        return get_object_or_404(interests, pk=self.pk)

    def get_created_at_display_value(self):
        return timezone.localtime(self.object.created_at)

    def get_responded_at_display_value(self):
        responded_at = self.object.responded_at
        return timezone.localtime(responded_at) if responded_at else "-"

    def get_message_display_value(self):
        return linebreaksbr(self.object.message)

    def get_response_note_display_value(self):
        return linebreaksbr(self.object.response_note) if self.object.response_note else "-"

    def get_sent_by_display_value(self):
        user = self.object.sent_by
        if user is None:
            return "-"
        name = get_user_display_name(user)
        return f"{name} <{user.email}>" if user.email else name

    def get_responded_by_display_value(self):
        user = self.object.responded_by
        return get_user_display_name(user) if user else "-"

    def get_outbox_email_display_value(self):
        email = self.object.outbox_email
        return f"{email.get_status_display()} · {email.recipients}" if email else "-"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        interest = self.object
        for name in ("call", "organisation"):
            page = getattr(interest, name)
            context[f"{name}_url"] = (
                page.get_url(request=self.request) if page and page.live else ""
            )
        if self.respond_url_name and self.user_has_permission_for_instance("respond", interest):
            context["respond_url"] = reverse(self.respond_url_name, args=[interest.pk])
        return context


class ResponseForm(forms.ModelForm):
    class Meta:
        model = ExpressionOfInterest
        fields = ["status", "response_note"]
        widgets = {"response_note": forms.Textarea(attrs={"rows": 4})}


class InterestRespondView(PermissionCheckedMixin, View):
    """The call's organisation marks its response. Bad input: 400 with the form's errors."""

    model = ExpressionOfInterest
    permission_required = "respond"
    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.interest = get_object_or_404(
            answerable_interests(request.user).select_related("organisation", "call"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            "collaboration/admin/interest_respond.html",
            {
                "interest": self.interest,
                "form": form,
                "inspect_url": reverse(self.inspect_url_name, args=[self.interest.pk]),
            },
            status=status,
        )

    def get(self, request, pk):
        return self.render(ResponseForm(instance=self.interest))

    def post(self, request, pk):
        form = ResponseForm(request.POST, instance=self.interest)
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
                "organisation": interest.organisation.title if interest.organisation else "-",
                "status": interest.get_status_display(),
            },
        )
        return redirect(self.inspect_url_name, interest.pk)


class InterestAdminURLFinder(ModelAdminURLFinder):
    edit_url_name = "interests:inspect"

    def get_edit_url(self, instance):
        if self.user and not visible_interests(self.user).filter(pk=instance.pk).exists():
            return None
        return self.construct_edit_url(instance)


class InterestViewSet(ModelViewSet):
    """Expressions of interest: listed and read, answered by the call's organisation."""

    model = ExpressionOfInterest
    name = "interests"  # /admin/interests/, URL names "interests:index", "interests:inspect"
    icon = "group"
    menu_order = 260
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = InterestIndexView
    inspect_view_class = InterestInspectView
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
    list_filter = ["status"]
    search_fields = ["message"]
    ordering = ["-created_at"]
    url_finder_class = InterestAdminURLFinder

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            respond_url_name=self.get_url_name("respond"), **kwargs
        )

    @property
    def respond_view(self):
        return InterestRespondView.as_view(inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        # No add, edit, copy, delete or history screens: interests come from the public page.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("respond/<int:pk>/", self.respond_view, name="respond"),
        ]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().none()

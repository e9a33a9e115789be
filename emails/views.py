"""Admin screens for the outbox: read-only listing and detail, and the "Resend" action."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from .mail import resend
from .models import OutboxEmail


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """Outbox rows are written by the mail code only. Staff may view them, and resend them
    with the extra `facilitators.resend_outboxemail` permission; nobody adds, edits or deletes
    them by hand, superusers included."""

    def user_has_permission(self, user, action):
        if action == "view":
            return super().user_has_permission(user, "view")
        if action == "resend":
            return super().user_has_permission(user, "view") and super().user_has_permission(
                user, "resend"
            )
        return False

    def users_with_any_permission(self, actions):
        actions = set(actions) & {"view", "resend"}
        if not actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(actions)


class OutboxInspectView(InspectView):
    template_name = "emails/outbox_inspect.html"
    resend_url_name = None

    def get_to_display_value(self):
        return ", ".join(self.object.to)

    def get_reply_to_display_value(self):
        return ", ".join(self.object.reply_to) or "-"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.resend_url_name and self.user_has_permission("resend"):
            context["resend_url"] = reverse(self.resend_url_name, args=[self.object.pk])
        return context


class OutboxResendView(PermissionCheckedMixin, View):
    """POST only (a GET is refused with 405); CSRF-checked by Django's middleware."""

    model = OutboxEmail
    permission_required = "resend"
    http_method_names = ["post"]
    inspect_url_name = None

    def post(self, request, pk):
        email = get_object_or_404(OutboxEmail, pk=pk)
        if resend(email):
            messages.success(
                request,
                _("“%(subject)s” to %(to)s is queued to be sent again.")
                % {"subject": email.subject, "to": email.recipients},
            )
        else:
            messages.error(request, _("This email is being sent right now; try again later."))
        return redirect(self.inspect_url_name, email.pk)

"""Admin screens for the outbox: read-only listing and detail, and the "Resend" action."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.permission_policies import ModelPermissionPolicy

from core.admin_views import RecordActionView, RecordInspectView

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


class OutboxInspectView(RecordInspectView):
    template_name = "emails/outbox_inspect.html"

    def get_to_display_value(self):
        return ", ".join(self.object.to)

    def get_reply_to_display_value(self):
        return ", ".join(self.object.reply_to) or "-"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resend_url"] = self.action_url()
        return context


class OutboxResendView(RecordActionView):
    """POST only (a GET is refused with 405); CSRF-checked by Django's middleware."""

    permission_required = "resend"
    http_method_names = ["post"]

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
        return self.back_to_row(email.pk)

"""Admin screens for email: the outbox (read-only listing and detail, and the "Resend" action)
and, on an email template's edit screen, "Send me a test"."""

import django_filters
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView as SnippetEditView

from core.admin_views import RecordActionView, RecordInspectView

from .mail import queue_email, resend
from .models import EmailTemplate, OutboxEmail


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


class OutboxFilterSet(WagtailFilterSet):
    """Status, template, and "Needs attention": what did not arrive, or may not have (a
    sending interrupted, "unknown – check")."""

    needs_attention = django_filters.BooleanFilter(
        label=gettext_lazy("Needs attention"), method="filter_needs_attention"
    )

    class Meta:
        model = OutboxEmail
        fields = ["needs_attention", "status", "template_key"]

    def filter_needs_attention(self, queryset, name, value):
        if value is None:
            return queryset
        rows = {"status__in": OutboxEmail.NEEDS_ATTENTION}
        return queryset.filter(**rows) if value else queryset.exclude(**rows)


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


# Email templates: "Send me a test" ----------------------------------------------------------


class SendTestButton(HeaderButton):
    """A button in the edit screen's header that POSTs (a small form of its own, outside the
    editor's form: the saved text is what is sent)."""

    template_name = "emails/send_test_button.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = context.get("request")
        context["csrf_token"] = get_token(request) if request else ""
        return context


class EmailTemplateEditView(SnippetEditView):
    send_test_url_name = None

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if self.send_test_url_name and self.user_has_permission_for_instance("change", self.object):
            url = reverse(self.send_test_url_name, args=[quote(self.object.pk)])
            buttons.insert(0, SendTestButton(_("Send me a test"), url=url, icon_name="mail"))
        return buttons


def mark_as_test(subject, language):
    """The subject, marked as a test in the email's own language."""
    with translation.override(language):
        return _("[Test] %(subject)s") % {"subject": subject}


class SendTestView(PermissionCheckedMixin, View):
    """Send the saved template, filled with sample values, to the staff user's own address,
    through the outbox. POST only, for who may change email templates."""

    permission_policy = ModelPermissionPolicy(EmailTemplate)
    permission_required = "change"
    http_method_names = ["post"]
    edit_url_name = None
    no_address_message = gettext_lazy(
        "Your account has no email address, so the test cannot be sent. Add one in your "
        "account settings, then try again."
    )

    def post(self, request, pk):
        template = get_object_or_404(EmailTemplate.objects.select_related("locale"), pk=pk)
        back = redirect(self.edit_url_name, quote(template.pk))
        address = (request.user.email or "").strip()
        if not address:
            messages.error(request, self.no_address_message)
            return back
        subject, body = template.render_sample()
        language = template.language_code
        queue_email(
            to=[address],
            subject=mark_as_test(subject, language),
            body=body,
            language=language,
            template_key=template.key,
        )
        messages.success(
            request,
            _("A test of “%(template)s” (%(language)s) was sent to %(address)s.")
            % {
                "template": template,
                "language": template.locale.get_display_name(),
                "address": address,
            },
        )
        return back

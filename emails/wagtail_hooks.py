"""Admin → Email: the templates staff edit in every language, and the outbox."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_views import RecordViewSet

from .models import EmailTemplate, OutboxEmail
from .views import (
    EmailTemplateEditView,
    OutboxFilterSet,
    OutboxInspectView,
    OutboxPermissionPolicy,
    OutboxResendView,
    SendTestView,
)

register_permission_policy(OutboxEmail, OutboxPermissionPolicy(OutboxEmail))


class EmailTemplateViewSet(SnippetViewSet):
    model = EmailTemplate
    icon = "mail"
    menu_label = _("Email templates")
    list_display = ["key", "subject", "locale"]
    list_filter = ["key"]
    search_fields = ["subject", "body"]
    edit_view_class = EmailTemplateEditView  # with "Send me a test" (a POST to send_test)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            send_test_url_name=self.get_url_name("send_test"), **kwargs
        )

    @property
    def send_test_view(self):
        return SendTestView.as_view(edit_url_name=self.get_url_name("edit"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                f"send-test/<{self.pk_path_converter}:pk>/",
                self.send_test_view,
                name="send_test",
            ),
        ]


class OutboxEmailViewSet(RecordViewSet):
    """The outbox, read-only: list, inspect, and resend (POST) for who may."""

    model = OutboxEmail
    name = "outbox"  # /admin/outbox/, URL names "outbox:index", "outbox:inspect", ...
    icon = "mail"
    menu_label = _("Outbox")
    inspect_view_class = OutboxInspectView
    inspect_view_fields_exclude = ["id"]
    action_name = "resend"
    action_view_class = OutboxResendView
    list_display = ["created_at", "recipients", "subject", "status", "attempts"]
    filterset_class = OutboxFilterSet
    search_fields = ["subject", "to"]

    def get_permissions_to_register(self):
        # Only what means something here: view, and resend.
        return self.model_permissions().filter(
            codename__in=["view_outboxemail", "resend_outboxemail"]
        )


class EmailViewSetGroup(SnippetViewSetGroup):
    items = (EmailTemplateViewSet, OutboxEmailViewSet)
    menu_icon = "mail"
    menu_label = _("Email")
    menu_name = "email"


register_snippet(EmailViewSetGroup)

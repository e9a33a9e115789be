"""Admin → Email: the templates staff edit in every language, and the outbox."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EmailTemplate, OutboxEmail
from .views import OutboxInspectView, OutboxPermissionPolicy, OutboxResendView

register_permission_policy(OutboxEmail, OutboxPermissionPolicy(OutboxEmail))


class OutboxAdminURLFinder(ModelAdminURLFinder):
    def get_edit_url(self, instance):
        if self.user and not OutboxPermissionPolicy(OutboxEmail).user_has_permission(
            self.user, "view"
        ):
            return None
        return self.construct_edit_url(instance)


class EmailTemplateViewSet(SnippetViewSet):
    model = EmailTemplate
    icon = "mail"
    menu_label = _("Email templates")
    list_display = ["key", "subject", "locale"]
    list_filter = ["key"]
    search_fields = ["subject", "body"]


class OutboxEmailViewSet(ModelViewSet):
    """The outbox, read-only: list, inspect, and resend (POST) for who may."""

    model = OutboxEmail
    name = "outbox"  # /admin/outbox/, URL names "outbox:index", "outbox:inspect", ...
    icon = "mail"
    menu_label = _("Outbox")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = OutboxInspectView
    inspect_view_fields_exclude = ["id"]
    list_display = ["created_at", "recipients", "subject", "status", "attempts"]
    list_filter = ["status", "template_key"]
    search_fields = ["subject", "to"]
    ordering = ["-created_at"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            resend_url_name=self.get_url_name("resend"), **kwargs
        )

    @property
    def resend_view(self):
        return OutboxResendView.as_view(inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        # No add, edit, copy, delete or history screens: outbox rows are not edited by hand.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("resend/<int:pk>/", self.resend_view, name="resend"),
        ]

    @property
    def url_finder_class(self):
        # Links to an outbox row from elsewhere in the admin open its inspect view.
        return type(
            "OutboxEmailAdminURLFinder",
            (OutboxAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_permissions_to_register(self):
        # Only what means something here: view, and resend.
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["view_outboxemail", "resend_outboxemail"])
        )


class EmailViewSetGroup(SnippetViewSetGroup):
    items = (EmailTemplateViewSet, OutboxEmailViewSet)
    menu_icon = "mail"
    menu_label = _("Email")
    menu_name = "email"


register_snippet(EmailViewSetGroup)

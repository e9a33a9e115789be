"""Admin screens for rows the portal writes itself: citizens' messages, expressions of interest,
the outbox. Nobody adds, edits, copies or deletes them by hand; each has a listing, a detail
("inspect") and one action of its own (mark answered, respond, resend).

`RecordViewSet` gives those screens and nothing else: an address for an add or edit screen does
not exist (404), whatever one's permissions. What a user may see and do is the model's
registered permission policy's to say, on every view and on links from elsewhere in the admin.
"""

from django.shortcuts import redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import View
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

NONE = "-"


def local_time(value):
    """A date and time in the site's time zone (the inspect template shows it as it comes)."""
    return timezone.localtime(value) if value else NONE


def person(user, with_email=False):
    """A user as the admin names them, optionally with their address."""
    if user is None:
        return NONE
    name = get_user_display_name(user)
    return f"{name} <{user.email}>" if with_email and user.email else name


def paragraphs(text):
    return linebreaksbr(text) if text else NONE


class RecordInspectView(InspectView):
    """The detail of a row. `action_url` is the address of the row's action, for who may take it
    (`action_permission`: an action of the model's permission policy, checked on this row)."""

    action_url_name = None
    action_permission = None

    def action_url(self):
        if self.action_url_name and self.user_has_permission_for_instance(
            self.action_permission, self.object
        ):
            return reverse(self.action_url_name, args=[self.object.pk])
        return ""


class RecordActionView(PermissionCheckedMixin, View):
    """An action on one row, refused (403) to who does not hold `permission_required` in the
    model's permission policy. The viewset sets `model` and `inspect_url_name`, the row's detail,
    where the action goes back to when done. Subclasses look the row up within the user's reach."""

    model = None
    inspect_url_name = None

    def back_to_row(self, pk):
        return redirect(self.inspect_url_name, pk)


class InspectURLFinder(ModelAdminURLFinder):
    """Links to a row from elsewhere in the admin open its detail, for who may view the row."""

    def get_edit_url(self, instance):
        policy = policy_registry.get(instance)
        if (
            self.user
            and policy
            and not policy.user_has_permission_for_instance(self.user, "view", instance)
        ):
            return None
        return self.construct_edit_url(instance)


class RecordViewSet(ModelViewSet):
    """A listing, a detail and one action (`action_name` at `<action_name>/<pk>/`, served by
    `action_view_class`, a `RecordActionView`) for rows the portal writes itself."""

    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-created_at"]
    action_name = None
    action_permission = None
    action_view_class = None

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            action_url_name=self.get_url_name(self.action_name),
            action_permission=self.action_permission or self.action_name,
            **kwargs,
        )

    @property
    def action_view(self):
        return self.action_view_class.as_view(
            model=self.model, inspect_url_name=self.get_url_name("inspect")
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path(f"{self.action_name}/<int:pk>/", self.action_view, name=self.action_name),
        ]

    @property
    def url_finder_class(self):
        return type(
            f"{self.model.__name__}AdminURLFinder",
            (InspectURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def model_permissions(self):
        return super().get_permissions_to_register()

    def get_permissions_to_register(self):
        # Who may do what is the permission policy's to say, not Django model permissions.
        return self.model_permissions().none()

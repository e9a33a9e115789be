"""Admin → Subscribers: who receives the portal's emails, for staff to look at. Subscribers
write their own rows (forms, links); nobody adds or edits them here, consent least of all."""

import django_filters
from django.db.models import Count, Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Kind, Subscriber


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Staff with the view permission look; nobody adds, edits or deletes, superusers included."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, "view")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(["view"])


class SubscriberFilterSet(WagtailFilterSet):
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )
    kind = django_filters.ChoiceFilter(
        label=_("Receives"), field_name="subscriptions__kind", choices=Kind.choices, distinct=True
    )

    class Meta:
        model = Subscriber
        fields = ["confirmed", "kind", "language"]


def counts():
    """How many subscribers are confirmed, waiting, and receive each kind of email."""
    return Subscriber.objects.aggregate(
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False), distinct=True),
        waiting=Count("pk", filter=Q(confirmed_at__isnull=True), distinct=True),
        news=Count(
            "pk",
            filter=Q(confirmed_at__isnull=False, subscriptions__kind=Kind.NEWS),
            distinct=True,
        ),
        newsletter=Count(
            "pk",
            filter=Q(confirmed_at__isnull=False, subscriptions__kind=Kind.NEWSLETTER),
            distinct=True,
        ),
        search=Count(
            "pk",
            filter=Q(confirmed_at__isnull=False, subscriptions__kind=Kind.SEARCH),
            distinct=True,
        ),
    )


class SubscriberIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(subscription_count=Count("subscriptions"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = counts()
        return context


class SubscriberInspectView(InspectView):
    def get_fields(self):
        return ["email", "language", "created_at", "confirmed_at", "consent_at", "consent_version"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscriptions"] = list(self.object.subscriptions.all())
        return context


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 750
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
    index_template_name = "subscriptions/admin/subscriber_index.html"
    inspect_template_name = "subscriptions/admin/subscriber_inspect.html"
    list_display = [
        "email",
        "language",
        DateColumn("created_at", label=_("Subscribed")),
        DateColumn("confirmed_at", label=_("Confirmed")),
        Column("subscription_count", label=_("Subscriptions")),
    ]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    ordering = ["-created_at"]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

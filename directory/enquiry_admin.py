"""Citizens' messages in the admin: each organisation reads its own and marks them answered.

Who sees what is decided here, per message, not by Django model permissions:

- an organisation's people (its account's group) see its messages, in every language, and mark
  them answered or new again;
- a country's facilitators see the messages of that country's organisations, to follow how
  organisations answer; central staff and superusers see every message. They read, they do not
  answer for the organisation (superusers excepted);
- anyone else sees nothing, and every address of a message outside one's reach is a 404.

The scope is applied to the queryset of every view: the listing, the detail, and the actions.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import View
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from directory.models import Enquiry
from directory.scoped_policy import OrganisationRowsPolicy, own_rows, readable_rows

Status = Enquiry.Status


# Who sees and answers which messages ------------------------------------------------------------


def visible_enquiries(user):
    return readable_rows(Enquiry.objects.all(), user, "organisation_key")


def answerable_enquiries(user):
    return own_rows(Enquiry.objects.all(), user, "organisation_key")


class EnquiryPermissionPolicy(OrganisationRowsPolicy):
    """Actions: "view" (the listing and the detail) and "answer" (mark answered or new)."""

    scopes = {"view": visible_enquiries, "answer": answerable_enquiries}


# Views ------------------------------------------------------------------------------------------


class EnquiryIndexView(IndexView):
    def get_base_queryset(self):
        return visible_enquiries(self.request.user).select_related("organisation", "service")


class EnquiryInspectView(InspectView):
    template_name = "directory/admin/enquiry_inspect.html"
    status_url_name = None

    def get_object(self, queryset=None):
        enquiries = visible_enquiries(self.request.user).select_related(
            "organisation", "service", "answered_by", "outbox_email"
        )
        return get_object_or_404(enquiries, pk=self.pk)

    # Dates in the site's time zone (the inspect template formats them as they come).
    def get_created_at_display_value(self):
        return timezone.localtime(self.object.created_at)

    def get_consent_at_display_value(self):
        return timezone.localtime(self.object.consent_at)

    def get_answered_at_display_value(self):
        answered_at = self.object.answered_at
        return timezone.localtime(answered_at) if answered_at else "-"

    def get_message_display_value(self):
        return linebreaksbr(self.object.message)

    def get_email_display_value(self):
        return format_html('<a href="mailto:{0}" dir="ltr">{0}</a>', self.object.email)

    def get_language_display_value(self):
        code = self.object.language
        try:
            return get_language_info(code)["name_local"]
        except KeyError:
            return code

    def get_service_display_value(self):
        return self.object.service.title if self.object.service else "-"

    def get_answered_by_display_value(self):
        user = self.object.answered_by
        return get_user_display_name(user) if user else "-"

    def get_outbox_email_display_value(self):
        email = self.object.outbox_email
        return f"{email.get_status_display()} · {email.recipients}" if email else "-"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enquiry = self.object
        page = enquiry.page
        context["public_url"] = page.get_url(request=self.request) if page and page.live else ""
        if self.status_url_name and self.user_has_permission_for_instance("answer", enquiry):
            new = enquiry.status == Status.NEW
            context["status_action"] = {
                "url": reverse(self.status_url_name, args=[enquiry.pk]),
                "status": Status.ANSWERED if new else Status.NEW,
                "label": _("Mark as answered") if new else _("Mark as new"),
            }
        return context


class EnquiryStatusView(PermissionCheckedMixin, View):
    """Mark a message answered, or new again. POST only (a GET is 405), CSRF-checked."""

    model = Enquiry
    permission_required = "answer"
    http_method_names = ["post"]
    inspect_url_name = None

    def post(self, request, pk):
        enquiry = get_object_or_404(answerable_enquiries(request.user), pk=pk)
        status = request.POST.get("status", Status.ANSWERED)
        if status == Status.ANSWERED:
            Enquiry.objects.filter(pk=enquiry.pk, status=Status.NEW).update(
                status=Status.ANSWERED, answered_at=timezone.now(), answered_by=request.user
            )
            messages.success(
                request,
                _("The message from %(name)s is marked as answered.") % {"name": enquiry.name},
            )
        elif status == Status.NEW:
            Enquiry.objects.filter(pk=enquiry.pk).update(
                status=Status.NEW, answered_at=None, answered_by=None
            )
            messages.success(
                request, _("The message from %(name)s is marked as new.") % {"name": enquiry.name}
            )
        else:
            messages.error(request, _("This is not a status a message can have."))
        return redirect(self.inspect_url_name, enquiry.pk)


class EnquiryAdminURLFinder(ModelAdminURLFinder):
    """Links to a message from elsewhere in the admin open its detail, for who may see it."""

    edit_url_name = "enquiries:inspect"

    def get_edit_url(self, instance):
        if self.user and not visible_enquiries(self.user).filter(pk=instance.pk).exists():
            return None
        return self.construct_edit_url(instance)


class EnquiryViewSet(ModelViewSet):
    """Citizens' messages: listed and read, marked answered; never added or edited by hand."""

    model = Enquiry
    name = "enquiries"  # /admin/enquiries/, URL names "enquiries:index", "enquiries:inspect", ...
    icon = "mail"
    menu_label = gettext_lazy("Enquiries")
    menu_order = 250
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    inspect_view_fields = [
        "created_at",
        "status",
        "name",
        "email",
        "message",
        "organisation",
        "service",
        "language",
        "consent_at",
        "answered_at",
        "answered_by",
        "outbox_email",
    ]
    list_display = ["created_at", "name", "organisation", "service", "status"]
    list_filter = ["status"]
    search_fields = ["name", "email", "message"]
    ordering = ["-created_at"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            status_url_name=self.get_url_name("status"), **kwargs
        )

    @property
    def status_view(self):
        return EnquiryStatusView.as_view(inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        # No add, edit, copy, delete or history screens: messages come from the public form.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("status/<int:pk>/", self.status_view, name="status"),
        ]

    url_finder_class = EnquiryAdminURLFinder

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().none()

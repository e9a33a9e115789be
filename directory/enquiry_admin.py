"""Citizens' messages in the admin: each organisation reads its own and marks them answered.

Who sees what is decided here, per message, not by Django model permissions:

- an organisation's people (its account's group) see its messages, in every language, and mark
  them answered or new again;
- a country's facilitators see the messages of that country's organisations, to follow how
  organisations answer; central staff and superusers see every message. They read, they do not
  answer for the organisation (superusers excepted);
- anyone else sees nothing, and every address of a message outside one's reach is a 404.

The scope (directory/scoped_policy.py) is applied to the queryset of every view: the listing, the
detail, and the action (directory/message_admin.py).
"""

from django.contrib import messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from core.admin_views import NONE, local_time, person
from directory.message_admin import (
    MessageActionView,
    MessageIndexView,
    MessageInspectView,
    MessageViewSet,
)
from directory.models import Enquiry

Status = Enquiry.Status


class EnquiryIndexView(MessageIndexView):
    list_related = ("organisation", "service")
    organisation_file_columns = {"organisation": "organisation_key"}


class EnquiryInspectView(MessageInspectView):
    template_name = "directory/admin/enquiry_inspect.html"
    detail_related = ("organisation", "service", "answered_by", "outbox_email")

    def get_consent_at_display_value(self):
        return local_time(self.object.consent_at)

    def get_answered_at_display_value(self):
        return local_time(self.object.answered_at)

    def get_email_display_value(self):
        return format_html('<a href="mailto:{0}" dir="ltr">{0}</a>', self.object.email)

    def get_language_display_value(self):
        code = self.object.language
        try:
            return get_language_info(code)["name_local"]
        except KeyError:
            return code

    def get_service_display_value(self):
        return self.object.service.title if self.object.service else NONE

    def get_answered_by_display_value(self):
        return person(self.object.answered_by)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enquiry = self.object
        context["public_url"] = self.public_url(enquiry.page)
        if url := self.action_url():
            new = enquiry.status == Status.NEW
            context["status_action"] = {
                "url": url,
                "status": Status.ANSWERED if new else Status.NEW,
                "label": _("Mark as answered") if new else _("Mark as new"),
            }
        return context


class EnquiryStatusView(MessageActionView):
    """Mark a message answered, or new again. POST only (a GET is 405), CSRF-checked."""

    http_method_names = ["post"]

    def post(self, request, pk):
        enquiry = self.row
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
        return self.back_to_row(enquiry.pk)


class EnquiryViewSet(MessageViewSet):
    """Citizens' messages: listed and read, marked answered; never added or edited by hand."""

    model = Enquiry
    name = "enquiries"  # /admin/enquiries/, URL names "enquiries:index", "enquiries:inspect", ...
    icon = "mail"
    menu_label = gettext_lazy("Enquiries")
    menu_order = 250
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    action_name = "status"
    action_view_class = EnquiryStatusView
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
    search_fields = ["name", "email", "message"]

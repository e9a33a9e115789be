"""Citizens' messages in the admin: each organisation reads its own and marks them answered.

Who sees what is decided here, per message, not by Django model permissions:

- an organisation's people (its account's group) see its messages, in every language, answer
  them with the reply form (emailed to the person through the outbox and kept on the message,
  which is then marked answered), and mark them answered (after a phone call, say) or new again;
- a country's facilitators see the messages of that country's organisations, to follow how
  organisations answer; central staff and superusers see every message. They read, they do not
  answer for the organisation (superusers excepted);
- anyone else sees nothing, and every address of a message outside one's reach is a 404.

The scope (directory/scoped_policy.py) is applied to the queryset of every view: the listing, the
detail, and the action (directory/message_admin.py).
"""

from django.contrib import messages
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from core.admin_views import NONE, local_time, person
from directory.enquiries import ReplyForm, reply_frame, send_reply
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
        context["replies"] = enquiry.replies.select_related("sent_by", "outbox_email")
        if url := self.action_url():  # who answers the message: reply, or mark it
            context["reply_url"] = reverse("enquiries:reply", args=[enquiry.pk])
            context["reply_form"] = reply_form(enquiry)
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


def reply_form(enquiry, data=None):
    """The reply form, its subject prefilled in the language the person wrote in."""
    subject, _context = reply_frame(enquiry)
    return ReplyForm(data, initial={"subject": subject}, auto_id="reply-%s")


class EnquiryReplyView(MessageActionView):
    """Answer a message: the reply is kept on it and emailed to the person who wrote, through
    the outbox, with Reply-To the organisation. GET: the form on a page of its own; a POST with
    mistakes: the same page, 400, nothing kept or sent."""

    def render(self, form, status=200):
        enquiry = self.row
        return TemplateResponse(
            self.request,
            "directory/admin/enquiry_reply.html",
            {
                "enquiry": enquiry,
                "form": form,
                "reply_url": reverse("enquiries:reply", args=[enquiry.pk]),
                "inspect_url": reverse(self.inspect_url_name, args=[enquiry.pk]),
            },
            status=status,
        )

    def get(self, request, pk):
        return self.render(reply_form(self.row))

    def post(self, request, pk):
        enquiry = self.row
        form = reply_form(enquiry, request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        reply = send_reply(
            enquiry,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            user=request.user,
        )
        messages.success(
            request,
            _("Your reply to %(name)s is on its way to %(email)s. The message is answered.")
            % {"name": enquiry.name, "email": enquiry.email},
        )
        return self.back_to_row(reply.enquiry_id)


class EnquiryViewSet(MessageViewSet):
    """Citizens' messages: listed and read, answered and marked answered; never added or edited
    by hand. Besides the record screens' one action (`status`: mark answered or new), a reply
    (`reply/<pk>/`), held by the same "answer" permission."""

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

    @property
    def reply_view(self):
        return EnquiryReplyView.as_view(
            model=self.model, inspect_url_name=self.get_url_name("inspect")
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reply/<int:pk>/", self.reply_view, name="reply"),
        ]

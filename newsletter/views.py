"""Staff's screen of an issue: a test to themselves, send now, schedule, and how far it is.

Only those who may publish the issue may use it (checked here, whatever the address says).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from emails.mail import queue_email
from subscriptions import links
from subscriptions.mail import unsubscribe_headers

from . import sending as sending_
from .emails import SAMPLE_TOKEN, sample_email
from .models import NewsletterIssuePage


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=gettext_lazy("Send on"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=gettext_lazy("In the portal's time zone."),
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a moment in the future."))
        return when


def issue_for(request, page_id):
    issue = get_object_or_404(NewsletterIssuePage, pk=page_id)
    if not issue.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return issue


def send_test(request, issue):
    """The latest version of the issue (a draft too), to the signed-in user, via the outbox."""
    if not request.user.email:
        messages.error(request, _("Your account has no email address to send the test to."))
        return
    draft = issue.get_latest_revision_as_object()
    email = sample_email(draft)
    queue_email(
        to=[request.user.email],
        subject=_("[Test] %(subject)s") % {"subject": email.subject},
        body=email.text,
        body_html=email.html,
        language=email.language,
        headers=unsubscribe_headers(sample_unsubscribe_url(email)),
    )
    messages.success(request, _("A test was sent to %(email)s.") % {"email": request.user.email})


def sample_unsubscribe_url(email):
    """The sample's link: one that unsubscribes nobody."""
    return links.absolute_url("subscriptions_unsubscribe", SAMPLE_TOKEN, email.language)


@require_http_methods(["GET", "POST"])
def send_view(request, page_id):
    issue = issue_for(request, page_id)
    form = ScheduleForm()
    action = request.POST.get("action")
    if request.method == "POST":
        if action == "test":
            send_test(request, issue)
            return redirect("newsletter_send", issue.pk)
        if action == "send":
            started = sending_.start(issue, request.user)
            if started is None:
                messages.error(request, _("Publish the issue before sending it."))
            elif started.status == started.Status.SENT:
                messages.info(request, _("This issue has been sent already."))
            else:
                messages.success(request, _("The issue is being sent."))
            return redirect("newsletter_send", issue.pk)
        if action == "cancel":
            if sending_.cancel_schedule(issue):
                messages.success(request, _("The issue is no longer scheduled."))
            return redirect("newsletter_send", issue.pk)
        if action == "schedule":
            form = ScheduleForm(request.POST)
            if form.is_valid():
                if sending_.schedule(issue, form.cleaned_data["when"], request.user) is None:
                    messages.error(request, _("The issue is already being sent or sent."))
                else:
                    messages.success(request, _("The issue is scheduled."))
                return redirect("newsletter_send", issue.pk)
        else:
            return TemplateResponse(
                request,
                "newsletter/admin/send.html",
                {"issue": issue, "form": form, "error": _("Choose what to do.")},
                status=400,
            )
    sending = sending_.sending_for(issue)
    return TemplateResponse(
        request,
        "newsletter/admin/send.html",
        {
            "issue": issue,
            "form": form,
            "sending": sending,
            "is_live": sending_.is_live(issue.translation_key),
            "subscribers": sending_.newsletter_subscriptions().count(),
        },
        status=400 if form.errors else 200,
    )

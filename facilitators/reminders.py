"""Reminders to organisations whose profile is incomplete: drafted, edited, sent, logged.

The draft is the staff-edited "profile_reminder" template in the organisation's own language (the
language its profile was first written in), with the list of what its profile lacks. The facilitator
may change it before sending. Each reminder goes through the outbox and is logged as a contact, in
the same transaction.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request

from directory.completeness import missing_items
from directory.emails import organisation_context
from directory.models import OrganisationPage
from emails.mail import queue_email, render_template
from emails.models import TemplateKey

from .followup import can_follow_up, organisations_for
from .models import ContactLog

#: At most this many organisations in one bulk reminder.
MAX_BULK = 100


def recipients(page):
    """Where a reminder goes: the organisation's email, else its people's own addresses."""
    if page.email:
        return [page.email]
    users = get_user_model().objects.filter(
        is_active=True, groups__organisation_account__translation_key=page.translation_key
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def draft(page):
    """(subject, body) of the reminder to `page`'s organisation, in its language."""
    context = organisation_context(page, page.contact_person or page.title)
    return render_template(TemplateKey.PROFILE_REMINDER, page.locale.language_code, context)


def reply_address(user):
    """Answers to a reminder go to the facilitator who sent it."""
    if user is None:
        return []
    facilitator = getattr(user, "facilitator", None)  # None when the user has no profile
    address = (facilitator.contact_email if facilitator else "") or user.email
    return [address] if address else []


def send_reminder(page, *, subject, body, by=None, to=None):
    """Queue a reminder to `page`'s organisation and log it as a contact, atomically."""
    to = to or recipients(page)
    if not to:
        raise ValueError(f"{page} has no email address")
    with transaction.atomic():
        email = queue_email(
            to=to,
            subject=subject,
            body=body,
            reply_to=reply_address(by),
            language=page.locale.language_code,
            template_key=TemplateKey.PROFILE_REMINDER,
            organisation=page,
        )
        ContactLog.for_email(email, page, by=by)
    return email


class ReminderForm(forms.Form):
    send = forms.BooleanField(label=gettext_lazy("Send this reminder"), required=False)
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200, required=False)
    body = forms.CharField(
        label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 16}), required=False
    )

    def __init__(self, *args, page, to, missing, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.to = to
        self.missing = missing
        language = page.locale.language_code
        self.language = language
        self.language_name = get_language_info(language)["name_local"]
        self.direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
        for name in ("subject", "body"):
            self.fields[name].widget.attrs.update(lang=language, dir=self.direction)
        if not to:
            self.fields["send"].disabled = True

    def clean(self):
        data = super().clean()
        if not data.get("send"):
            return data
        if not self.to:
            raise forms.ValidationError(
                _("This organisation has no email address. Log a call or a meeting instead.")
            )
        for name in ("subject", "body"):
            if not (data.get(name) or "").strip():
                self.add_error(name, _("This field is required."))
        return data


def _safe_next(request):
    return get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")


def _organisations(request, data):
    """The organisations asked for, as the pages they were first written in; 403 if any is not
    the user's to follow, 404 if any does not exist."""
    values = data.getlist("organisation")
    try:
        ids = {int(value) for value in values}
    except ValueError:
        raise BadRequest("An organisation is given by its number.") from None
    if len(ids) > MAX_BULK:
        raise BadRequest(f"At most {MAX_BULK} organisations at once.")
    pages = list(OrganisationPage.objects.filter(pk__in=ids).only("translation_key"))
    if len(pages) != len(ids):
        raise Http404("No such organisation")
    keys = {page.translation_key for page in pages}
    originals = list(
        organisations_for(request.user)
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("title")
    )
    if len(originals) != len(keys):
        raise PermissionDenied
    return originals


def reminder_view(request):
    """GET: the drafts for the organisations in `?organisation=`; POST: send the ones ticked."""
    if not can_follow_up(request.user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else request.GET
    pages = _organisations(request, data)
    if not pages:
        messages.error(request, _("Choose at least one organisation to remind."))
        return redirect(_safe_next(request))

    completeness = missing_items(pages)
    reminder_forms = []
    for page in pages:
        to = recipients(page)
        kwargs = {"page": page, "to": to, "missing": completeness[page.pk].missing}
        prefix = f"org-{page.pk}"
        if request.method == "POST":
            form = ReminderForm(request.POST, prefix=prefix, **kwargs)
        else:
            subject, body = draft(page)
            initial = {"send": bool(to), "subject": subject, "body": body}
            form = ReminderForm(initial=initial, prefix=prefix, **kwargs)
        reminder_forms.append(form)

    status = 200
    if request.method == "POST":
        if all(form.is_valid() for form in reminder_forms):
            chosen = [form for form in reminder_forms if form.cleaned_data.get("send")]
            if chosen:
                with transaction.atomic():
                    for form in chosen:
                        send_reminder(
                            form.page,
                            subject=form.cleaned_data["subject"],
                            body=form.cleaned_data["body"],
                            by=request.user,
                            to=form.to,
                        )
                messages.success(
                    request,
                    ngettext(
                        "A reminder is on its way to %(names)s, and is logged as a contact.",
                        "Reminders are on their way to %(count)d organisations (%(names)s), "
                        "and are logged as contacts.",
                        len(chosen),
                    )
                    % {
                        "count": len(chosen),
                        "names": ", ".join(form.page.title for form in chosen),
                    },
                )
                return redirect(_safe_next(request))
            messages.error(request, _("No reminder was ticked to be sent."))
        status = 400

    return TemplateResponse(
        request,
        "facilitators/admin/reminders.html",
        {
            "forms": reminder_forms,
            "next": _safe_next(request),
            "page_title": _("Send a reminder"),
        },
        status=status,
    )

"""A citizen writes to an organisation from its page or a service's page.

The message is stored as an Enquiry, which the organisation's people see in the admin, and
emailed to the organisation's contact address through the outbox, with Reply-To set to the
citizen: both in one transaction, so that there is never one without the other. Robots are kept
out by a hidden field and by a limit on messages per client address and per email address.

The organisation answers from the admin (`ReplyForm`, `send_reply`): the reply is kept on the
enquiry (`EnquiryReply`) and emailed to the citizen in the language they wrote in, with Reply-To
set to the organisation, again both or neither.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.ratelimit import RateLimit
from core.urls import absolute_admin_url
from directory.emails import organisation_placeholders
from directory.models import Enquiry, EnquiryReply, OrganisationPage, ServicePage
from directory.models.enquiry import MESSAGE_MAX_LENGTH, REPLY_MAX_LENGTH, REPLY_SUBJECT_MAX_LENGTH
from emails import mail

TEMPLATE_KEY = "enquiry"
REPLY_TEMPLATE_KEY = "enquiry_reply"
FORM_ID = "enquiry"  # the form's section on the page, and the prefix of its fields' ids


class EnquiryForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        error_messages={"required": _("Please write your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("The organisation will answer you at this address."),
        error_messages={
            "required": _("Please write your email address, so that they can answer you."),
            "invalid": _("Please write a valid email address, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("At most 5,000 characters."),
        error_messages={
            "required": _("Please write your message."),
            "max_length": _(
                "Your message is too long: at most %(limit_value)d characters, it has "
                "%(show_value)d."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, email address and message are sent to this organisation and "
            "stored on this portal, so that the organisation can answer me."
        ),
        error_messages={"required": _("Please tick the box to agree, or the message cannot go.")},
    )
    # Left empty by people; filled by robots that fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{FORM_ID}-%s")
        super().__init__(*args, **kwargs)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Please leave the last field empty."), code="honeypot")
        return cleaned

    @property
    def is_spam(self):
        return self.has_error(NON_FIELD_ERRORS, "honeypot")


# Who receives the message ---------------------------------------------------------------------


@dataclass
class Recipient:
    """The organisation (and service) a page's form writes to, and the address it goes to."""

    page: Page
    organisation: OrganisationPage
    service: ServicePage | None
    address: str

    @classmethod
    def for_page(cls, page, organisation=None):
        """The recipient of `page`'s form (a specific Organisation- or ServicePage), or None.

        `organisation`, when the caller has it, saves looking up a service's parent again.
        """
        if isinstance(page, OrganisationPage):
            return cls(page=page, organisation=page, service=None, address=page.email)
        if isinstance(page, ServicePage):
            if not isinstance(organisation, OrganisationPage):
                organisation = page.get_parent().specific
            address = page.contact_email or organisation.email
            return cls(page=page, organisation=organisation, service=page, address=address)
        return None

    @property
    def accepts_messages(self):
        return bool(self.address)


def recipient_for(page_id):
    """The recipient of a live page's form; None if there is no such page or it has no address."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    recipient = page and Recipient.for_page(page)
    if recipient is None or not recipient.accepts_messages:
        return None
    return recipient


# Rate limits ----------------------------------------------------------------------------------


def rate_limit(request, email=""):
    """At most PORTAL_ENQUIRY_RATE_LIMIT messages per PORTAL_ENQUIRY_RATE_WINDOW seconds, per
    client address and per email address, counted in the shared cache. Only messages sent count:
    a form returned with mistakes does not."""
    return RateLimit(
        "enquiry",
        request,
        email,
        limit=settings.PORTAL_ENQUIRY_RATE_LIMIT,
        window=settings.PORTAL_ENQUIRY_RATE_WINDOW,
    )


# Receiving a message --------------------------------------------------------------------------


def admin_link(enquiry):
    return absolute_admin_url(reverse("enquiries:inspect", args=[enquiry.pk]))


def original_page(organisation):
    """The organisation's first page, in the language it works in (as for its welcome email).
    `organisation`: a page, or its translation key."""
    first = OrganisationPage.objects.select_related("locale").first_version(organisation)
    return first or (organisation if isinstance(organisation, OrganisationPage) else None)


@transaction.atomic
def receive_enquiry(recipient, data, *, page_url, language=None):
    """Store the message and queue its email to the organisation: both, or neither.

    `language` is the citizen's (the reply to them is written in it): the language they read the
    page in, which is not the page's own when it is shown at their language's address.

    The email is written in the organisation's own language, whichever translation of its pages
    the citizen wrote from; the page it links to is the one the citizen used.
    """
    organisation = recipient.organisation
    original = original_page(organisation)
    now = timezone.now()
    enquiry = Enquiry.objects.create(
        organisation=organisation,
        organisation_key=organisation.translation_key,
        service=recipient.service,
        name=data["name"],
        email=data["email"],
        message=data["message"],
        consent_at=now,
        created_at=now,
        language=language or recipient.page.locale.language_code,
    )
    enquiry.outbox_email = mail.send_templated_email(
        TEMPLATE_KEY,
        to=[recipient.address],
        reply_to=[enquiry.email],
        language=original.locale.language_code,
        context={
            **organisation_placeholders(original),
            "citizen_name": enquiry.name,
            "citizen_email": enquiry.email,
            "enquiry_message": enquiry.message,
            "page_link": page_url,
            "enquiry_link": admin_link(enquiry),
        },
        organisation=original,
    )
    enquiry.save(update_fields=["outbox_email"])
    return enquiry


# Answering a message --------------------------------------------------------------------------


class ReplyForm(forms.Form):
    """The organisation's answer to a citizen, written in the admin."""

    subject = forms.CharField(
        label=_("Subject"),
        max_length=REPLY_SUBJECT_MAX_LENGTH,
        error_messages={
            "required": _("Please write a subject."),
            "max_length": _(
                "The subject is too long: at most %(limit_value)d characters, it has "
                "%(show_value)d."
            ),
        },
    )
    body = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_MAX_LENGTH,
        help_text=_(
            "Sent by email to the person who wrote, with their message below it. Their answer "
            "comes back to your organisation's email address. At most 10,000 characters."
        ),
        error_messages={
            "required": _("Please write your reply."),
            "max_length": _(
                "Your reply is too long: at most %(limit_value)d characters, it has %(show_value)d."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())


def reply_frame(enquiry):
    """(subject, context) of the reply email around the organisation's text, in the citizen's
    language: the subject the form starts from, and the placeholders of the email's body."""
    organisation = enquiry.organisation or original_page(enquiry.organisation_key)
    context = {
        "organisation_name": organisation.title if organisation else "",
        "citizen_name": enquiry.name,
        "citizen_email": enquiry.email,
        "enquiry_message": enquiry.message,
    }
    subject, _body = mail.render_template(REPLY_TEMPLATE_KEY, enquiry.language, context)
    return subject, context


def reply_address(enquiry):
    """Where the citizen's answer to a reply goes: the address their message was sent to."""
    recipient = enquiry.page and Recipient.for_page(enquiry.page, enquiry.organisation)
    if recipient and recipient.address:
        return recipient.address
    original = original_page(enquiry.organisation_key)
    return original.email if original else ""


@transaction.atomic
def send_reply(enquiry, *, subject, body, user):
    """Keep the reply and queue its email to the citizen: both, or neither. The enquiry is
    marked answered (by the first reply's author and time, if it was new)."""
    _subject, context = reply_frame(enquiry)
    _subject, text = mail.render_template(
        REPLY_TEMPLATE_KEY, enquiry.language, {**context, "reply_message": body}
    )
    now = timezone.now()
    reply = EnquiryReply.objects.create(
        enquiry=enquiry, subject=subject, body=body, sent_at=now, sent_by=user
    )
    reply_to = reply_address(enquiry) or user.email
    reply.outbox_email = mail.queue_email(
        to=[enquiry.email],
        subject=subject,
        body=text,
        reply_to=[reply_to] if reply_to else [],
        language=enquiry.language,
        template_key=REPLY_TEMPLATE_KEY,
        organisation=original_page(enquiry.organisation_key),
    )
    reply.save(update_fields=["outbox_email"])
    Enquiry.objects.filter(pk=enquiry.pk, status=Enquiry.Status.NEW).update(
        status=Enquiry.Status.ANSWERED, answered_at=now, answered_by=user
    )
    return reply

"""The emails the portal sent a few Italian demo organisations, so that their file in the admin
(facilitators/organisation_file.py) shows a history like a real one: the welcome email, delivered,
and a reminder from the country's facilitator, one of which bounced.

Nothing is sent: the rows are written as already delivered (or bounced). Each is logged as a
contact, as the portal logs its real emails, dated before the contacts already in the log, so that
the follow-up panel's "last contact" stays as the demo planned it.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model

from directory.emails import organisation_context
from directory.models import OrganisationAccount, OrganisationPage
from emails.mail import render_template
from emails.models import OutboxEmail, TemplateKey
from facilitators.models import ContactChannel, ContactLog

#: How many Italian organisations get a history of emails, and how each reminder fared.
REMINDER_STATUSES = [OutboxEmail.Status.DELIVERED, OutboxEmail.Status.BOUNCED]


def _write(page, key, moment, status, by=None):
    language = page.locale.language_code
    subject, body = render_template(
        key, language, organisation_context(page, page.contact_person or page.title)
    )
    email = OutboxEmail.objects.create(
        to=[page.email or "info@organisation.example.org"],
        from_email=settings.DEFAULT_FROM_EMAIL,
        subject=" ".join(subject.split()),
        body_text=body,
        language=language,
        template_key=key,
        organisation=page,
        status=status,
        attempts=1,
        sent_at=moment,
        provider_status=status,
        provider_event_at=moment + datetime.timedelta(minutes=2),
        last_error="550 5.1.1 Mailbox unavailable" if status == OutboxEmail.Status.BOUNCED else "",
    )
    OutboxEmail.objects.filter(pk=email.pk).update(created_at=moment)  # created_at is automatic
    ContactLog.objects.create(
        organisation_key=page.translation_key,
        organisation=page,
        contacted_at=moment,
        channel=ContactChannel.EMAIL,
        note=email.subject,
        email=email,
        by=by,
    )


def ensure_demo_emails():
    """Write the demo organisations' emails once (skipped for an organisation that has any).
    Returns how many emails were written."""
    facilitator = get_user_model().objects.filter(username="facilitator-it").first()
    pages = (
        OrganisationPage.objects.first_versions()
        .filter(locale__language_code="it")
        .select_related("locale")
        .order_by("pk")
    )
    written = 0
    chosen = 0
    for page in pages:
        if chosen == len(REMINDER_STATUSES):
            break
        first = ContactLog.objects.filter(organisation_key=page.translation_key)
        first = first.order_by("contacted_at").first()
        if first is None:  # never contacted: it stays so
            continue
        status = REMINDER_STATUSES[chosen]
        chosen += 1
        if OutboxEmail.objects.filter(organisation__in=page.get_translations(inclusive=True)):
            continue  # written by an earlier run
        welcomed = first.contacted_at - datetime.timedelta(days=45)
        # Registered the day before its address was confirmed and it was welcomed.
        OrganisationAccount.objects.filter(translation_key=page.translation_key).update(
            created_at=welcomed - datetime.timedelta(days=1)
        )
        _write(page, TemplateKey.WELCOME, welcomed, OutboxEmail.Status.DELIVERED)
        _write(page, TemplateKey.PROFILE_REMINDER,
               first.contacted_at - datetime.timedelta(days=15), status, by=facilitator)  # fmt: skip
        written += 2
    return written

from django import template
from django.urls import reverse

from directory.enquiries import FORM_ID, EnquiryForm, Recipient

register = template.Library()


@register.simple_tag(takes_context=True)
def enquiry_form(context, page):
    """The message form of an organisation's or a service's page; None where it has no address.

    The form is the one the view put in the context (filled, with its messages), else an empty one.
    `organisation` is the one written to, named as the visitor reads it: on a service's page, as
    its "Offered by" names it (its translation into their language where one is published, the
    service being perhaps another language's); on its own page, as its heading does.
    """
    if not getattr(page, "pk", None):  # the preview of a page not saved yet
        return None
    recipient = Recipient.for_page(page, organisation=context.get("organisation"))
    if recipient is None or not recipient.accepts_messages:
        return None
    return {
        "form": context.get("enquiry_form") or EnquiryForm(),
        "action": f"{reverse('enquiry', args=[page.pk])}#{FORM_ID}",
        "recipient": recipient,
        "organisation": context.get("offered_by") or recipient.organisation,
        "id": FORM_ID,
    }

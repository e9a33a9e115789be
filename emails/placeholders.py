"""The placeholders staff may write in email templates, and a substitution that never raises.

Templates are written by staff in the admin, so their text is not trusted to be valid Python
format syntax: `{organisation_name}` is replaced when its value is known, and anything else in
braces (an unknown name, a stray `{`, JSON pasted into a body) is left exactly as written.
"""

import re

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = {
    "organisation_name": _("the organisation's name"),
    "contact_name": _("the contact person's name"),
    "organisation_count": _("how many organisations are registered on the portal today"),
    "portfolio_link": _("admin link to add a portfolio project"),
    "services_link": _("admin link to add a service or opportunity"),
    "collaboration_link": _(
        "admin link to the organisation's home: calls that seek its expertise, and its own calls"
    ),
    "missing_items": _("the list of what is still missing from the profile, one item a line"),
    "verification_link": _("the link that confirms the email address"),
    "site_name": _("the portal's name"),
    "citizen_name": _("the name of the person who wrote to the organisation"),
    "citizen_email": _("the email address of the person who wrote to the organisation"),
    "enquiry_message": _("the message the person wrote"),
    "page_link": _("the public page the message was sent from"),
    "enquiry_link": _("admin link to the message, where it is marked as answered"),
    "call_title": _("the title of the call for collaboration"),
    "call_link": _("the public page of the call for collaboration"),
    "interested_organisation": _("the name of the organisation interested in the call"),
    "interested_organisation_link": _("the public profile of the interested organisation"),
    "interest_message": _("the message the interested organisation wrote"),
    "interest_link": _("admin link to the expression of interest, where the response is marked"),
    "facilitator_name": _("the facilitator's name (emails to facilitators)"),
    "country_name": _("the organisation's country"),
    "organisation_link": _("admin link to the organisation's file (emails to facilitators)"),
    "page_title": _("the title of the page submitted, approved or sent back for changes"),
    "page_edit_link": _("admin link to the page submitted, approved or sent back for changes"),
    "comment": _(
        "the facilitator's comment on the approval or the changes requested, with their name; "
        "empty when there is none"
    ),
    "dashboard_link": _("admin link to the recipient's home in the admin"),
    "week": _("the week the digest covers"),
    "digest": _(
        "the digest: new registrations, confirmed addresses, pages waiting for approval, "
        "organisations to contact and follow-ups due"
    ),
}

PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


def format_value(value):
    """Lists become a bulleted list, one item a line; everything else its text."""
    if isinstance(value, list | tuple | set | frozenset):
        return "\n".join(f"- {item}" for item in value)
    return str(value)


def fill_placeholders(text, values):
    """Replace each `{name}` whose value is in `values` (a mapping; callables are called once)."""
    resolved = {}

    def replace(match):
        name = match.group(1)
        if name not in values:
            return match.group(0)
        if name not in resolved:
            value = values[name]
            resolved[name] = format_value(value() if callable(value) else value)
        return resolved[name]

    return PLACEHOLDER_RE.sub(replace, text)


def unknown_placeholders(text):
    """Names written in braces that are not placeholders, e.g. a typo like `{organization_name}`."""
    return sorted({name for name in PLACEHOLDER_RE.findall(text) if name not in PLACEHOLDERS})


PLACEHOLDERS_HELP_TEXT = format_lazy(
    "{} {}",
    _("Placeholders, replaced when the email is sent:"),
    ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
)

"""The placeholders staff may write in email templates, and a substitution that never raises.

Templates are written by staff in the admin, so their text is not trusted to be valid Python
format syntax: `{organisation_name}` is replaced when its value is known, and anything else in
braces (an unknown name, a stray `{`, JSON pasted into a body) is left exactly as written.
"""

import re

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.text import format_lazy
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.urls import absolute_admin_url

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
    "reply_message": _("the reply the organisation wrote to the person"),
    "call_organisation": _("the name of the organisation that posted the call"),
    "response_status": _('the response to the expression of interest, e.g. "In touch"'),
    "response_note": _("the note written with the response (may be empty)"),
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
    "recipient_name": _("the name of the person the email is written to"),
    "submitter_name": _("the name of the person who submitted the page for approval"),
    "signin_link": _("the admin's sign-in page"),
    "password_reset_link": _("the page where one asks for a new password"),
    "week": _("the week the digest covers"),
    "check_list": _(
        "the organisation's profile and services, each with its links: still accurate, needs "
        "changes, no longer offered"
    ),
    "check_until": _("the last day the links of the yearly check work"),
    "confirm_link": _("the link that confirms a subscription"),
    "subscription_choices": _("what the subscriber asked to receive, one item a line"),
    "link_days": _("how many days the link works"),
    "search_words": _("the saved search: its words and filters"),
    "search_results": _(
        "the new results (at most 10), each with its organisation, place and link, one a line"
    ),
    "search_link": _("the link to the saved search on the portal, with all its results"),
    "news_list": _("the news published since the last digest, each with its summary and link"),
    "news_link": _("the link to the portal's news"),
    "mentoring_link": _("the link to the recipient's own mentoring page"),
    "mentee_name": _("the mentee's first name"),
    "mentee_message": _("the mentee's message to the mentor"),
    "mentor_name": _("the mentor's name"),
    "mentor_email": _("the mentor's email address"),
    "mentee_email": _("the mentee's email address"),
    "mentors_asked": _("the mentors the mentee asked, one a line"),
    "proposal_list": _(
        "up to three mentors proposed now to the mentee, one a line (or a sentence saying that "
        "none is, for now)"
    ),
    "decline_reason": _("why the mentor declined, as they wrote it"),
    "request_days": _("how many days a mentor has to answer a request"),
    "network_name": _("the name of the network"),
    "network_link": _("the public page of the network"),
    "member_name": _("the name of the organisation that joins, or asks to join, the network"),
    "member_link": _("the public page of the organisation that asks to join the network"),
    "membership_role": _('the role in the network, e.g. "Member"'),
    "ended_by_name": _("the name of the network or organisation that ended the membership"),
    "membership_answer": _('the answer to the invitation or request: "accepted" or "declined"'),
    "memberships_link": _(
        "admin link to the screen of the recipient's memberships, where they answer or end them"
    ),
    "rejection_reason": _("why the mentor's profile was not approved, as the facilitator wrote it"),
    "days_waiting": _("how many days the request has waited for the mentor's answer"),
    "days_without_session": _("how many days since the last meeting logged (or the start)"),
    "mentorship_days": _("how many days ago the mentorship started"),
    "ended_reason": _(
        "why the mentee ended the mentorship, as they wrote it (or a sentence saying that they "
        "completed it, or deleted their data)"
    ),
    "mentor_list": _("the mentors waiting for approval, each with their country, one a line"),
    "mentors_link": _("admin link to the mentors waiting for approval"),
    "request_list": _(
        "the requests waiting for an answer, each with its mentor, mentee and days, one a line"
    ),
    "requests_link": _("admin link to the mentoring requests waiting for an answer"),
    "digest": _(
        "the digest: new registrations, confirmed addresses, pages waiting for approval, "
        "organisations to contact and follow-ups due"
    ),
}

#: What the senders of each email pass it: the organisation's details for every email about it.
ORGANISATION = {
    "organisation_name",
    "contact_name",
    "services_link",
    "portfolio_link",
    "collaboration_link",
}

#: The placeholders each email can fill, by `TemplateKey` value: what its senders pass (see
#: `send_templated_email` and `render_template` callers). Every email can also use the values
#: of `global_values()`: `{site_name}`, and those other apps add (`{organisation_count}`).
TEMPLATE_PLACEHOLDERS = {
    "welcome": ORGANISATION | {"missing_items"},
    "welcome_country_missing": ORGANISATION | {"missing_items"},
    "profile_reminder": ORGANISATION | {"missing_items"},
    "email_verification": ORGANISATION | {"missing_items", "verification_link"},
    "enquiry": ORGANISATION
    | {"citizen_name", "citizen_email", "enquiry_message", "page_link", "enquiry_link"},
    "collaboration_interest": ORGANISATION
    | {
        "call_title",
        "call_link",
        "interested_organisation",
        "interested_organisation_link",
        "interest_message",
        "interest_link",
    },
    "enquiry_reply": {
        "organisation_name",
        "reply_message",
        "enquiry_message",
        "citizen_name",
        "citizen_email",
    },
    "collaboration_response": {
        "contact_name",
        "organisation_name",
        "call_organisation",
        "call_title",
        "call_link",
        "response_status",
        "response_note",
        "interest_message",
        "interest_link",
    },
    # To facilitators: about one organisation of their country, or the week's digest.
    "facilitator_registration": {
        "facilitator_name",
        "country_name",
        "organisation_name",
        "contact_name",
        "organisation_link",
    },
    "facilitator_email_confirmed": {
        "facilitator_name",
        "organisation_name",
        "country_name",
        "organisation_link",
    },
    "facilitator_submission": {
        "facilitator_name",
        "organisation_name",
        "country_name",
        "page_title",
        "page_edit_link",
        "organisation_link",
    },
    "facilitator_digest": {"facilitator_name", "week", "digest", "dashboard_link"},
    # To an organisation's members: the approval workflow and verification.
    "page_approved": {"contact_name", "page_title", "comment", "page_edit_link"},
    "page_rejected": {"contact_name", "page_title", "comment", "page_edit_link"},
    "verified": {"contact_name", "organisation_name", "dashboard_link"},
    "verification_revoked": {"contact_name", "organisation_name"},
    # The site's own pages (outside the directory), under a group approval task: to the task's
    # groups, and to whoever submitted the page.
    "moderation_submission": {"recipient_name", "submitter_name", "page_title", "page_edit_link"},
    "moderation_approved": {"recipient_name", "page_title", "comment", "page_edit_link"},
    "moderation_rejected": {"recipient_name", "page_title", "comment", "page_edit_link"},
    # To whoever has an account, when the registration form is filled in with its address.
    "registration_existing_account": {"recipient_name", "signin_link", "password_reset_link"},
    # The yearly check of an organisation's profile and services (freshness app).
    "yearly_check": ORGANISATION | {"check_list", "check_until"},
    # Double opt-in of the email subscriptions (subscriptions app).
    "subscription_confirm": {"confirm_link", "subscription_choices", "link_days"},
    # To subscribers: the new results of a saved search; the news digest.
    "search_alert": {"search_words", "search_results", "search_link"},
    "news_digest": {"news_list", "news_link"},
    # Mentoring (mentoring app): to mentees and mentors, each with the link to their own page.
    "mentoring_mentee_link": {"recipient_name", "mentoring_link"},
    "mentoring_mentor_link": {"recipient_name", "mentoring_link"},
    "mentoring_request": {"recipient_name", "mentee_name", "mentee_message", "mentoring_link"},
    "mentoring_accepted": {"recipient_name", "mentor_name", "mentor_email", "mentoring_link"},
    "mentoring_superseded": {"recipient_name", "mentee_name", "mentoring_link"},
    "mentoring_accepted_mentor": {
        "recipient_name",
        "mentee_name",
        "mentee_email",
        "mentoring_link",
    },
    "mentoring_requests_sent": {"recipient_name", "mentors_asked", "mentoring_link"},
    "mentoring_declined": {
        "recipient_name",
        "mentor_name",
        "decline_reason",
        "proposal_list",
        "mentoring_link",
    },
    "mentoring_expired": {
        "recipient_name",
        "mentor_name",
        "request_days",
        "proposal_list",
        "mentoring_link",
    },
    "mentoring_expired_mentor": {
        "recipient_name",
        "mentee_name",
        "request_days",
        "mentoring_link",
    },
    # Memberships of networks (networks app): to the invited organisation's users, to the
    # network's users, to who proposed the membership, and to the users of the side that did
    # not end it.
    "network_invitation": ORGANISATION
    | {"network_name", "network_link", "membership_role", "memberships_link"},
    "network_request": ORGANISATION
    | {"network_name", "member_name", "member_link", "membership_role", "memberships_link"},
    "network_ended": ORGANISATION
    | {"network_name", "member_name", "membership_role", "ended_by_name", "memberships_link"},
    "network_answer": {
        "contact_name",
        "network_name",
        "member_name",
        "membership_role",
        "membership_answer",
        "memberships_link",
    },
    "mentoring_mentor_approved": {"recipient_name", "mentoring_link"},
    "mentoring_mentor_rejected": {"recipient_name", "rejection_reason", "mentoring_link"},
    # Mentoring's reminders and digests (mentoring/reminders.py).
    "mentoring_request_reminder": {
        "recipient_name",
        "mentee_name",
        "days_waiting",
        "request_days",
        "mentoring_link",
    },
    "mentoring_session_reminder": {
        "recipient_name",
        "mentee_name",
        "days_without_session",
        "mentoring_link",
    },
    "mentoring_checkin": {"recipient_name", "mentee_name", "mentorship_days", "mentoring_link"},
    "mentoring_ended_mentee": {"recipient_name", "mentor_name", "mentoring_link"},
    "mentoring_ended_mentor": {"recipient_name", "mentee_name", "ended_reason", "mentoring_link"},
    "mentoring_approvals_digest": {"facilitator_name", "mentor_list", "mentors_link"},
    "mentoring_requests_digest": {"facilitator_name", "request_list", "requests_link"},
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


def global_values():
    """Values every email may use: the site's name, and what other apps add through the
    `register_email_placeholders` hook (a function returning a dict; a value may be a function,
    called only when a template uses it)."""
    values = {"site_name": settings.WAGTAIL_SITE_NAME}
    for placeholders in hooks.get_hooks("register_email_placeholders"):
        values.update(placeholders())
    return values


def allowed_placeholders(key):
    """The placeholders email `key` can fill, in the order of `PLACEHOLDERS`.

    An email not (yet) in `TEMPLATE_PLACEHOLDERS` may use any placeholder, as before.
    """
    names = TEMPLATE_PLACEHOLDERS.get(key)
    if names is None:
        return list(PLACEHOLDERS)
    names = names | set(global_values())
    return [name for name in PLACEHOLDERS if name in names] + sorted(names - set(PLACEHOLDERS))


def unknown_placeholders(text, key=None):
    """Names written in braces that email `key` (any email, without one) cannot fill: a typo
    like `{organization_name}`, or `{verification_link}` in an email that has no such link."""
    known = set(allowed_placeholders(key)) if key else set(PLACEHOLDERS)
    return sorted({name for name in PLACEHOLDER_RE.findall(text) if name not in known})


def braced(names):
    return ", ".join(f"{{{name}}}" for name in names)


def placeholders_help_text(key=None):
    """The help text of the subject and body: the placeholders this email can use."""
    if not key:
        return format_lazy(
            "{} {}",
            _("Placeholders, replaced when the email is sent:"),
            braced(PLACEHOLDERS),
        )
    return format_lazy(
        "{} {}",
        _("Placeholders this email can use, replaced when it is sent:"),
        braced(allowed_placeholders(key)),
    )


PLACEHOLDERS_HELP_TEXT = placeholders_help_text()


# Sample values: the preview and the test send ----------------------------------------------


def _admin_link(name, *args):
    try:
        return absolute_admin_url(reverse(name, args=args))
    except NoReverseMatch:  # an address another app has not registered (in some tests)
        return absolute_admin_url("/admin/")


def _site_link(path):
    """An address of the public site, in the active language."""
    return absolute_admin_url(f"/{get_language()}{path}")


def _verification_link():
    try:
        return absolute_admin_url(reverse("register_verify", args=["sample-link"]))
    except NoReverseMatch:
        return _site_link("/register/verify/sample-link/")


def sample_values():
    """Realistic values for every placeholder, in the active language, to show staff an email
    as it will arrive. A placeholder without a sample shows its description in brackets."""
    samples = {
        "organisation_name": "Cooperativa Sole",
        "contact_name": "Maria Rossi",
        "organisation_count": 128,
        "portfolio_link": _admin_link(
            "wagtailadmin_pages:add", "directory", "portfolioprojectpage", 1
        ),
        "services_link": _admin_link("wagtailadmin_pages:add", "directory", "servicepage", 1),
        "collaboration_link": _admin_link("wagtailadmin_home"),
        "missing_items": [_("a logo"), _("at least one portfolio project")],
        "check_list": "Cooperativa Sole\n  https://example.org/en/check/…/\n\n"
        "Job club\n  https://example.org/en/check/…/",
        "check_until": "31/12/2026",
        "verification_link": _verification_link(),
        "citizen_name": "Giorgos Papadopoulos",
        "citizen_email": "giorgos.papadopoulos@example.org",
        "enquiry_message": _(
            "Hello, is your evening Italian course still open? I work during the day."
        ),
        "page_link": _site_link("/organisations/italy/cooperativa-sole/"),
        "enquiry_link": _admin_link("wagtailadmin_home"),
        "call_title": _("Partners for a community kitchen"),
        "call_link": _site_link("/collaboration/partners-for-a-community-kitchen/"),
        "interested_organisation": "Social Kitchen Athens",
        "interested_organisation_link": _site_link("/organisations/greece/social-kitchen-athens/"),
        "interest_message": _(
            "We run a similar kitchen in Athens and would be glad to share what we learnt."
        ),
        "interest_link": _admin_link("wagtailadmin_home"),
        "reply_message": _(
            "Yes, the evening course is still open: it starts on Monday at 18:30. "
            "You can come to our office any morning to enrol."
        ),
        "call_organisation": "Cooperativa Sole",
        "response_status": _("In touch"),
        "response_note": _("We will call you next week to plan a first meeting."),
        "facilitator_name": "Marco Bianchi",
        "country_name": _("Italy"),
        "organisation_link": _admin_link("wagtailadmin_home"),
        "page_title": "Cooperativa Sole",
        "page_edit_link": _admin_link("wagtailadmin_pages:edit", 1),
        "comment": _("Comment from Marco Bianchi:\n\nPlease add your opening hours."),
        "dashboard_link": _admin_link("wagtailadmin_home"),
        "recipient_name": "Sara Conti",
        "submitter_name": "Luca Greco",
        "signin_link": _admin_link("wagtailadmin_login"),
        "password_reset_link": _admin_link("wagtailadmin_password_reset"),
        "week": _("week %(week)s of %(year)s") % {"week": 49, "year": 2026},
        "digest": _("New registrations (1)\n- Cooperativa Sole, Palermo"),
        "confirm_link": _site_link("/subscriptions/confirm/sample-link/"),
        "subscription_choices": [_("News: Italy, Greece"), _("Best-practice newsletter")],
        "link_days": 7,
        "search_words": _("job club · Italy"),
        "search_results": [
            "Job club — Cooperativa Sole, Palermo\n  "
            + _site_link("/organisations/italy/cooperativa-sole/job-club/"),
        ],
        "search_link": _site_link("/search/?q=job+club&country=it"),
        "news_list": [
            _("Portal open in four languages")
            + "\n  "
            + _("The portal now speaks English, Italian, Greek and Arabic.")
            + "\n  "
            + _site_link("/news/portal-open-in-four-languages/"),
        ],
        "news_link": _site_link("/news/"),
        "mentoring_link": _site_link("/mentoring/me/sample-link/"),
        "mentee_name": "Amal",
        "mentee_message": _("I would like to work in web design and do not know where to start."),
        "mentor_name": "Giulia Russo",
        "mentor_email": "giulia.russo@example.org",
        "mentee_email": "amal@example.org",
        "mentors_asked": ["Giulia Russo", "Marco Bianchi"],
        "proposal_list": ["Marco Bianchi", "Eleni Papadopoulou"],
        "decline_reason": _("I am away until March; please ask me again then."),
        "request_days": 14,
        "network_name": "Rete Sicilia Lavoro",
        "network_link": _site_link("/organisations/italy/rete-sicilia-lavoro/"),
        "member_name": "Cooperativa Sole",
        "member_link": _site_link("/organisations/italy/cooperativa-sole/"),
        "membership_role": _("Member"),
        "ended_by_name": "Rete Sicilia Lavoro",
        "membership_answer": pgettext("membership answer", "accepted"),
        "memberships_link": _admin_link("wagtailadmin_home"),
        "rejection_reason": _("Please describe your professional experience in more detail."),
        "days_waiting": 7,
        "days_without_session": 14,
        "mentorship_days": 90,
        "ended_reason": _("I found a job, thank you for everything!"),
        "mentor_list": ["Giulia Russo (" + _("Italy") + ")"],
        "mentors_link": _admin_link("wagtailadmin_home"),
        "request_list": [
            _(
                "%(mentee)s (%(mentee_country)s) → %(mentor)s (%(mentor_country)s), "
                "waiting for %(days)s days"
            )
            % {
                "mentee": "Amal",
                "mentee_country": _("Greece"),
                "mentor": "Giulia Russo",
                "mentor_country": _("Italy"),
                "days": 9,
            }
        ],
        "requests_link": _admin_link("wagtailadmin_home"),
    }
    values = {name: f"[{description}]" for name, description in PLACEHOLDERS.items()}
    values.update(samples)
    values.update(global_values())
    return values


def render_sample(key, subject, body):
    """(subject, body) filled as email `key` would be, with sample values, in the active
    language. Placeholders the email cannot fill stay as written, as they would be sent."""
    allowed = set(allowed_placeholders(key))
    values = {name: value for name, value in sample_values().items() if name in allowed}
    return fill_placeholders(subject, values), fill_placeholders(body, values)

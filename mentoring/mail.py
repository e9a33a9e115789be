"""The emails of mentoring, each a staff-editable template (emails app) sent through the
outbox in its recipient's language, with the link to their own page. Contact details travel
only once a request is accepted."""

from django.utils import translation
from django.utils.translation import gettext as _

from emails.mail import send_templated_email

from . import links
from .models import Approval
from .proposals import proposals

#: At most this many fresh proposals are named in an email closing a request.
EMAIL_PROPOSALS = 3


def _proposal_list(mentee):
    """The names of the mentors proposed now to `mentee` (their page has the rest), or a
    sentence in their language saying that none is, for now."""
    names = [mentor.name for mentor in proposals(mentee, limit=EMAIL_PROPOSALS)]
    if names:
        return names
    with translation.override(mentee.language):
        return _(
            "No other mentor matches what you look for at the moment. New mentors join often: "
            "your page shows them as soon as a facilitator approves them."
        )


def about(mentee):
    """The outbox's mark on every email carrying the mentee's data, to them or to a mentor:
    deleting the mentee deletes those emails too (`emails.mail.forget_about`)."""
    return f"mentee:{mentee.key}"


def _to_mentee(key, mentee, reply_to=None, **context):
    return send_templated_email(
        key,
        to=[mentee.email],
        language=mentee.language,
        context={
            "recipient_name": mentee.first_name,
            "mentoring_link": links.mentee_url(mentee),
            **context,
        },
        reply_to=reply_to,
        about=about(mentee),
    )


def _to_mentor(key, mentor, mentee=None, **context):
    """To the mentor; `mentee`: the mentee whose first name (or more) the email carries."""
    if mentee is not None:
        context.setdefault("mentee_name", mentee.first_name)
    return send_templated_email(
        key,
        to=[mentor.email],
        language=mentor.language,
        context={
            "recipient_name": mentor.name,
            "mentoring_link": links.mentor_url(mentor),
            **context,
        },
        about=about(mentee) if mentee is not None else "",
    )


def send_mentee_link(mentee):
    """The link to the mentee's page: their proposals, requests and mentor."""
    return _to_mentee("mentoring_mentee_link", mentee)


def send_mentor_link(mentor):
    """The link to the mentor's page: their approval, requests and mentorships."""
    return _to_mentor("mentoring_mentor_link", mentor)


def send_new_request(mentoring_request):
    """To the mentor: a mentee asks them (first name and message; no address yet)."""
    return _to_mentor(
        "mentoring_request",
        mentoring_request.mentor,
        mentee=mentoring_request.mentee,
        mentee_message=mentoring_request.message,
    )


def send_requests_sent(mentee, sent_requests):
    """To the mentee: one email naming the mentors they have just asked."""
    return _to_mentee(
        "mentoring_requests_sent",
        mentee,
        mentors_asked=[sent.mentor.name for sent in sent_requests],
    )


def send_accepted(mentorship):
    """To both: the mentee gets the mentor's address, the mentor the mentee's."""
    mentor, mentee = mentorship.mentor, mentorship.mentee
    _to_mentor(
        "mentoring_accepted_mentor",
        mentor,
        mentee=mentee,
        mentee_email=mentee.email,
    )
    return _to_mentee(
        "mentoring_accepted",
        mentee,
        reply_to=[mentor.email],
        mentor_name=mentor.name,
        mentor_email=mentor.email,
    )


def send_superseded(mentoring_request):
    """To a mentor whose request closed because another mentor accepted first."""
    return _to_mentor(
        "mentoring_superseded",
        mentoring_request.mentor,
        mentee=mentoring_request.mentee,
    )


def send_declined(mentoring_request):
    """To the mentee: the mentor declined, with their reason and up to three mentors proposed
    now (the page has them all)."""
    return _to_mentee(
        "mentoring_declined",
        mentoring_request.mentee,
        mentor_name=mentoring_request.mentor.name,
        decline_reason=mentoring_request.reason,
        proposal_list=_proposal_list(mentoring_request.mentee),
    )


def send_expired(mentoring_request, request_days):
    """To both: the request was not answered in time; the mentee gets up to three mentors
    proposed now."""
    mentor, mentee = mentoring_request.mentor, mentoring_request.mentee
    _to_mentee(
        "mentoring_expired",
        mentee,
        mentor_name=mentor.name,
        request_days=request_days,
        proposal_list=_proposal_list(mentee),
    )
    _to_mentor("mentoring_expired_mentor", mentor, mentee=mentee, request_days=request_days)


def send_approval(mentor):
    """To the mentor: a facilitator approved their profile, or did not (with why)."""
    if mentor.approval == Approval.APPROVED:
        return _to_mentor("mentoring_mentor_approved", mentor)
    return _to_mentor("mentoring_mentor_rejected", mentor, rejection_reason=mentor.approval_reason)


def send_request_reminder(mentoring_request, days_waiting, request_days):
    """To the mentor: a request has waited `days_waiting` days; it closes after `request_days`."""
    return _to_mentor(
        "mentoring_request_reminder",
        mentoring_request.mentor,
        mentee=mentoring_request.mentee,
        days_waiting=days_waiting,
        request_days=request_days,
    )


def send_session_reminder(mentorship, days_without_session):
    """To the mentor: no meeting logged with their mentee for `days_without_session` days."""
    return _to_mentor(
        "mentoring_session_reminder",
        mentorship.mentor,
        mentee=mentorship.mentee,
        days_without_session=days_without_session,
    )


def send_checkin(mentorship, mentorship_days):
    """To the mentor: the mentorship is `mentorship_days` old; a moment to look back."""
    return _to_mentor(
        "mentoring_checkin",
        mentorship.mentor,
        mentee=mentorship.mentee,
        mentorship_days=mentorship_days,
    )


def send_ended_to_mentee(mentorship):
    """To the mentee: their mentorship ended; their page lets them ask another mentor."""
    return _to_mentee(
        "mentoring_ended_mentee", mentorship.mentee, mentor_name=mentorship.mentor.name
    )


def send_ended_to_mentor(mentorship, deleted=False):
    """To the mentor: the mentee ended their mentorship (with their reason, if any), or deleted
    their data (`deleted`). The second email outlives the mentee: it carries only their first
    name and is not marked about them, so the caller queues it after forgetting theirs."""
    mentor, mentee = mentorship.mentor, mentorship.mentee
    with translation.override(mentor.language):
        if deleted:
            reason = _("They deleted their data from the portal.")
        else:
            reason = mentorship.end_reason or _("They marked the mentorship as completed.")
    if deleted:
        return _to_mentor(
            "mentoring_ended_mentor", mentor, mentee_name=mentee.first_name, ended_reason=reason
        )
    return _to_mentor("mentoring_ended_mentor", mentor, mentee=mentee, ended_reason=reason)

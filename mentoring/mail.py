"""The emails of mentoring, each a staff-editable template (emails app) sent through the
outbox in its recipient's language. Contact details travel only once a request is accepted."""

from emails.mail import send_templated_email

from . import links


def send_mentee_link(mentee):
    """The link to the mentee's page: their proposals, requests and mentor."""
    return send_templated_email(
        "mentoring_mentee_link",
        to=[mentee.email],
        language=mentee.language,
        context={"recipient_name": mentee.first_name, "mentoring_link": links.mentee_url(mentee)},
    )


def send_mentor_link(mentor):
    """The link to the mentor's page: their approval, requests and mentorships."""
    return send_templated_email(
        "mentoring_mentor_link",
        to=[mentor.email],
        language=mentor.language,
        context={"recipient_name": mentor.name, "mentoring_link": links.mentor_url(mentor)},
    )


def send_new_request(mentoring_request):
    """To the mentor: a mentee asks them (first name and message; no address yet)."""
    mentor, mentee = mentoring_request.mentor, mentoring_request.mentee
    return send_templated_email(
        "mentoring_request",
        to=[mentor.email],
        language=mentor.language,
        context={
            "recipient_name": mentor.name,
            "mentee_name": mentee.first_name,
            "mentee_message": mentoring_request.message,
            "mentoring_link": links.mentor_url(mentor),
        },
    )


def send_accepted(mentorship):
    """To the mentee: the mentor accepted, with the mentor's address."""
    mentor, mentee = mentorship.mentor, mentorship.mentee
    return send_templated_email(
        "mentoring_accepted",
        to=[mentee.email],
        language=mentee.language,
        context={
            "recipient_name": mentee.first_name,
            "mentor_name": mentor.name,
            "mentor_email": mentor.email,
            "mentoring_link": links.mentee_url(mentee),
        },
        reply_to=[mentor.email],
    )


def send_superseded(mentoring_request):
    """To a mentor whose request closed because another mentor accepted first."""
    mentor = mentoring_request.mentor
    return send_templated_email(
        "mentoring_superseded",
        to=[mentor.email],
        language=mentor.language,
        context={
            "recipient_name": mentor.name,
            "mentee_name": mentoring_request.mentee.first_name,
            "mentoring_link": links.mentor_url(mentor),
        },
    )

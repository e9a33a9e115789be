"""Mentoring's reminders and digests, sent by `manage.py send_mentoring_reminders` (daily):

- to the mentor: a request unanswered for REQUEST_REMINDER_DAYS (before it expires after
  PORTAL_MENTORING_REQUEST_DAYS); "log a meeting" when an active mentorship has no meeting
  logged for SESSION_REMINDER_DAYS (14, then again at 28; counted from the last meeting logged,
  else the start, so a meeting logged starts the count again); the CHECKIN_DAYS (90) check-in;
- to the mentee: their mentorship ended, whoever ended it (`tell_mentee_ended`, called by the
  views that end one);
- to the facilitators of a country (the users of its "Facilitators: <code>" group): the mentors
  waiting for approval, on a day when some were sent (registered, or changed after approval or
  rejection) since the last such email; and on Mondays
  the requests in their countries (the mentor's or the mentee's) waiting for more than
  OVERDUE_DAYS.

Each email is sent at most once per occasion: a marker on the row (the request, the mentorship,
`FacilitatorMentoringDigest` for a facilitator) is set by a conditional update in the same
transaction that queues the email, so a second run, or two runs at once, send nothing more.
Nothing is sent to a paused mentor, nor about a request or a mentorship no longer open.
The rows are read in a fixed number of queries whatever their number; each email sent then
costs its own few (the marker, the template, the outbox row).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.admin.utils import get_user_display_name

from core.roles import FACILITATORS_PREFIX, country_code_of_group
from core.urls import absolute_admin_url
from directory.countries import country_names
from directory.emails import admin_language
from emails.mail import send_templated_email

from . import mail
from .models import (
    Approval,
    FacilitatorMentoringDigest,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    MentorshipState,
    RequestState,
)
from .requests import request_days

REQUEST_REMINDER_DAYS = 7
SESSION_REMINDER_DAYS = (14, 28)
CHECKIN_DAYS = 90
OVERDUE_DAYS = 7
#: The weekday of the facilitators' list of unanswered requests (Monday).
REQUESTS_DIGEST_WEEKDAY = 0


def _days(since, today):
    if hasattr(since, "date"):
        since = timezone.localtime(since).date()
    return (today - since).days


def _once(unclaimed, marker, send):
    """Set `marker` on the rows `unclaimed` (one row, as it must be to still be due) and, in the
    same transaction, `send()`, if this run is the one that changed it: 1 sent, else 0."""
    with transaction.atomic():
        if unclaimed.update(**marker):
            send()
            return 1
    return 0


# To mentors ----------------------------------------------------------------------------------


def remind_requests(now):
    """Each request waiting for REQUEST_REMINDER_DAYS, not yet expired: its mentor is reminded."""
    due = MentoringRequest.objects.filter(
        state=RequestState.REQUESTED,
        reminded_at__isnull=True,
        created_at__lte=now - timedelta(days=REQUEST_REMINDER_DAYS),
        created_at__gt=now - timedelta(days=request_days()),
        mentor__paused=False,
    ).select_related("mentor", "mentee")
    return sum(
        _once(
            MentoringRequest.objects.filter(
                pk=row.pk, state=RequestState.REQUESTED, reminded_at__isnull=True
            ),
            {"reminded_at": now},
            lambda row=row: mail.send_request_reminder(
                row, (now - row.created_at).days, request_days()
            ),
        )
        for row in due.order_by("pk")
    )


def _active_mentorships(now, days):
    return Mentorship.objects.filter(
        state=MentorshipState.ACTIVE,
        started_at__lte=now - timedelta(days=days),
        mentor__paused=False,
    ).select_related("mentor", "mentee")


def remind_sessions(now):
    """Each active mentorship without a meeting logged for 14 days, then 28: its mentor is told
    to log one (once at each step, counted again from the next meeting logged)."""
    today = timezone.localdate(now)
    rows = _active_mentorships(now, SESSION_REMINDER_DAYS[0]).annotate(
        last_session=Max("sessions__date")
    )
    sent = 0
    for row in rows.order_by("pk"):
        since = row.last_session or timezone.localtime(row.started_at).date()
        days = _days(since, today)
        step = sum(1 for limit in SESSION_REMINDER_DAYS if days >= limit)
        done = row.session_reminders if row.session_reminders_since == since else 0
        if step <= done:
            continue
        sent += _once(
            Mentorship.objects.filter(
                pk=row.pk,
                state=MentorshipState.ACTIVE,
                session_reminders=row.session_reminders,
                session_reminders_since=row.session_reminders_since,
            ),
            {"session_reminders": step, "session_reminders_since": since},
            lambda row=row, days=days: mail.send_session_reminder(row, days),
        )
    return sent


def send_checkins(now):
    """Each active mentorship CHECKIN_DAYS old: its mentor gets the check-in, once."""
    rows = _active_mentorships(now, CHECKIN_DAYS).filter(checkin_sent_at__isnull=True)
    return sum(
        _once(
            Mentorship.objects.filter(
                pk=row.pk, state=MentorshipState.ACTIVE, checkin_sent_at__isnull=True
            ),
            {"checkin_sent_at": now},
            lambda row=row: mail.send_checkin(row, (now - row.started_at).days),
        )
        for row in rows.order_by("pk")
    )


# To mentees ----------------------------------------------------------------------------------


def tell_mentee_ended(mentorship, now=None):
    """The mentee hears their mentorship ended, once. Returns the outbox row, or None."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = (
            Mentorship.objects.filter(pk=mentorship.pk, end_told_at__isnull=True)
            .exclude(state=MentorshipState.ACTIVE)
            .update(end_told_at=now)
        )
        if not claimed:
            return None
        return mail.send_ended_to_mentee(mentorship)


# To facilitators -----------------------------------------------------------------------------


def facilitators():
    """{user: set of the country codes they facilitate}, active users with an address, in two
    queries."""
    User = get_user_model()
    memberships = User.groups.through.objects.filter(
        group__name__startswith=FACILITATORS_PREFIX,
        user__is_active=True,
    ).values_list("user_id", "group__name")
    codes = {}
    for user_id, name in memberships:
        code = country_code_of_group(name)
        if code:
            codes.setdefault(user_id, set()).add(code)
    users = User.objects.filter(pk__in=list(codes)).exclude(email="").order_by("pk")
    return {user: codes[user.pk] for user in users}


def _claim_marker(user):
    """Lock `user`'s marker (made if missing) and return it."""
    FacilitatorMentoringDigest.objects.get_or_create(user=user)
    return FacilitatorMentoringDigest.objects.select_for_update().get(user=user)


def _to_facilitator(key, user, make_context):
    language = admin_language(user, settings.LANGUAGE_CODE)
    with override(language):
        context = {"facilitator_name": get_user_display_name(user), **make_context()}
    return send_templated_email(key, to=[user.email], language=language, context=context)


def send_approval_digests(people):
    """To each facilitator with mentors of their countries waiting for approval, some of them new
    since their last such email: the list of them."""
    pending = list(
        MentorProfile.objects.filter(approval=Approval.PENDING)
        .only("pk", "name", "country", "submitted_at")
        .order_by("submitted_at", "pk")
    )
    link = absolute_admin_url(
        reverse("mentors:index") + "?" + urlencode({"approval": Approval.PENDING})
    )
    sent = 0
    for user, codes in people.items():
        theirs = [mentor for mentor in pending if mentor.country in codes]
        if not theirs:
            continue
        newest = max(mentor.submitted_at for mentor in theirs)
        with transaction.atomic():
            marker = _claim_marker(user)
            if marker.approvals_seen_upto and marker.approvals_seen_upto >= newest:
                continue
            marker.approvals_seen_upto = newest
            marker.save(update_fields=["approvals_seen_upto"])

            def context(theirs=theirs):
                names = country_names()
                return {
                    "mentor_list": [
                        f"{mentor.name} ({names.get(mentor.country, mentor.country)})"
                        for mentor in theirs
                    ],
                    "mentors_link": link,
                }

            _to_facilitator("mentoring_approvals_digest", user, context)
            sent += 1
    return sent


def _week(day):
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def send_request_digests(people, now):
    """On Mondays, to each facilitator: the requests of their countries (the mentor's or the
    mentee's) waiting for an answer for more than OVERDUE_DAYS, once a week."""
    today = timezone.localdate(now)
    if today.weekday() != REQUESTS_DIGEST_WEEKDAY:
        return 0
    week = _week(today)
    waiting = list(
        MentoringRequest.objects.filter(
            state=RequestState.REQUESTED,
            created_at__lt=now - timedelta(days=OVERDUE_DAYS),
        )
        .select_related("mentor", "mentee")
        .only(
            "pk",
            "created_at",
            "mentor__name",
            "mentor__country",
            "mentee__first_name",
            "mentee__country",
        )
        .order_by("created_at", "pk")
    )
    link = absolute_admin_url(
        reverse("mentoring_requests:index") + "?" + urlencode({"state": RequestState.REQUESTED})
    )
    sent = 0
    for user, codes in people.items():
        theirs = [
            row for row in waiting if row.mentor.country in codes or row.mentee.country in codes
        ]
        if not theirs:
            continue
        with transaction.atomic():
            marker = _claim_marker(user)
            if marker.requests_week == week:
                continue
            marker.requests_week = week
            marker.save(update_fields=["requests_week"])

            def context(theirs=theirs):
                names = country_names()

                def line(row):
                    mentor, mentee = row.mentor, row.mentee
                    return _(
                        "%(mentee)s (%(mentee_country)s) → %(mentor)s (%(mentor_country)s), "
                        "waiting for %(days)s days"
                    ) % {
                        "mentee": mentee.first_name,
                        "mentee_country": names.get(mentee.country, mentee.country),
                        "mentor": mentor.name,
                        "mentor_country": names.get(mentor.country, mentor.country),
                        "days": _days(row.created_at, today),
                    }

                return {"request_list": [line(row) for row in theirs], "requests_link": link}

            _to_facilitator("mentoring_requests_digest", user, context)
            sent += 1
    return sent


def send_all(now=None):
    """Every reminder and digest due now: {what: how many emails}."""
    now = now or timezone.now()
    people = facilitators()
    return {
        "request reminders": remind_requests(now),
        "session reminders": remind_sessions(now),
        "check-ins": send_checkins(now),
        "approval digests": send_approval_digests(people),
        "request digests": send_request_digests(people, now),
    }

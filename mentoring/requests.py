"""What changes a mentoring request or a mentorship, and the rules each change keeps.

requested → accepted | declined (with a reason) | withdrawn (by the mentee) | expired (no answer
in PORTAL_MENTORING_REQUEST_DAYS) | superseded (another mentor accepted the mentee first);
a mentorship: active → completed | ended early (who, why).

Acceptance locks the mentor's row, then the mentee's (always in this order, so two acceptances
never wait on each other in a circle), reads the request again under the locks and counts the
mentor's active mentorships there: two mentors accepting one mentee at once, or one mentor
accepting two mentees for a last place, are taken one after the other, and the second finds
the place gone. The database's partial unique constraints (one open request per pair, one
active mentorship per mentee) hold whatever a caller does.

Each function raises MentoringRefused (a ValidationError with a message for the person) when
the change is not allowed; nothing is written then.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from emails.mail import forget_about

from . import mail
from .models import (
    Approval,
    EndedBy,
    Mentee,
    MentoringRequest,
    MentoringSession,
    MentorProfile,
    Mentorship,
    MentorshipState,
    RequestState,
)


class MentoringRefused(ValidationError):
    """A change the rules do not allow, with the message that says why."""


def request_days():
    return settings.PORTAL_MENTORING_REQUEST_DAYS


def max_open_requests():
    return settings.PORTAL_MENTORING_OPEN_REQUESTS


def consent_age(country):
    """The age of digital consent in `country` (ISO code)."""
    ages = settings.PORTAL_MENTORING_CONSENT_AGE
    return ages.get((country or "").upper(), settings.PORTAL_MENTORING_CONSENT_AGE_DEFAULT)


def expires_at(mentoring_request):
    return mentoring_request.created_at + timedelta(days=request_days())


def active_count(mentor):
    return Mentorship.objects.filter(mentor=mentor, state=MentorshipState.ACTIVE).count()


def free_places(mentor):
    return max(mentor.capacity - active_count(mentor), 0)


def lock_mentor(mentor):
    """The mentor's row, locked until the transaction ends: what changes their places takes it
    first."""
    return MentorProfile.objects.select_for_update().get(pk=mentor.pk)


def _lock_mentee(mentee):
    return Mentee.objects.select_for_update().get(pk=mentee.pk)


def _lock_request(mentoring_request):
    return MentoringRequest.objects.select_for_update().get(pk=mentoring_request.pk)


def _close(mentoring_request, state, now, reason=""):
    mentoring_request.state = state
    mentoring_request.reason = reason
    mentoring_request.answered_at = now
    mentoring_request.save(update_fields=["state", "reason", "answered_at"])
    return mentoring_request


def _refuse_if_closed(mentoring_request, now):
    if mentoring_request.state != RequestState.REQUESTED:
        raise MentoringRefused(_("This request has already been answered or closed."))
    if now >= expires_at(mentoring_request):  # expire_due closes it on its next run
        raise MentoringRefused(_("This request has expired: it was not answered in time."))


def send_request(mentee, mentor, message="", now=None):
    """The mentee asks `mentor`; at most PORTAL_MENTORING_OPEN_REQUESTS wait at once."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            mentee = _lock_mentee(mentee)
            mentor = MentorProfile.objects.get(pk=mentor.pk)
            if not mentor.is_proposable:
                raise MentoringRefused(_("This mentor is not taking requests at the moment."))
            if free_places(mentor) < 1:
                raise MentoringRefused(_("This mentor has no free place at the moment."))
            if Mentorship.objects.filter(mentee=mentee, state=MentorshipState.ACTIVE).exists():
                raise MentoringRefused(_("You already have a mentor."))
            open_requests = MentoringRequest.objects.filter(
                mentee=mentee, state=RequestState.REQUESTED
            )
            if open_requests.filter(mentor=mentor).exists():
                raise MentoringRefused(_("You have already asked this mentor."))
            if open_requests.count() >= max_open_requests():
                raise MentoringRefused(
                    _("You may ask at most %(count)d mentors at once.")
                    % {"count": max_open_requests()}
                )
            return MentoringRequest.objects.create(
                mentor=mentor, mentee=mentee, message=message, created_at=now
            )
    except IntegrityError:
        raise MentoringRefused(_("You have already asked this mentor.")) from None


def accept(mentoring_request, now=None):
    """The mentor accepts: a mentorship begins and the mentee's other requests are superseded.

    Returns (mentorship, the requests superseded)."""
    now = now or timezone.now()
    with transaction.atomic():
        mentor = lock_mentor(mentoring_request.mentor)
        mentee = _lock_mentee(mentoring_request.mentee)
        mentoring_request = _lock_request(mentoring_request)
        if mentoring_request.mentor_id != mentor.pk or mentoring_request.mentee_id != mentee.pk:
            raise MentoringRefused(_("This request has changed; please open it again."))
        _refuse_if_closed(mentoring_request, now)
        # A facilitator's rejection stops what an acceptance would give: the young person's
        # address (waiting for approval again, after a change, the requests go on).
        if mentor.approval == Approval.REJECTED:
            raise MentoringRefused(
                _("Your profile is not approved: you cannot accept requests for now.")
            )
        if Mentorship.objects.filter(mentee=mentee, state=MentorshipState.ACTIVE).exists():
            raise MentoringRefused(_("Another mentor has already accepted this person."))
        if active_count(mentor) >= mentor.capacity:
            raise MentoringRefused(
                _(
                    "You already mentor as many people as you offered to. End a mentorship or "
                    "raise your number of mentees first."
                )
            )
        _close(mentoring_request, RequestState.ACCEPTED, now)
        mentorship = Mentorship.objects.create(
            request=mentoring_request, mentor=mentor, mentee=mentee, started_at=now
        )
        # Only the requests are locked (of="self"): the other mentors' rows may be held by
        # their own acceptance, waiting on this mentee.
        others = list(
            MentoringRequest.objects.select_for_update(of=("self",))
            .filter(mentee=mentee, state=RequestState.REQUESTED)
            .exclude(pk=mentoring_request.pk)
            .select_related("mentor")
        )
        for other in others:
            _close(other, RequestState.SUPERSEDED, now)
        return mentorship, others


def decline(mentoring_request, reason, now=None):
    """The mentor declines, saying why (the mentee reads it)."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise MentoringRefused(_("Please say briefly why you decline."))
    with transaction.atomic():
        mentoring_request = _lock_request(mentoring_request)
        _refuse_if_closed(mentoring_request, now)
        return _close(mentoring_request, RequestState.DECLINED, now, reason)


def withdraw(mentoring_request, now=None):
    """The mentee takes the request back before it is answered."""
    now = now or timezone.now()
    with transaction.atomic():
        mentoring_request = _lock_request(mentoring_request)
        if mentoring_request.state != RequestState.REQUESTED:
            raise MentoringRefused(_("This request has already been answered or closed."))
        return _close(mentoring_request, RequestState.WITHDRAWN, now)


def expire_due(now=None):
    """Close as expired every request left unanswered for PORTAL_MENTORING_REQUEST_DAYS.

    Returns the requests expired."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=request_days())
    with transaction.atomic():
        due = list(
            MentoringRequest.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(state=RequestState.REQUESTED, created_at__lte=cutoff)
            .select_related("mentor", "mentee")
        )
        MentoringRequest.objects.filter(pk__in=[row.pk for row in due]).update(
            state=RequestState.EXPIRED, answered_at=now
        )
    for row in due:
        row.state, row.answered_at = RequestState.EXPIRED, now
    return due


def end(mentorship, ended_by, reason="", completed=False, now=None):
    """The mentorship ends: completed, or early (who, and why)."""
    now = now or timezone.now()
    if ended_by not in EndedBy.values:
        raise MentoringRefused(_("Choose who ends the mentorship."))
    reason = (reason or "").strip()
    if not completed and not reason:
        raise MentoringRefused(_("Please say briefly why the mentorship ends early."))
    with transaction.atomic():
        mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
        if mentorship.state != MentorshipState.ACTIVE:
            raise MentoringRefused(_("This mentorship has already ended."))
        mentorship.state = MentorshipState.COMPLETED if completed else MentorshipState.ENDED_EARLY
        mentorship.ended_at = now
        mentorship.ended_by = ended_by
        mentorship.end_reason = reason
        mentorship.save(update_fields=["state", "ended_at", "ended_by", "end_reason"])
        return mentorship


def log_session(mentorship, date, minutes, delivery, note=""):
    """The mentor records a meeting of an active mentorship."""
    if mentorship.state != MentorshipState.ACTIVE:
        raise MentoringRefused(_("Meetings are logged while the mentorship is active."))
    session = MentoringSession(
        mentorship=mentorship, date=date, minutes=minutes, delivery=delivery, note=note
    )
    session.full_clean()
    session.save()
    return session


def set_approval(mentor, approval, reason="", now=None):
    """A facilitator approves or rejects a mentor (a rejection says why)."""
    if approval not in (Approval.APPROVED, Approval.REJECTED):
        raise MentoringRefused(_("Choose to approve or reject."))
    if approval == Approval.REJECTED and not (reason or "").strip():
        raise MentoringRefused(_("Please say why the mentor is not approved."))
    mentor.approval = approval
    mentor.approval_reason = (reason or "").strip()
    mentor.approved_at = now or timezone.now()
    mentor.save(update_fields=["approval", "approval_reason", "approved_at"])
    return mentor


def purge_mentees(now=None):
    """Delete the mentees with nothing going on for PORTAL_MENTORING_KEEP_DAYS: no active
    mentorship nor waiting request, and nothing ended, answered or registered since. Returns
    how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.PORTAL_MENTORING_KEEP_DAYS)
    recent = (
        Q(created_at__gt=cutoff)
        | Q(mentorships__state=MentorshipState.ACTIVE)
        | Q(mentorships__ended_at__gt=cutoff)
        | Q(requests__state=RequestState.REQUESTED)
        | Q(requests__answered_at__gt=cutoff)
    )
    kept = Mentee.objects.filter(recent).values("pk")
    with transaction.atomic():
        gone = Mentee.objects.exclude(pk__in=kept)
        forget_about(*[mail.about(mentee) for mentee in gone.only("key")])
        _total, by_model = gone.delete()
    return by_model.get("mentoring.Mentee", 0)


def forget_mentee(mentee):
    """Delete the mentee and what refers to them (requests, mentorships, their meetings, the
    outbox's emails carrying their data). The mentor of their active mentorship, if any, is
    told, by an email that names them by first name only and is kept."""
    with transaction.atomic():
        active = (
            Mentorship.objects.select_for_update(of=("self",))  # not ended meanwhile
            .select_related("mentor", "mentee")
            .filter(mentee=mentee, state=MentorshipState.ACTIVE)
            .first()
        )
        forget_about(mail.about(mentee))
        if active is not None:  # after forgetting, which would delete an email marked about them
            mail.send_ended_to_mentor(active, deleted=True)
        Mentee.objects.filter(pk=mentee.pk).delete()

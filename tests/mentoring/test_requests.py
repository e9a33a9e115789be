"""A mentoring request's life: asked, accepted (the mentee's other requests superseded),
declined with a reason, withdrawn, expired after PORTAL_MENTORING_REQUEST_DAYS; and the rules
the database keeps whatever the code does."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from emails.models import OutboxEmail
from mentoring import requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.mail import send_accepted
from mentoring.models import (
    Approval,
    EndedBy,
    Mentee,
    MentoringRequest,
    Mentorship,
    MentorshipState,
    RequestState,
)

pytestmark = pytest.mark.django_db


def test_an_acceptance_starts_a_mentorship_and_supersedes_the_other_requests():
    mentee = MenteeFactory()
    first, second, third = (MentorProfileFactory() for _ in range(3))
    asked = [requests.send_request(mentee, mentor, "Hello") for mentor in (first, second, third)]

    mentorship, superseded = requests.accept(asked[1])

    assert mentorship.mentor == second and mentorship.state == MentorshipState.ACTIVE
    assert {row.mentor for row in superseded} == {first, third}
    states = dict(MentoringRequest.objects.values_list("mentor", "state"))
    assert states == {
        first.pk: RequestState.SUPERSEDED,
        second.pk: RequestState.ACCEPTED,
        third.pk: RequestState.SUPERSEDED,
    }
    with pytest.raises(requests.MentoringRefused):
        requests.accept(asked[0])


def test_a_mentee_asks_three_mentors_at_most_and_each_once():
    mentee = MenteeFactory()
    mentors = [MentorProfileFactory() for _ in range(4)]
    for mentor in mentors[:3]:
        requests.send_request(mentee, mentor)
    with pytest.raises(requests.MentoringRefused, match="at most 3"):
        requests.send_request(mentee, mentors[3])
    with pytest.raises(requests.MentoringRefused, match="already asked"):
        requests.send_request(mentee, mentors[0])
    assert MentoringRequest.objects.filter(mentee=mentee).count() == 3


def test_a_withdrawn_request_frees_a_place_and_cannot_be_accepted():
    mentee = MenteeFactory()
    mentors = [MentorProfileFactory() for _ in range(4)]
    asked = [requests.send_request(mentee, mentor) for mentor in mentors[:3]]

    requests.withdraw(asked[0])

    with pytest.raises(requests.MentoringRefused):
        requests.accept(asked[0])
    requests.send_request(mentee, mentors[3])  # a place again
    assert MentoringRequest.objects.get(pk=asked[0].pk).state == RequestState.WITHDRAWN
    assert not Mentorship.objects.exists()


def test_a_decline_needs_a_reason_which_the_request_keeps():
    request = requests.send_request(MenteeFactory(), MentorProfileFactory())
    with pytest.raises(requests.MentoringRefused):
        requests.decline(request, "  ")
    assert MentoringRequest.objects.get(pk=request.pk).state == RequestState.REQUESTED
    requests.decline(request, "I am away until March.")
    request.refresh_from_db()
    assert (request.state, request.reason) == (RequestState.DECLINED, "I am away until March.")


def test_a_request_expires_on_day_15_not_before(settings, on_commit):
    assert settings.PORTAL_MENTORING_REQUEST_DAYS == 14
    start = timezone.now() - timedelta(days=20)
    mentee = MenteeFactory()
    request = requests.send_request(mentee, MentorProfileFactory(), now=start)

    assert requests.expire_due(now=start + timedelta(days=13, hours=23)) == []
    assert MentoringRequest.objects.get(pk=request.pk).state == RequestState.REQUESTED
    # On day 15 (past the 14 days) the mentor can no longer accept, and the command closes it.
    with pytest.raises(requests.MentoringRefused, match="expired"):
        requests.accept(request, now=start + timedelta(days=14, hours=1))
    with on_commit():
        call_command("expire_mentoring_requests", stdout=io.StringIO())
    assert MentoringRequest.objects.get(pk=request.pk).state == RequestState.EXPIRED
    # Both are told: the mentee may ask another mentor.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [mentee.email, request.mentor.email]
    )


def test_a_mentor_at_capacity_accepts_no_more_until_a_mentorship_ends():
    mentor = MentorProfileFactory(capacity=1)
    first = requests.send_request(MenteeFactory(), mentor)
    second = requests.send_request(MenteeFactory(), mentor)
    mentorship, _ = requests.accept(first)

    with pytest.raises(requests.MentoringRefused, match="as many people"):
        requests.accept(second)
    # Nor can a new mentee ask them while they are full.
    with pytest.raises(requests.MentoringRefused, match="no free place"):
        requests.send_request(MenteeFactory(), mentor)

    requests.end(mentorship, EndedBy.MENTEE, "Found a job!")
    requests.accept(second)
    assert Mentorship.objects.get(pk=mentorship.pk).state == MentorshipState.ENDED_EARLY


def test_an_unapproved_or_paused_mentor_takes_no_request():
    for mentor in (
        MentorProfileFactory(approval=Approval.PENDING),
        MentorProfileFactory(approval=Approval.REJECTED),
        MentorProfileFactory(paused=True),
    ):
        with pytest.raises(requests.MentoringRefused):
            requests.send_request(MenteeFactory(), mentor)
    assert not MentoringRequest.objects.exists()


def test_a_mentee_with_a_mentor_asks_no_other():
    mentee = MenteeFactory()
    requests.accept(requests.send_request(mentee, MentorProfileFactory()))
    with pytest.raises(requests.MentoringRefused, match="already have a mentor"):
        requests.send_request(mentee, MentorProfileFactory())


def test_ending_early_says_who_and_why_and_completing_needs_no_reason():
    mentee = MenteeFactory()
    mentorship, _ = requests.accept(requests.send_request(mentee, MentorProfileFactory()))
    with pytest.raises(requests.MentoringRefused):
        requests.end(mentorship, EndedBy.MENTOR, "")
    ended = requests.end(mentorship, EndedBy.MENTOR, completed=True)
    assert (ended.state, ended.ended_by) == (MentorshipState.COMPLETED, EndedBy.MENTOR)
    with pytest.raises(requests.MentoringRefused, match="already ended"):
        requests.end(mentorship, EndedBy.MENTEE, "again")


def test_the_database_allows_one_open_request_per_pair():
    mentee, mentor = MenteeFactory(), MentorProfileFactory()
    now = timezone.now()
    MentoringRequest.objects.create(mentee=mentee, mentor=mentor, created_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        MentoringRequest.objects.create(mentee=mentee, mentor=mentor, created_at=now)
    # A closed one does not count: asking again after a decline is allowed.
    MentoringRequest.objects.filter(mentee=mentee).update(state=RequestState.DECLINED)
    MentoringRequest.objects.create(mentee=mentee, mentor=mentor, created_at=now)


def test_the_database_allows_one_active_mentorship_per_mentee():
    mentee = MenteeFactory()
    now = timezone.now()
    one, two = (
        MentoringRequest.objects.create(
            mentee=mentee, mentor=MentorProfileFactory(), created_at=now
        )
        for _ in range(2)
    )
    Mentorship.objects.create(request=one, mentor=one.mentor, mentee=mentee, started_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Mentorship.objects.create(request=two, mentor=two.mentor, mentee=mentee, started_at=now)
    Mentorship.objects.update(state=MentorshipState.COMPLETED)
    Mentorship.objects.create(request=two, mentor=two.mentor, mentee=mentee, started_at=now)


def test_the_database_refuses_a_minor_without_an_organisation_and_a_guardian():
    with pytest.raises(IntegrityError), transaction.atomic():
        MenteeFactory(age_confirmed=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        MenteeFactory(age_confirmed=False, enrolled_by_key="6b0f7c1e-0000-4000-8000-000000000001")
    MenteeFactory(
        age_confirmed=False,
        enrolled_by_key="6b0f7c1e-0000-4000-8000-000000000001",
        guardian_consent=True,
    )


def test_the_consent_age_is_the_countrys():
    assert requests.consent_age("IT") == 14
    assert requests.consent_age("GR") == 15
    assert requests.consent_age("LB") == 16


def test_a_session_is_logged_only_in_an_active_mentorship():
    mentorship, _ = requests.accept(requests.send_request(MenteeFactory(), MentorProfileFactory()))
    session = requests.log_session(mentorship, timezone.localdate(), 45, "online", "CV review")
    assert mentorship.sessions.get() == session
    requests.end(mentorship, EndedBy.MENTOR, completed=True)
    mentorship.refresh_from_db()
    with pytest.raises(requests.MentoringRefused):
        requests.log_session(mentorship, timezone.localdate(), 30, "online")
    assert mail.outbox == []


def test_a_mentees_data_is_deleted_a_year_after_the_mentorship_ends(settings):
    assert settings.PORTAL_MENTORING_KEEP_DAYS == 365
    now = timezone.now()
    long_ago = now - timedelta(days=800)

    def mentored(ended_days_ago=None):
        mentee = MenteeFactory()
        asked = requests.send_request(mentee, MentorProfileFactory(), now=long_ago)
        mentorship, _ = requests.accept(asked, now=long_ago)
        send_accepted(mentorship)
        if ended_days_ago is not None:
            ended_at = now - timedelta(days=ended_days_ago)
            requests.end(mentorship, EndedBy.MENTEE, completed=True, now=ended_at)
        return mentee

    ended, recently_ended, still_mentored = mentored(400), mentored(300), mentored()
    waiting = MenteeFactory()
    requests.send_request(waiting, MentorProfileFactory(), now=long_ago)
    new = MenteeFactory()
    old = [ended.pk, recently_ended.pk, still_mentored.pk, waiting.pk]
    Mentee.objects.filter(pk__in=old).update(created_at=long_ago)

    out = io.StringIO()
    call_command("purge_mentees", stdout=out)

    assert "1 mentee(s) deleted" in out.getvalue()
    # The outbox's emails to or about the mentee deleted go with them; the others stay.
    recipients = [address for row in OutboxEmail.objects.all() for address in row.to]
    assert ended.email not in recipients and recently_ended.email in recipients
    assert not OutboxEmail.objects.filter(body_text__contains=ended.email).exists()
    assert set(Mentee.objects.values_list("pk", flat=True)) == {
        recently_ended.pk,
        still_mentored.pk,
        waiting.pk,
        new.pk,
    }


def test_a_mentor_a_facilitator_rejected_accepts_no_waiting_request():
    """Rejected after the requests reached them (their changed profile, or a second look), a
    mentor no longer gets a young person's address by accepting one."""
    mentee, mentor = MenteeFactory(), MentorProfileFactory()
    asked = requests.send_request(mentee, mentor, "Hello")
    requests.set_approval(mentor, Approval.REJECTED, "Not a real profile.")
    with pytest.raises(requests.MentoringRefused):
        requests.accept(asked)
    asked.refresh_from_db()
    assert asked.state == RequestState.REQUESTED
    assert not Mentorship.objects.exists()
    # Waiting for approval again (a changed profile), their requests go on.
    mentor.approval = Approval.PENDING
    mentor.save(update_fields=["approval"])
    mentorship, _ = requests.accept(asked)
    assert mentorship.mentor == mentor

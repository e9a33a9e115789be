"""Mentoring's reminders and digests (`manage.py send_mentoring_reminders`): each on its day and
not before, once however often the command runs, never to a paused mentor nor about what has
closed, in the recipient's language; facilitators hear of their own countries only."""

import io
from datetime import datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from directory.factories import CountryFacilitatorFactory
from emails.models import OutboxEmail
from mentoring import reminders, requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.links import mentee_token, mentor_token
from mentoring.models import Approval, EndedBy
from mentoring.registration import update_mentor

pytestmark = pytest.mark.django_db

#: A Monday at 9:00, the portal's time: the facilitators' weekly list goes on Mondays.
MONDAY = timezone.make_aware(datetime.combine(datetime(2026, 11, 30).date(), time(9)))


def sent(key):
    return list(OutboxEmail.objects.filter(template_key=key).order_by("pk"))


def run(now):
    return reminders.send_all(now)


def waiting_request(now, days, mentor=None, mentee=None):
    mentor = mentor or MentorProfileFactory()
    mentee = mentee or MenteeFactory()
    return requests.send_request(mentee, mentor, "Hello", now=now - timedelta(days=days))


def mentorship(now, days, **mentor):
    asked = waiting_request(now, days, mentor=MentorProfileFactory(**mentor))
    started, _others = requests.accept(asked, now=now - timedelta(days=days))
    return started


def pause(mentor):
    """The mentor pauses (after the request or the mentorship began)."""
    mentor.paused = True
    mentor.save(update_fields=["paused"])


# To mentors --------------------------------------------------------------------------------


def test_a_request_waiting_a_week_reminds_its_mentor_once_and_not_before(portal):
    six = waiting_request(MONDAY, 6)
    seven = waiting_request(MONDAY, 7, mentor=MentorProfileFactory(language="it"))

    run(MONDAY)
    run(MONDAY + timedelta(hours=1))

    [email] = sent("mentoring_request_reminder")
    assert email.to == [seven.mentor.email] and email.language == "it"
    assert seven.mentee.first_name in email.subject and "attende" in email.subject
    assert "7" in email.body_text and "14" in email.body_text
    run(MONDAY + timedelta(days=1))  # the six-day-old request's day
    assert [row.to for row in sent("mentoring_request_reminder")][1] == [six.mentor.email]
    assert len(sent("mentoring_request_reminder")) == 2


def test_no_reminder_to_a_paused_mentor_nor_for_an_answered_request(portal):
    paused = waiting_request(MONDAY, 8)
    pause(paused.mentor)
    declined = waiting_request(MONDAY, 8)
    requests.decline(declined, "Away", now=MONDAY - timedelta(days=1))
    waiting_request(MONDAY, 14)  # past its time: expire_mentoring_requests closes it

    run(MONDAY)

    assert sent("mentoring_request_reminder") == []
    assert paused.state == "requested"


def test_log_a_meeting_at_14_days_then_28_and_a_meeting_starts_the_count_again(portal):
    started = mentorship(MONDAY, 13, language="el")

    run(MONDAY)
    assert sent("mentoring_session_reminder") == []
    run(MONDAY + timedelta(days=1))
    run(MONDAY + timedelta(days=1, hours=2))
    [first] = sent("mentoring_session_reminder")
    assert first.language == "el" and "Πώς πάει" in first.subject and "14" in first.body_text

    run(MONDAY + timedelta(days=14))  # 27 days
    assert len(sent("mentoring_session_reminder")) == 1
    run(MONDAY + timedelta(days=15))  # 28 days
    run(MONDAY + timedelta(days=15))
    assert len(sent("mentoring_session_reminder")) == 2
    assert "28" in sent("mentoring_session_reminder")[1].body_text

    met = timezone.localdate(MONDAY + timedelta(days=16))
    requests.log_session(started, met, 60, "online")
    run(MONDAY + timedelta(days=29))  # 13 days after the meeting
    assert len(sent("mentoring_session_reminder")) == 2
    run(MONDAY + timedelta(days=30))
    assert len(sent("mentoring_session_reminder")) == 3


def test_the_90_day_check_in_once_and_not_to_an_ended_or_paused_mentorship(portal):
    due = mentorship(MONDAY, 90, language="ar")
    mentorship(MONDAY, 89)
    ended = mentorship(MONDAY, 120)
    requests.end(ended, EndedBy.MENTOR, completed=True, now=MONDAY - timedelta(days=2))
    paused = mentorship(MONDAY, 95)
    pause(paused.mentor)

    run(MONDAY)
    run(MONDAY)

    [email] = sent("mentoring_checkin")
    assert email.to == [due.mentor.email] and email.language == "ar"
    assert "90" in email.subject and due.mentee.first_name in email.body_text
    # Neither the check-in nor "log a meeting" to an ended mentorship or a paused mentor.
    told = [row.to for row in OutboxEmail.objects.all()]
    assert [ended.mentor.email] not in told and [paused.mentor.email] not in told
    assert [due.mentor.email] in [row.to for row in sent("mentoring_session_reminder")]


def test_the_command_run_twice_sends_each_email_once(portal):
    waiting_request(timezone.now(), 8)
    mentorship(timezone.now(), 91)

    call_command("send_mentoring_reminders", stdout=io.StringIO())
    first = OutboxEmail.objects.count()
    out = io.StringIO()
    call_command("send_mentoring_reminders", stdout=out)

    assert first == 3  # the request reminder, "log a meeting" (91 days), the check-in
    assert OutboxEmail.objects.count() == first
    assert "0 request reminders" in out.getvalue()


# To mentees --------------------------------------------------------------------------------


@pytest.mark.parametrize("side", ["mentor", "mentee"])
def test_the_mentee_hears_their_mentorship_ended_whoever_ends_it_once(client, portal, side):
    started = mentorship(timezone.now(), 30)
    mentee = started.mentee
    mentee.language = "it"
    mentee.save()
    if side == "mentor":
        url = f"/en/mentoring/mentor/{mentor_token(started.mentor)}/end/{started.pk}/"
        data = {f"end-{started.pk}-completed": "on"}
    else:
        url = f"/it/mentoring/me/{mentee_token(mentee)}/end/"
        data = {"completed": "on"}

    assert client.post(url, data).status_code == 303
    assert client.post(url, data).status_code in (404, 409)

    [email] = sent("mentoring_ended_mentee")
    assert email.to == [mentee.email] and email.language == "it"
    assert started.mentor.name in email.subject and "concluso" in email.subject
    assert reminders.tell_mentee_ended(started) is None


# To facilitators ---------------------------------------------------------------------------


@pytest.fixture
def facilitators(portal):
    italy = CountryFacilitatorFactory(country="IT", email="italia@example.org")
    greece = CountryFacilitatorFactory(country="GR", email="hellas@example.org")
    profile = UserProfile.get_for_user(greece)
    profile.preferred_language = "el"
    profile.save()
    return italy, greece


def test_facilitators_hear_of_their_countrys_mentors_waiting_once_until_a_new_one(facilitators):
    italy, greece = facilitators
    MentorProfileFactory(name="Giulia Russo", country="IT", approval=Approval.PENDING)
    MentorProfileFactory(name="Nikos Pappas", country="GR", approval=Approval.PENDING)

    run(MONDAY)
    run(MONDAY)

    it_email, gr_email = sent("mentoring_approvals_digest")
    assert it_email.to == [italy.email] and gr_email.to == [greece.email]
    assert "Giulia Russo" in it_email.body_text and "Nikos Pappas" not in it_email.body_text
    assert "Nikos Pappas" in gr_email.body_text and "Giulia Russo" not in gr_email.body_text
    assert gr_email.language == "el" and "Ελλάδα" in gr_email.body_text

    MentorProfileFactory(name="Marco Bianchi", country="IT", approval=Approval.PENDING)
    run(MONDAY + timedelta(days=1))
    assert [row.to for row in sent("mentoring_approvals_digest")][2:] == [[italy.email]]
    assert "Giulia Russo" in sent("mentoring_approvals_digest")[2].body_text


def test_a_profile_changed_after_approval_is_in_the_next_digest(facilitators):
    italy, _greece = facilitators
    approved = MentorProfileFactory(name="Sofia Greco", country="IT", keywords="hotels")
    MentorProfileFactory(name="Giulia Russo", country="IT", approval=Approval.PENDING)
    run(MONDAY)
    assert "Sofia Greco" not in sent("mentoring_approvals_digest")[0].body_text

    update_mentor(
        approved,
        {
            "profile": "Hotel manager; I train receptionists.",
            "link": "",
            "keywords": "hotels",
            "delivery": approved.delivery,
            "capacity": 1,
            "sectors": [],
            "languages": ["it"],
        },
    )
    run(MONDAY + timedelta(days=1))
    run(MONDAY + timedelta(days=2))
    emails = sent("mentoring_approvals_digest")
    assert [row.to for row in emails] == [[italy.email], [italy.email]]
    assert "Sofia Greco" in emails[1].body_text and "Giulia Russo" in emails[1].body_text


def test_on_mondays_facilitators_get_their_countrys_requests_unanswered_for_a_week(
    facilitators,
):
    italy, greece = facilitators
    waiting_request(MONDAY, 9, mentor=MentorProfileFactory(name="Giulia Russo", country="IT"))
    waiting_request(MONDAY, 3, mentor=MentorProfileFactory(name="Marco Bianchi", country="IT"))
    greek = MentorProfileFactory(name="Nikos Pappas", country="GR")
    waiting_request(MONDAY, 10, mentor=greek, mentee=MenteeFactory(country="GR"))

    run(MONDAY - timedelta(days=1))  # a Sunday
    assert sent("mentoring_requests_digest") == []
    run(MONDAY)
    run(MONDAY + timedelta(hours=3))

    it_email, gr_email = sent("mentoring_requests_digest")
    assert it_email.to == [italy.email] and "Giulia Russo" in it_email.body_text
    assert "Marco Bianchi" not in it_email.body_text  # three days only
    assert "Nikos Pappas" not in it_email.body_text
    assert gr_email.to == [greece.email] and "Nikos Pappas" in gr_email.body_text
    assert "Giulia Russo" not in gr_email.body_text and gr_email.language == "el"

    run(MONDAY + timedelta(days=7))
    assert len(sent("mentoring_requests_digest")) == 4


# Queries -----------------------------------------------------------------------------------


def queries_with(count):
    """The queries of a run finding `count` mentorships and requests none of which is due."""
    for index in range(count):
        started = mentorship(MONDAY, 20 + index)
        requests.log_session(started, timezone.localdate(MONDAY) - timedelta(days=1), 30, "online")
        waiting_request(MONDAY, 2)
        MentorProfileFactory(country="IT", approval=Approval.PENDING)
    run(MONDAY)  # the facilitators' lists, told once
    with CaptureQueriesContext(connection) as queries:
        run(MONDAY)
    return len(queries)


def test_the_queries_of_a_run_do_not_grow_with_the_number_of_mentorships(facilitators):
    few = queries_with(2)
    many = queries_with(12)
    assert many == few

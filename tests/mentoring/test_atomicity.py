"""A change of state and the emails that tell of it are written together: when queueing an
email fails, the change is undone, so that no one is left untold of an acceptance, a decline or
an end that the page shows as done (and the action can simply be tried again)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mentoring import links, mail, requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.models import MentoringRequest, Mentorship, MentorshipState, RequestState

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


class OutboxDown(Exception):
    pass


def broken(*args, **kwargs):
    raise OutboxDown


def test_an_acceptance_whose_email_fails_is_undone(client, monkeypatch):
    mentee, giulia = MenteeFactory(), MentorProfileFactory()
    asked = requests.send_request(mentee, giulia, "Hello")
    monkeypatch.setattr(mail, "send_accepted", broken)
    with pytest.raises(OutboxDown):
        client.post(reverse("mentoring_accept", args=[links.mentor_token(giulia), asked.pk]))
    asked.refresh_from_db()
    assert asked.state == RequestState.REQUESTED
    assert not Mentorship.objects.exists()


def test_a_decline_whose_email_fails_is_undone(client, monkeypatch):
    mentee, giulia = MenteeFactory(), MentorProfileFactory()
    asked = requests.send_request(mentee, giulia, "Hello")
    monkeypatch.setattr(mail, "send_declined", broken)
    with pytest.raises(OutboxDown):
        client.post(
            reverse("mentoring_decline", args=[links.mentor_token(giulia), asked.pk]),
            {f"decline-{asked.pk}-reason": "Away until March."},
        )
    asked.refresh_from_db()
    assert asked.state == RequestState.REQUESTED


def test_a_request_whose_email_to_the_mentor_fails_is_not_sent(client, monkeypatch):
    giulia = MentorProfileFactory(expertise=[])
    mentee = MenteeFactory(keywords="web design")
    giulia.keywords = "web design"
    giulia.save()
    from mentoring.registration import set_keywords  # the factory set them before the change

    set_keywords(giulia)
    monkeypatch.setattr(mail, "send_new_request", broken)
    with pytest.raises(OutboxDown):
        client.post(
            reverse("mentoring_mentee", args=[links.mentee_token(mentee)]),
            {"mentors": [giulia.pk], "message": "Hello"},
        )
    assert not MentoringRequest.objects.exists()


def test_an_end_whose_email_to_the_mentee_fails_is_undone(client, monkeypatch):
    mentee, giulia = MenteeFactory(), MentorProfileFactory()
    mentorship, _others = requests.accept(requests.send_request(mentee, giulia, "Hello"))
    monkeypatch.setattr(mail, "send_ended_to_mentee", broken)
    with pytest.raises(OutboxDown):
        client.post(
            reverse("mentoring_end", args=[links.mentor_token(giulia), mentorship.pk]),
            {f"end-{mentorship.pk}-completed": "on"},
        )
    mentorship.refresh_from_db()
    assert mentorship.state == MentorshipState.ACTIVE


def test_expiring_requests_whose_emails_fail_leaves_them_for_the_next_run(monkeypatch):
    # the command's own module, where it looks its email function up
    from mentoring.management.commands import expire_mentoring_requests as command

    mentee, giulia = MenteeFactory(), MentorProfileFactory()
    asked = requests.send_request(
        mentee, giulia, "Hello", now=timezone.now() - datetime.timedelta(days=15)
    )
    monkeypatch.setattr(command, "send_expired", broken)
    with pytest.raises(OutboxDown):
        call_command("expire_mentoring_requests", stdout=io.StringIO())
    asked.refresh_from_db()
    assert asked.state == RequestState.REQUESTED

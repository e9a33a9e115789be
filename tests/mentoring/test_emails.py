"""The emails that carry contact details and fresh proposals, each in its recipient's language."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mentoring import links, requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.models import RequestState
from tests.mentoring.linking import people_linked


def test_the_mentee_gets_one_email_naming_the_mentors_they_asked(client, digital, on_commit):
    mentee = MenteeFactory(
        first_name="Amal", email="amal@example.org", language="ar", expertise=[digital]
    )
    giulia = MentorProfileFactory(name="Giulia Russo", language="it", expertise=[digital])
    marco = MentorProfileFactory(name="Marco Bianchi", language="it", expertise=[digital])
    with on_commit():
        client.post(
            reverse("mentoring_mentee", args=[links.mentee_token(mentee)]),
            {"mentors": [giulia.pk, marco.pk], "message": "Hello"},
        )
    [summary] = [message for message in mail.outbox if message.to == ["amal@example.org"]]
    assert summary.subject == "أُرسلت طلبات الإرشاد الخاصة بك"
    assert "Giulia Russo" in summary.body and "Marco Bianchi" in summary.body
    assert people_linked(summary.body) == [mentee]


def test_the_mentor_who_accepts_gets_the_mentees_contact_in_their_language(
    client, digital, on_commit
):
    mentee = MenteeFactory(first_name="Amal", email="amal@example.org", language="ar")
    giulia = MentorProfileFactory(email="giulia@example.org", language="it")
    asked = requests.send_request(mentee, giulia, "Hello")
    with on_commit():
        client.post(reverse("mentoring_accept", args=[links.mentor_token(giulia), asked.pk]))
    [to_mentor] = [message for message in mail.outbox if message.to == ["giulia@example.org"]]
    assert to_mentor.subject == "Amal è il tuo mentee"
    assert "amal@example.org" in to_mentor.body


def decline(client, mentor, asked, reason):
    """The mentor declines from their page, saying why."""
    return client.post(
        reverse("mentoring_decline", args=[links.mentor_token(mentor), asked.pk]),
        {f"decline-{asked.pk}-reason": reason},
    )


def test_a_declined_mentee_reads_three_fresh_proposals_at_most(client, digital, on_commit):
    mentee = MenteeFactory(email="amal@example.org", language="el", expertise=[digital])
    giulia = MentorProfileFactory(name="Giulia Russo", expertise=[digital])
    others = [MentorProfileFactory(name=f"Mentor {n}", expertise=[digital]) for n in range(1, 5)]
    asked = requests.send_request(mentee, giulia, "Hello")
    with on_commit():
        decline(client, giulia, asked, "Away until March.")
    [declined] = mail.outbox
    assert declined.to == ["amal@example.org"]
    assert declined.subject == "Ο/Η Giulia Russo δεν μπορεί να γίνει μέντοράς σου"
    named = [mentor.name for mentor in others if mentor.name in declined.body]
    assert len(named) == 3
    assert "Giulia Russo" not in declined.body.split("Away until March.")[1]
    assert people_linked(declined.body) == [mentee]


def test_an_expired_request_tells_the_mentee_who_is_proposed_now(digital, on_commit):
    mentee = MenteeFactory(email="amal@example.org", language="it", expertise=[digital])
    giulia = MentorProfileFactory(name="Giulia Russo", expertise=[digital])
    MentorProfileFactory(name="Marco Bianchi", expertise=[digital])
    asked = requests.send_request(
        mentee, giulia, "Hello", now=timezone.now() - datetime.timedelta(days=15)
    )
    with on_commit():
        call_command("expire_mentoring_requests", stdout=io.StringIO())
    assert asked.__class__.objects.get(pk=asked.pk).state == RequestState.EXPIRED
    [expired] = [message for message in mail.outbox if message.to == ["amal@example.org"]]
    assert "Marco Bianchi" in expired.body
    assert expired.subject == "La tua richiesta a Giulia Russo è scaduta"


def test_with_no_one_else_to_propose_the_email_says_so_instead_of_an_empty_list(
    client, digital, on_commit
):
    mentee = MenteeFactory(email="amal@example.org", language="en", expertise=[digital])
    giulia = MentorProfileFactory(name="Giulia Russo", expertise=[digital])
    asked = requests.send_request(mentee, giulia, "Hello")
    with on_commit():
        decline(client, giulia, asked, "Away until March.")
    [declined] = mail.outbox
    after_reason = declined.body.split("Away until March.")[1]
    assert "No other mentor matches what you look for at the moment." in after_reason
    assert "\n- " not in after_reason  # no list of names, not even an empty one
    assert "Giulia Russo" not in after_reason

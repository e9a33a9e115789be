"""The mentor hears when the mentee ends their mentorship or deletes their data: by the
`mentoring_ended_mentor` email, in the mentor's language. A mentor who ends it themselves is
told nothing new, and a deletion with no active mentorship tells no one."""

import pytest
from django.urls import reverse

from emails.models import OutboxEmail
from mentoring import links, mail, requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.mail import send_accepted, send_new_request
from mentoring.models import Mentee, Mentorship, MentorshipState

from .linking import people_linked

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

KEY = "mentoring_ended_mentor"


def active_mentorship(language="en", first_name="Amal"):
    mentor = MentorProfileFactory(language=language)
    mentee = MenteeFactory(first_name=first_name)
    mentorship, _others = requests.accept(requests.send_request(mentee, mentor, "Hello"))
    send_new_request(mentorship.request)
    send_accepted(mentorship)
    return mentorship


def told():
    return list(OutboxEmail.objects.filter(template_key=KEY).order_by("pk"))


def test_the_mentee_ends_early_and_the_mentor_hears_why_in_their_language(
    client, on_commit, mailoutbox
):
    mentorship = active_mentorship("it")
    mentee, mentor = mentorship.mentee, mentorship.mentor
    url = reverse("mentoring_mentee_end", args=[links.mentee_token(mentee)])

    with on_commit():
        response = client.post(url, {"reason": "Ho trovato lavoro a Palermo."})

    assert response.status_code == 303
    [email] = told()
    assert email.to == [mentor.email] and email.language == "it"
    assert "Amal" in email.subject and "concluso" in email.subject
    assert "Ho trovato lavoro a Palermo." in email.body_text
    assert "Amal" in email.body_text and mentor.name in email.body_text
    assert people_linked(email.body_text) == [mentor]  # the link opens the mentor's page
    assert mentee.email not in email.body_text
    # It carries the mentee's data: deleting them deletes it.
    assert email.about == mail.about(mentee)
    assert [message.to for message in mailoutbox if message.subject == email.subject] == [
        [mentor.email]
    ]
    # Posting again ends nothing and tells no one twice.
    assert client.post(url, {"reason": "again"}).status_code == 404
    assert len(told()) == 1


def test_a_completed_mentorship_without_a_reason_reads_well(client):
    mentorship = active_mentorship("en")
    url = reverse("mentoring_mentee_end", args=[links.mentee_token(mentorship.mentee)])

    assert client.post(url, {"completed": "on"}).status_code == 303

    [email] = told()
    assert "They marked the mentorship as completed." in email.body_text
    assert "\n\n\n" not in email.body_text
    assert "{" not in email.subject + email.body_text


def test_the_mentee_deletes_their_data_and_the_mentor_still_hears_of_it(
    client, on_commit, mailoutbox
):
    mentorship = active_mentorship("el")
    mentee, mentor = mentorship.mentee, mentorship.mentor
    about = mail.about(mentee)
    assert OutboxEmail.objects.filter(about=about).count() >= 3

    with on_commit():
        response = client.post(
            reverse("mentoring_mentee_delete", args=[links.mentee_token(mentee)])
        )

    assert response.status_code == 200
    assert not Mentee.objects.filter(pk=mentee.pk).exists()
    [email] = told()
    assert email.to == [mentor.email] and email.language == "el"
    assert email.about == ""
    assert "Amal" in email.subject + email.body_text
    assert mentee.email not in email.body_text
    # No other email about the mentee is left.
    assert not OutboxEmail.objects.filter(about=about).exists()
    assert list(OutboxEmail.objects.values_list("template_key", flat=True)) == [KEY]
    assert [message.to for message in mailoutbox] == [[mentor.email]]


def test_a_deletion_whose_email_to_the_mentor_fails_is_undone(client, monkeypatch):
    mentorship = active_mentorship()

    def broken(*args, **kwargs):
        raise RuntimeError("the outbox is down")

    monkeypatch.setattr(mail, "send_ended_to_mentor", broken)
    with pytest.raises(RuntimeError):
        client.post(
            reverse("mentoring_mentee_delete", args=[links.mentee_token(mentorship.mentee)])
        )
    assert Mentorship.objects.filter(pk=mentorship.pk, state=MentorshipState.ACTIVE).exists()
    assert OutboxEmail.objects.filter(about=mail.about(mentorship.mentee)).exists()


def test_the_mentor_who_ends_it_gets_nothing_new(client):
    mentorship = active_mentorship()
    url = reverse("mentoring_end", args=[links.mentor_token(mentorship.mentor), mentorship.pk])

    assert client.post(url, {f"end-{mentorship.pk}-reason": "I moved abroad."}).status_code == 303

    assert told() == []
    assert OutboxEmail.objects.filter(template_key="mentoring_ended_mentee").count() == 1


def test_a_deletion_without_an_active_mentorship_tells_no_mentor(client):
    waiting = MenteeFactory()
    requests.send_request(waiting, MentorProfileFactory(), "Hello")
    ended = active_mentorship()
    requests.end(ended, "mentee", "I found a job.")
    alone = MenteeFactory()

    for mentee in (waiting, ended.mentee, alone):
        url = reverse("mentoring_mentee_delete", args=[links.mentee_token(mentee)])
        assert client.post(url).status_code == 200

    assert told() == []
    assert not Mentee.objects.exists()

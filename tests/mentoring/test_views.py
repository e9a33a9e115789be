"""The public pages of mentoring: registering as a mentor or a mentee, the mentee's proposals and
requests, the mentor's answer. Bad input gets form errors and stores nothing; a minor is sent to
an organisation; every page and action refuses another person's link or request."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from emails.models import OutboxEmail
from mentoring import links, requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.mail import send_accepted, send_mentor_link, send_new_request
from mentoring.models import (
    Approval,
    Mentee,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    RequestState,
)
from mentoring.proposals import proposals

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def mentee_data(digital, **changes):
    data = {
        "first_name": "Amal",
        "email": "Amal@Example.org",
        "age": "19",
        "country": "IT",
        "sectors": [str(digital.pk)],
        "keywords": "web design",
        "delivery": "both",
        "message": "I would like to work in web design.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


def mentor_data(digital, **changes):
    data = {
        "name": "Giulia Russo",
        "email": "giulia@example.org",
        "profile": "Web designer for fifteen years; I hire juniors.",
        "link": "",
        "sectors": [str(digital.pk)],
        "keywords": "web design, portfolio",
        "languages": ["it", "en"],
        "country": "IT",
        "city": "Palermo",
        "delivery": "both",
        "capacity": "2",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


def link_in(message):
    return re.search(r"https?://\S+/mentoring/\S+/", message.body).group(0)


def path_of(url):
    return url[url.index("/", len("https://")) :]


def test_a_mentee_registers_and_gets_their_link_by_email(client, digital, on_commit):
    with on_commit():
        response = client.post(reverse("mentoring_mentee_form"), mentee_data(digital))
    assert response.status_code == 303
    mentee = Mentee.objects.get()
    assert (mentee.email, mentee.age_confirmed, mentee.language) == ("amal@example.org", True, "en")
    assert mentee.consent_version and mentee.consent_at
    assert [message.to for message in mail.outbox] == [["amal@example.org"]]
    page = client.get(path_of(link_in(mail.outbox[0])))
    assert page.status_code == 200
    assert "Hello Amal" in page.content.decode()


@pytest.mark.parametrize(
    ("country", "age", "allowed"),
    [("IT", "13", False), ("IT", "14", True), ("GR", "14", False), ("GR", "15", True)],
)
def test_under_the_age_of_consent_a_mentee_is_sent_to_an_organisation(
    client, digital, country, age, allowed
):
    response = client.post(
        reverse("mentoring_mentee_form"), mentee_data(digital, country=country, age=age)
    )
    if allowed:
        assert response.status_code == 303
        assert Mentee.objects.count() == 1
    else:
        assert response.status_code == 400
        assert "ask an organisation" in response.content.decode()
        assert not Mentee.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"email": "not an address"},
        {"consent": ""},
        {"sectors": [], "keywords": ""},
        {"sectors": ["999999"]},
        {"country": "XX"},
        {"age": "old"},
        {"first_name": ""},
    ],
)
def test_a_mentee_form_with_mistakes_shows_them_and_stores_nothing(client, digital, changes):
    response = client.post(reverse("mentoring_mentee_form"), mentee_data(digital, **changes))
    assert response.status_code == 400
    assert 'class="field__error"' in response.content.decode()
    assert not Mentee.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "changes",
    [
        {"capacity": "6"},
        {"capacity": "0"},
        {"languages": []},
        {"link": "javascript:alert(1)"},
        {"profile": ""},
        {"sectors": []},
    ],
)
def test_a_mentor_form_with_mistakes_shows_them_and_stores_nothing(client, digital, changes):
    response = client.post(reverse("mentoring_mentor_form"), mentor_data(digital, **changes))
    assert response.status_code == 400
    assert not MentorProfile.objects.exists()


def test_a_robot_filling_the_hidden_field_stores_nothing(client, digital):
    response = client.post(
        reverse("mentoring_mentor_form"), mentor_data(digital, website="http://spam")
    )
    assert response.status_code == 400
    assert not MentorProfile.objects.exists()


def test_a_mentor_registers_waiting_for_approval_and_registering_again_changes_nothing(
    client, digital, on_commit
):
    with on_commit():
        client.post(reverse("mentoring_mentor_form"), mentor_data(digital))
        again = client.post(
            reverse("mentoring_mentor_form"), mentor_data(digital, name="Someone else")
        )
    assert again.status_code == 303
    mentor = MentorProfile.objects.get()
    assert (mentor.name, mentor.approval, mentor.capacity) == ("Giulia Russo", "pending", 2)
    assert sorted(mentor.languages.values_list("code", flat=True)) == ["en", "it"]
    assert sorted(mentor.words.values_list("word", flat=True)) == ["portfolio", "web design"]
    assert len(mail.outbox) == 2  # the link, twice, to the address's owner only
    assert {tuple(message.to) for message in mail.outbox} == {("giulia@example.org",)}
    page = client.get(path_of(link_in(mail.outbox[0]))).content.decode()
    assert "is reading your profile" in page


def test_the_forms_are_limited_per_connection(client, digital, settings):
    settings.PORTAL_MENTORING_RATE_LIMIT = 2
    for n in range(2):
        client.post(reverse("mentoring_mentee_form"), mentee_data(digital, email=f"a{n}@x.org"))
    response = client.post(reverse("mentoring_mentee_form"), mentee_data(digital))
    assert response.status_code == 429
    assert Mentee.objects.count() == 2


def test_the_full_flow_contact_details_appear_only_once_accepted(client, digital, on_commit):
    mentee = MenteeFactory(first_name="Amal", email="amal@example.org", expertise=[digital])
    giulia = MentorProfileFactory(
        name="Giulia", email="giulia@example.org", expertise=[digital], capacity=2
    )
    marco = MentorProfileFactory(name="Marco", email="marco@example.org", expertise=[digital])
    mentee_page = reverse("mentoring_mentee", args=[links.mentee_token(mentee)])

    page = client.get(mentee_page).content.decode()
    assert "Giulia" in page and "Marco" in page
    assert "giulia@example.org" not in page and "marco@example.org" not in page

    with on_commit():
        response = client.post(
            mentee_page, {"mentors": [giulia.pk, marco.pk], "message": "Please help me."}
        )
    assert response.status_code == 303
    assert sorted(message.to[0] for message in mail.outbox) == [
        "amal@example.org",  # one summary of the mentors asked
        "giulia@example.org",
        "marco@example.org",
    ]
    to = {message.to[0]: message for message in mail.outbox}
    assert "amal@example.org" not in to["giulia@example.org"].body
    assert "Giulia" in to["amal@example.org"].body and "Marco" in to["amal@example.org"].body

    giulia_page = reverse("mentoring_mentor", args=[links.mentor_token(giulia)])
    page = client.get(giulia_page).content.decode()
    assert "Please help me." in page and "amal@example.org" not in page

    asked = MentoringRequest.objects.get(mentor=giulia)
    mail.outbox.clear()
    with on_commit():
        client.post(reverse("mentoring_accept", args=[links.mentor_token(giulia), asked.pk]))
    assert "amal@example.org" in client.get(giulia_page).content.decode()
    assert "giulia@example.org" in client.get(mentee_page).content.decode()
    to = {message.to[0]: message for message in mail.outbox}
    assert "giulia@example.org" in to["amal@example.org"].body  # accepted, with the address
    assert "amal@example.org" in to["giulia@example.org"].body  # and the mentee's, to Giulia
    assert "marco@example.org" in to  # superseded
    assert MentoringRequest.objects.get(mentor=marco).state == RequestState.SUPERSEDED


def test_a_mentee_may_ask_only_mentors_proposed_to_them(client, digital):
    mentee = MenteeFactory(expertise=[digital])
    pending = MentorProfileFactory(expertise=[digital], approval=Approval.PENDING)
    page = reverse("mentoring_mentee", args=[links.mentee_token(mentee)])
    response = client.post(page, {"mentors": [pending.pk], "message": "Hello"})
    assert response.status_code == 400
    assert not MentoringRequest.objects.exists()


def test_a_mentee_asks_three_mentors_at_most_from_the_page(client, digital):
    mentee = MenteeFactory(expertise=[digital])
    mentors = MentorProfileFactory.create_batch(4, expertise=[digital])
    page = reverse("mentoring_mentee", args=[links.mentee_token(mentee)])
    response = client.post(page, {"mentors": [m.pk for m in mentors], "message": "Hello"})
    assert response.status_code == 400
    assert not MentoringRequest.objects.exists()


def test_a_mentee_withdraws_their_own_request_only(client, digital):
    mentee, other = MenteeFactory(), MenteeFactory()
    mentor = MentorProfileFactory()
    mine = requests.send_request(mentee, mentor)
    theirs = requests.send_request(other, mentor)
    token = links.mentee_token(mentee)

    response = client.post(reverse("mentoring_withdraw", args=[token, theirs.pk]))
    assert response.status_code == 404
    assert MentoringRequest.objects.get(pk=theirs.pk).state == RequestState.REQUESTED

    response = client.post(reverse("mentoring_withdraw", args=[token, mine.pk]))
    assert response.status_code == 303
    assert MentoringRequest.objects.get(pk=mine.pk).state == RequestState.WITHDRAWN


def test_a_mentor_answers_their_own_requests_only(client):
    mentee = MenteeFactory()
    mentor, other = MentorProfileFactory(), MentorProfileFactory()
    theirs = requests.send_request(mentee, other)
    token = links.mentor_token(mentor)

    assert client.post(reverse("mentoring_accept", args=[token, theirs.pk])).status_code == 404
    response = client.post(
        reverse("mentoring_decline", args=[token, theirs.pk]),
        {f"decline-{theirs.pk}-reason": "No"},
    )
    assert response.status_code == 404
    assert MentoringRequest.objects.get(pk=theirs.pk).state == RequestState.REQUESTED
    assert not Mentorship.objects.exists()


def test_a_decline_without_a_reason_is_a_form_error(client, on_commit):
    mentor = MentorProfileFactory()
    asked = requests.send_request(MenteeFactory(email="amal@example.org"), mentor)
    url = reverse("mentoring_decline", args=[links.mentor_token(mentor), asked.pk])
    response = client.post(url, {f"decline-{asked.pk}-reason": ""})
    assert response.status_code == 400
    assert "Please say briefly why you decline." in response.content.decode()
    assert MentoringRequest.objects.get(pk=asked.pk).state == RequestState.REQUESTED
    assert mail.outbox == []
    with on_commit():
        assert client.post(url, {f"decline-{asked.pk}-reason": "Away."}).status_code == 303
    assert MentoringRequest.objects.get(pk=asked.pk).state == RequestState.DECLINED
    [declined] = mail.outbox
    assert declined.to == ["amal@example.org"] and "Away." in declined.body


def test_a_link_changed_or_of_the_other_side_opens_nothing(client):
    mentee, mentor = MenteeFactory(), MentorProfileFactory()
    mentee_token, mentor_token = links.mentee_token(mentee), links.mentor_token(mentor)
    for url in (
        reverse("mentoring_mentee", args=[mentee_token[:-2] + "xx"]),
        reverse("mentoring_mentee", args=[mentor_token]),  # a mentor's link as a mentee's
        reverse("mentoring_mentor", args=[mentee_token]),
    ):
        assert client.get(url).status_code == 404
    mentee.delete()
    assert client.get(reverse("mentoring_mentee", args=[mentee_token])).status_code == 404


def test_the_forms_refuse_a_post_without_a_csrf_token(digital):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("mentoring_mentee_form"), mentee_data(digital))
    assert response.status_code == 403
    assert not Mentee.objects.exists()


def test_the_forms_and_pages_read_in_arabic_and_italian(client, digital):
    mentee = MenteeFactory(language="ar")
    assert client.get("/ar/mentoring/").status_code == 200
    assert client.get("/it/mentoring/become-a-mentor/").status_code == 200
    assert client.get(f"/ar/mentoring/me/{links.mentee_token(mentee)}/").status_code == 200


def active_mentorship(mentor=None, mentee=None):
    mentor = mentor or MentorProfileFactory()
    mentorship, _ = requests.accept(requests.send_request(mentee or MenteeFactory(), mentor))
    return mentorship


def test_a_mentor_logs_meetings_of_their_own_mentorships_only(client):
    mine = active_mentorship()
    theirs = active_mentorship()
    token = links.mentor_token(mine.mentor)
    meeting = {"date": "2026-12-01", "minutes": "45", "delivery": "online", "note": "CV"}
    meeting = {f"session-{mine.pk}-{name}": value for name, value in meeting.items()}

    url = reverse("mentoring_session", args=[token, theirs.pk])
    assert client.post(url, meeting).status_code == 404
    url = reverse("mentoring_session", args=[token, mine.pk])
    response = client.post(url, {**meeting, f"session-{mine.pk}-minutes": "0"})
    assert response.status_code == 400
    assert 'class="field__error"' in response.content.decode()
    assert client.post(url, meeting).status_code == 303

    assert mine.sessions.get().minutes == 45
    assert not theirs.sessions.exists()
    assert "CV" in client.get(reverse("mentoring_mentor", args=[token])).content.decode()


def test_either_side_ends_their_own_mentorship_early_only_with_a_reason(client):
    mine = active_mentorship()
    theirs = active_mentorship()
    mentor_token = links.mentor_token(mine.mentor)
    assert (
        client.post(reverse("mentoring_end", args=[mentor_token, theirs.pk]), {}).status_code == 404
    )
    url = reverse("mentoring_end", args=[mentor_token, mine.pk])
    response = client.post(url, {f"end-{mine.pk}-reason": ""})
    assert response.status_code == 400
    assert Mentorship.objects.get(pk=mine.pk).state == "active"

    mentee_end = reverse("mentoring_mentee_end", args=[links.mentee_token(theirs.mentee)])
    assert client.post(mentee_end, {"reason": "I found a job."}).status_code == 303
    ended = Mentorship.objects.get(pk=theirs.pk)
    assert (ended.state, ended.ended_by, ended.end_reason) == (
        "ended_early",
        "mentee",
        "I found a job.",
    )
    assert Mentorship.objects.get(pk=mine.pk).state == "active"
    # With nothing active left, the mentee's end address is a 404.
    assert client.post(mentee_end, {"reason": "again"}).status_code == 404


def test_a_mentor_pauses_and_is_proposed_to_no_one_until_they_come_back(client, digital):
    mentor = MentorProfileFactory(expertise=[digital])
    mentee = MenteeFactory(expertise=[digital])
    url = reverse("mentoring_pause", args=[links.mentor_token(mentor)])

    assert client.post(url, {"paused": "1"}).status_code == 303
    assert proposals(mentee) == []
    page = client.get(reverse("mentoring_mentor", args=[links.mentor_token(mentor)]))
    assert "You are paused" in page.content.decode()
    client.post(url, {"paused": "0"})
    assert proposals(mentee) == [mentor]
    # A mentee's link pauses nobody.
    changed = reverse("mentoring_pause", args=[links.mentee_token(mentee)])
    assert client.post(changed, {"paused": "1"}).status_code == 404


def test_a_mentee_deletes_their_data_and_their_link_stops_working(client):
    mentorship = active_mentorship()
    mentee, mentor = mentorship.mentee, mentorship.mentor
    requests.log_session(mentorship, "2026-12-01", 30, "online", "CV")
    other = MenteeFactory()
    send_new_request(requests.send_request(other, MentorProfileFactory(), "Hello"))
    send_new_request(mentorship.request)
    send_accepted(mentorship)
    token = links.mentee_token(mentee)
    mail_link = send_mentor_link(mentor)

    def outbox_with_their_data():
        return [
            row.template_key
            for row in OutboxEmail.objects.all()
            if mentee.email in row.to
            or mentee.email in row.body_text
            or mentee.first_name in row.body_text
        ]

    # The request, the acceptance to both: the outbox holds copies of what they wrote.
    assert {"mentoring_request", "mentoring_accepted", "mentoring_accepted_mentor"} <= set(
        outbox_with_their_data()
    )

    response = client.post(reverse("mentoring_mentee_delete", args=[token]))

    assert response.status_code == 200
    # Only their mentor's news of the deletion is left, with their first name alone.
    assert outbox_with_their_data() == ["mentoring_ended_mentor"]
    assert not OutboxEmail.objects.filter(body_text__contains=mentee.email).exists()
    # The emails about someone else stay.
    assert OutboxEmail.objects.filter(pk=mail_link.pk).exists()
    assert OutboxEmail.objects.filter(body_text__contains=other.first_name).exists()
    assert not Mentee.objects.filter(pk=mentee.pk).exists()
    assert not Mentorship.objects.exists()
    assert list(MentoringRequest.objects.values_list("mentee", flat=True)) == [other.pk]
    assert Mentee.objects.filter(pk=other.pk).exists()
    assert MentorProfile.objects.filter(pk=mentor.pk).exists()
    assert (
        mentee.email
        not in client.get(
            reverse("mentoring_mentor", args=[links.mentor_token(mentor)])
        ).content.decode()
    )
    assert client.get(reverse("mentoring_mentee", args=[token])).status_code == 404
    assert client.post(reverse("mentoring_mentee_delete", args=[token])).status_code == 404


def test_a_persons_own_pages_are_kept_out_of_search_engines(client):
    mentee, mentor = MenteeFactory(), MentorProfileFactory()
    for url in (
        reverse("mentoring_mentee", args=[links.mentee_token(mentee)]),
        reverse("mentoring_mentor", args=[links.mentor_token(mentor)]),
    ):
        response = client.get(url)
        assert '<meta name="robots" content="noindex">' in response.content.decode()
        assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_meeting_dated_in_the_future_is_a_form_error(client):
    """A mistyped year (2062 for 2026) would be the last meeting for decades: the reminders to
    log one would stop for good."""
    mine = active_mentorship()
    token = links.mentor_token(mine.mentor)
    url = reverse("mentoring_session", args=[token, mine.pk])
    meeting = {"minutes": "45", "delivery": "online", "note": ""}
    meeting = {f"session-{mine.pk}-{name}": value for name, value in meeting.items()}
    later = timezone.localdate() + datetime.timedelta(days=3)
    response = client.post(url, {**meeting, f"session-{mine.pk}-date": later.isoformat()})
    assert response.status_code == 400
    assert 'class="field__error"' in response.content.decode()
    assert not mine.sessions.exists()
    # Tomorrow here may be today where the mentor is.
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url, {**meeting, f"session-{mine.pk}-date": tomorrow.isoformat()})
    assert response.status_code == 303

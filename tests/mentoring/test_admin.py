"""Admin → Mentoring: mentors approved or rejected by the facilitators of their country, the
requests and mentorships of one's countries, their figures, the home panel and the menu."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from directory.factories import CentralStaffFactory, CountryFacilitatorFactory
from emails.models import OutboxEmail
from mentoring import requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.models import Approval, MentoringRequest
from tests.directory.organisations import refused, registered
from tests.helpers import reload, signed_in

pytestmark = pytest.mark.django_db

MENTORS = reverse("mentors:index")
REQUESTS = reverse("mentoring_requests:index")
MENTORSHIPS = reverse("mentorships:index")
FIGURES = reverse("mentoring_figures:index")


def not_found(response):
    """A 404. (An admin address that is not found is first sent to the site's /en/ one.)"""
    chain = getattr(response, "redirect_chain", [])
    return response.status_code == 404 and all(to.startswith("/en/") for to, _status in chain)


@pytest.fixture
def organisation_user(portal):
    user, _page, _account = registered("it")
    return signed_in(user)


def inspect(mentor):
    return reverse("mentors:inspect", args=[mentor.pk])


def approval(mentor):
    return reverse("mentors:approval", args=[mentor.pk])


@pytest.fixture
def italy(portal):
    return signed_in(CountryFacilitatorFactory(country="IT"))


@pytest.fixture
def staff(portal):
    return signed_in(CentralStaffFactory())


@pytest.fixture
def mentors(portal):
    return {
        "giulia": MentorProfileFactory(
            name="Giulia Russo", country="IT", approval=Approval.PENDING, language="it"
        ),
        "marco": MentorProfileFactory(name="Marco Conti", country="IT"),
        "eleni": MentorProfileFactory(name="Eleni Pappa", country="GR", approval=Approval.PENDING),
    }


def names(response):
    html = response.content.decode()
    return [name for name in ("Giulia Russo", "Marco Conti", "Eleni Pappa") if name in html]


def test_a_facilitator_lists_the_mentors_of_their_country_only(italy, mentors):
    response = italy.get(MENTORS)
    assert response.status_code == 200
    assert names(response) == ["Giulia Russo", "Marco Conti"]
    assert names(italy.get(MENTORS, {"approval": "pending"})) == ["Giulia Russo"]
    assert names(italy.get(MENTORS, {"q": "marco"})) == ["Marco Conti"]


def test_central_staff_list_every_country_and_filter_by_one(staff, mentors):
    assert names(staff.get(MENTORS)) == ["Giulia Russo", "Marco Conti", "Eleni Pappa"]
    assert names(staff.get(MENTORS, {"country": "GR"})) == ["Eleni Pappa"]


def test_a_mentors_detail_shows_the_profile_and_the_decision_form(italy, mentors):
    html = italy.get(inspect(mentors["giulia"])).content.decode()
    assert "Twenty years in recruitment." in html
    assert 'name="decision"' in html


def test_a_facilitator_approves_and_the_mentor_is_emailed(italy, mentors, on_commit):
    giulia = mentors["giulia"]
    with on_commit():
        response = italy.post(approval(giulia), {"decision": "approved"})
    assert response.status_code == 302
    assert reload(giulia).approval == Approval.APPROVED
    assert reload(giulia).approved_at is not None
    email = OutboxEmail.objects.get(template_key="mentoring_mentor_approved")
    assert email.to == [giulia.email]
    assert "approvato" in email.subject  # in the mentor's language
    assert [message.to for message in mail.outbox] == [[giulia.email]]


def test_a_rejection_says_why_to_the_mentor(italy, mentors, on_commit):
    giulia = mentors["giulia"]
    with on_commit():
        italy.post(approval(giulia), {"decision": "rejected", "reason": "Profilo troppo breve."})
    assert reload(giulia).approval == Approval.REJECTED
    email = OutboxEmail.objects.get(template_key="mentoring_mentor_rejected")
    assert "Profilo troppo breve." in email.body_text
    assert [message.to for message in mail.outbox] == [[giulia.email]]


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_rejection_without_a_reason_is_a_form_error(italy, mentors, reason):
    giulia = mentors["giulia"]
    response = italy.post(approval(giulia), {"decision": "rejected", "reason": reason})
    assert response.status_code == 400
    assert "Please say why the mentor is not approved." in response.content.decode()
    assert reload(giulia).approval == Approval.PENDING
    assert not OutboxEmail.objects.exists()


def test_a_decision_on_a_profile_changed_since_it_was_read_is_refused(italy, mentors, digital):
    """The facilitator decides on the text they read: a mentor who changed their profile after
    the detail was opened is not approved unread."""
    from mentoring.registration import update_mentor  # the mentor's own change, from their page

    giulia = mentors["giulia"]
    form = italy.get(inspect(giulia)).context["approval_form"]
    read = form["read"].value()
    assert read
    update_mentor(
        giulia,
        {
            "profile": "Now with my phone number: call me at night.",
            "link": "",
            "keywords": "",
            "delivery": "both",
            "capacity": 1,
            "sectors": [digital],
            "languages": ["it"],
        },
        now=timezone.now() + timedelta(seconds=1),
    )
    response = italy.post(approval(giulia), {"decision": "approved", "read": read})
    assert response.status_code == 400
    assert reload(giulia).approval == Approval.PENDING
    assert not OutboxEmail.objects.exists()
    # Read again, it is decided.
    read = italy.get(inspect(giulia)).context["approval_form"]["read"].value()
    assert italy.post(approval(giulia), {"decision": "approved", "read": read}).status_code == 302
    assert reload(giulia).approval == Approval.APPROVED


def test_a_decision_that_is_neither_is_a_form_error(italy, mentors):
    response = italy.post(approval(mentors["giulia"]), {"decision": "maybe"})
    assert response.status_code == 400
    assert reload(mentors["giulia"]).approval == Approval.PENDING


def test_approval_is_post_only(italy, mentors):
    assert italy.get(approval(mentors["giulia"])).status_code == 405


def test_a_facilitator_of_italy_can_neither_see_nor_approve_a_greek_mentor(italy, mentors):
    eleni = mentors["eleni"]
    assert not_found(italy.get(inspect(eleni), follow=True))
    assert not_found(italy.post(approval(eleni), {"decision": "approved"}, follow=True))
    assert reload(eleni).approval == Approval.PENDING
    assert not OutboxEmail.objects.exists()


@pytest.mark.parametrize("url", [MENTORS, REQUESTS, MENTORSHIPS, FIGURES])
def test_organisation_users_are_refused_every_screen(organisation_user, url):
    assert refused(organisation_user.get(url))


def test_organisation_users_cannot_approve_by_direct_url(organisation_user, mentors):
    giulia = mentors["giulia"]
    for response in (
        organisation_user.get(inspect(giulia), follow=True),
        organisation_user.post(approval(giulia), {"decision": "approved"}, follow=True),
    ):
        assert refused(response) or not_found(response)
    assert reload(giulia).approval == Approval.PENDING


@pytest.mark.parametrize("url", [MENTORS, REQUESTS, MENTORSHIPS, FIGURES])
def test_anonymous_visitors_are_sent_to_sign_in(client, portal, url):
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


@pytest.fixture
def history(mentors):
    """In Italy: a request accepted after two days, one declined after four, one waiting;
    in Greece: one waiting."""
    marco = mentors["marco"]
    marco.capacity = 3
    marco.save()
    eleni = mentors["eleni"]
    requests.set_approval(eleni, Approval.APPROVED)
    now = timezone.now()
    sent = now - timedelta(days=5)
    amal = MenteeFactory(first_name="Amal", email="amal@example.org")
    accepted = requests.send_request(amal, marco, now=sent)
    requests.accept(accepted, now=sent + timedelta(days=2))
    declined = requests.send_request(MenteeFactory(first_name="Bruno"), marco, now=sent)
    requests.decline(declined, "Away", now=sent + timedelta(days=4))
    requests.send_request(MenteeFactory(first_name="Chiara"), marco, now=now)
    requests.send_request(MenteeFactory(first_name="Dimitra", country="GR"), eleni, now=now)
    return now


def test_requests_of_ones_country_without_the_mentees_address(italy, history):
    html = italy.get(REQUESTS).content.decode()
    assert all(name in html for name in ("Amal", "Bruno", "Chiara"))
    assert "Dimitra" not in html
    assert "amal@example.org" not in html
    waiting = italy.get(REQUESTS, {"state": "requested"}).content.decode()
    assert "Chiara" in waiting and "Bruno" not in waiting


def test_a_requests_detail_shows_first_name_and_country_only(italy, history):
    row = MentoringRequest.objects.get(mentee__first_name="Amal")
    html = italy.get(reverse("mentoring_requests:inspect", args=[row.pk])).content.decode()
    assert "Amal (Italy)" in html
    assert "amal@example.org" not in html
    greek = MentoringRequest.objects.get(mentee__first_name="Dimitra")
    assert not_found(italy.get(reverse("mentoring_requests:inspect", args=[greek.pk]), follow=True))


def test_mentorships_of_ones_country(italy, history):
    html = italy.get(MENTORSHIPS).content.decode()
    assert "Amal" in html and "amal@example.org" not in html


def test_the_figures_count_each_month(staff, italy, history):
    response = italy.get(FIGURES)
    assert response.status_code == 200
    rows = response.context["figures"]
    assert sum(row["sent"] for row in rows) == 3  # Italy's only
    assert sum(row["accepted"] for row in rows) == 1
    assert sum(row["declined"] for row in rows) == 1
    assert sum(row["started"] for row in rows) == 1
    waits = [row["median_days"] for row in rows if row["median_days"] is not None]
    assert waits == [3.0] or sorted(waits) == [2.0, 4.0]  # one month, or two
    assert sum(row["sent"] for row in staff.get(FIGURES).context["figures"]) == 4


def test_the_home_panel_counts_the_mentors_waiting_in_ones_country(italy, mentors):
    html = italy.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 mentor waits for your approval." in html
    assert f"{MENTORS}?approval=pending" in html


def test_the_mentoring_menu_is_for_staff_and_facilitators_only(italy, staff, organisation_user):
    member = organisation_user
    home = reverse("wagtailadmin_home")
    assert '"mentoring"' in italy.get(home).content.decode()
    assert '"mentoring"' in staff.get(home).content.decode()
    assert '"mentoring"' not in member.get(home).content.decode()


@pytest.mark.parametrize("query", [{"approval": "maybe"}, {"country": "GR"}, {"country": "XX"}])
def test_a_filter_outside_the_choices_shows_no_other_country(italy, mentors, query):
    response = italy.get(MENTORS, query)
    assert response.status_code in (200, 400)
    assert "Eleni Pappa" not in response.content.decode()


def test_the_decision_form_speaks_the_facilitators_language():
    """The choice's words are read when the form is shown, not when the portal starts."""
    from django.utils import translation

    from mentoring.admin import ApprovalForm

    with translation.override("it"):
        labels = [str(label) for _value, label in ApprovalForm().fields["decision"].choices]
    assert labels[1] == "Rifiuta"

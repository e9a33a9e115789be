"""A user of an organisation registers as a mentor from their account (Admin → Be a mentor):
their name and their organisation's country and city filled in, the account's address used;
the profile waits for a facilitator like any other, and the screen then opens their mentoring
page. Facilitators and strangers are refused by direct address; bad input stores nothing."""

import pytest
from django.core import mail
from django.urls import reverse

from directory.factories import CountryFacilitatorFactory
from emails.models import OutboxEmail
from mentoring.factories import MentorProfileFactory
from mentoring.models import Approval, MentorProfile
from mentoring.requests import set_approval
from tests.directory.organisations import refused, registered
from tests.helpers import signed_in
from tests.mentoring.linking import people_linked

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

URL = "/admin/mentoring_account/"


@pytest.fixture
def giulia(portal):
    """Giulia Rossi of Cooperativa Il Ponte (Palermo, Italy), signed in."""
    user, _page, _account = registered("it")
    return user, signed_in(user)


def data(digital, **changes):
    values = {
        "name": "Giulia Rossi",
        "profile": "Twelve years placing young people in social cooperatives.",
        "link": "",
        "sectors": [str(digital.pk)],
        "keywords": "Cooperatives, interviews",
        "languages": ["it", "en"],
        "country": "IT",
        "city": "Palermo",
        "delivery": "both",
        "capacity": "2",
        "consent": "on",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def test_the_menu_leads_to_a_form_filled_in_from_the_account(giulia, digital):
    user, client = giulia
    assert reverse("mentoring_account") == URL
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Be a mentor" in home and URL in home
    response = client.get(URL)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["name"].value() == "Giulia Rossi"
    assert form["country"].value() == "IT"
    assert form["city"].value() == "Palermo"
    assert "email" not in form.fields
    assert user.email in response.content.decode()


def test_a_user_registers_and_waits_for_a_facilitator(giulia, digital, on_commit):
    user, client = giulia
    with on_commit():
        response = client.post(URL, data(digital))
    assert response.status_code == 302 and response["Location"] == URL
    mentor = MentorProfile.objects.get()
    assert (mentor.user, mentor.email, mentor.approval) == (user, user.email, Approval.PENDING)
    assert (mentor.name, mentor.keywords, mentor.capacity) == (
        "Giulia Rossi",
        "cooperatives, interviews",
        2,
    )
    assert mentor.consent_at is not None
    [email] = mail.outbox
    assert email.to == [user.email]
    assert OutboxEmail.objects.get().template_key == "mentoring_mentor_link"
    assert people_linked(email.body) == [mentor]

    # The screen now says where the profile stands and opens the same page as the email.
    screen = client.get(URL)
    text = screen.content.decode()
    assert "waits for a facilitator of your country" in text
    assert people_linked(text) == [mentor]
    assert "form" not in screen.context

    set_approval(mentor, Approval.APPROVED)
    assert "proposes you to young people" in client.get(URL).content.decode()


def test_a_mentor_of_the_public_form_with_the_same_address_gets_the_link_by_email(
    giulia, on_commit
):
    """An account's address is not proven (a user may write any in their account): a profile
    that only shares it is not opened on the screen, nor tied to the account; its link goes to
    that address, where only its owner reads it."""
    user, client = giulia
    mentor = MentorProfileFactory(email=user.email, name="Giulia R.")
    response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert not people_linked(text)
    assert "Send for approval" not in text
    mentor.refresh_from_db()
    assert mentor.user is None
    assert not mail.outbox
    # Asked for, the link goes to the profile's address; nothing more is registered.
    with on_commit():
        response = client.post(URL, {"name": "Someone else"})
    assert response.status_code == 302 and response["Location"] == URL
    [email] = mail.outbox
    assert email.to == [mentor.email]
    assert mentor in people_linked(email.body)
    assert MentorProfile.objects.count() == 1
    mentor.refresh_from_db()
    assert (mentor.user, mentor.name) == (None, "Giulia R.")


def test_an_account_given_a_mentors_address_does_not_open_their_page(portal, on_commit):
    """A user who writes someone else's address into their account reaches neither that
    mentor's page nor their mentees' addresses."""
    victim = MentorProfileFactory(email="mentor.victim@example.org", name="Victim")
    user, _page, _account = registered("it")
    user.email = "Mentor.Victim@example.org"
    user.save(update_fields=["email"])
    client = signed_in(user)
    text = client.get(URL).content.decode()
    assert not people_linked(text)
    with on_commit():
        client.post(URL, {})
    victim.refresh_from_db()
    assert victim.user is None
    assert all(email.to == ["mentor.victim@example.org"] for email in mail.outbox)
    assert not people_linked(client.get(URL).content.decode())


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"profile": ""}, "profile"),
        ({"sectors": []}, "sectors"),
        ({"languages": []}, "languages"),
        ({"country": "XX"}, "country"),
        ({"capacity": "9"}, "capacity"),
        ({"link": "not a link"}, "link"),
        ({"consent": None}, "consent"),
    ],
)
def test_bad_input_gets_a_form_error_and_nothing_is_saved(giulia, digital, changes, field):
    _user, client = giulia
    response = client.post(URL, data(digital, **changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not MentorProfile.objects.exists()
    assert not mail.outbox


def test_an_account_without_an_address_is_asked_for_one_first(giulia, digital):
    user, client = giulia
    user.email = ""
    user.save(update_fields=["email"])
    page = client.get(URL)
    assert reverse("wagtailadmin_account") in page.content.decode()
    assert "Send for approval" not in page.content.decode()
    response = client.post(URL, data(digital))
    assert response.status_code == 400
    assert not MentorProfile.objects.exists()


def test_facilitators_and_strangers_are_refused_by_direct_address(client, portal, digital):
    assert refused(client.get(URL))  # to the login
    assert refused(client.post(URL, data(digital)))
    facilitator = signed_in(CountryFacilitatorFactory(country="IT"))
    assert refused(facilitator.get(URL))
    assert refused(facilitator.post(URL, data(digital)))
    assert "Be a mentor" not in facilitator.get(reverse("wagtailadmin_home")).content.decode()
    assert not MentorProfile.objects.exists()

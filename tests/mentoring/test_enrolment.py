"""An organisation enrols a young person in mentoring: below the age of digital consent of their
country only here, with a parent's or guardian's consent; the young person is emailed their link.
Other organisations, facilitators and strangers are refused by direct address; bad input gets
form errors and stores nothing."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from directory.factories import CountryFacilitatorFactory
from mentoring.forms import CONSENT_VERSION
from mentoring.models import Mentee
from tests.directory.organisations import refused, registered
from tests.helpers import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def ponte(portal):
    """Cooperativa Il Ponte (Italy) and its signed-in user."""
    user, page, _account = registered("it")
    return signed_in(user), page


def enrol_url(page):
    return reverse("mentoring_enrol", args=[page.translation_key])


def data(digital, **changes):
    values = {
        "first_name": "Sara",
        "email": "Sara@Example.org",
        "country": "IT",
        "language": "it",
        "birth_date": "",
        "age": "13",
        "sectors": [str(digital.pk)],
        "keywords": "cv, web design",
        "delivery": "online",
        "message": "Sara would like to learn web design.",
        "guardian_consent": "on",
        "guardian_name": "Lucia Bianchi",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def link_in(message):
    return re.search(r"https?://\S+/mentoring/me/\S+/", message.body).group(0)


def test_the_menu_leads_an_organisations_user_to_the_form(ponte):
    client, page = ponte
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Enrol in mentoring" in home
    response = client.get(reverse("mentoring_enrol_index"), follow=True)
    assert response.redirect_chain[-1][0] == enrol_url(page)
    html = response.content.decode()
    assert "Enrol a young person in mentoring" in html
    assert "(14 in your organisation's country)" in html
    assert 'value="IT" selected' in html  # the organisation's country, to start with


def test_an_organisation_enrols_a_minor_with_their_guardians_consent(ponte, digital, on_commit):
    client, page = ponte
    before = timezone.now()
    with on_commit():
        response = client.post(enrol_url(page), data(digital), follow=True)
    assert response.redirect_chain == [(enrol_url(page), 302)]  # a new, empty form
    assert "Sara is enrolled" in response.content.decode()
    mentee = Mentee.objects.get()
    assert mentee.enrolled_by_key == page.translation_key
    assert (mentee.first_name, mentee.email, mentee.language) == ("Sara", "sara@example.org", "it")
    assert (mentee.guardian_consent, mentee.guardian_name) == (True, "Lucia Bianchi")
    assert mentee.age_confirmed is False  # 13: below Italy's 14
    assert mentee.consent_version == CONSENT_VERSION and mentee.consent_at >= before
    assert list(mentee.expertise.all()) == [digital]
    assert mentee.keywords == "cv, web design"
    # The young person gets the link to their page, in their language.
    assert [message.to for message in mail.outbox] == [["sara@example.org"]]
    page_url = link_in(mail.outbox[0])
    reached = client.get(page_url[page_url.index("/", len("https://")) :])
    assert reached.status_code == 200
    assert "Sara" in reached.content.decode()


def test_the_public_form_still_refuses_the_same_minor(client, digital):
    response = client.post(
        reverse("mentoring_mentee_form"),
        {
            "first_name": "Sara",
            "email": "sara@example.org",
            "age": "13",
            "country": "IT",
            "sectors": [str(digital.pk)],
            "keywords": "cv",
            "delivery": "both",
            "message": "",
            "consent": "on",
            "website": "",
        },
    )
    assert response.status_code == 400
    assert not Mentee.objects.exists()


def test_a_date_of_birth_counts_the_age_on_the_day(ponte, digital, on_commit):
    client, page = ponte
    today = timezone.localdate()
    birthday = datetime.date(today.year - 14, today.month, min(today.day, 28))
    no_guardian = {"age": "", "guardian_consent": "", "guardian_name": ""}
    # Fourteen tomorrow: 13 today, below Italy's age of consent.
    tomorrow = birthday + datetime.timedelta(days=1)
    response = client.post(
        enrol_url(page), data(digital, birth_date=tomorrow.isoformat(), **no_guardian)
    )
    assert response.status_code == 400
    assert "guardian_consent" in response.context["form"].errors
    # Fourteen today (or a few days ago, at the end of a month): may consent themself.
    with on_commit():
        response = client.post(
            enrol_url(page), data(digital, birth_date=birthday.isoformat(), **no_guardian)
        )
    assert response.status_code == 302
    mentee = Mentee.objects.get()
    assert (mentee.age_confirmed, mentee.guardian_consent) == (True, False)
    assert mentee.enrolled_by_key == page.translation_key


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"guardian_consent": ""}, "guardian_consent", "needs the consent of a parent"),
        ({"guardian_name": " "}, "guardian_name", "parent's or guardian's name"),
        ({"country": "GR", "age": "14", "guardian_consent": ""}, "guardian_consent", "under 15"),
        ({"age": "", "birth_date": ""}, "age", "date of birth or their age"),
        ({"birth_date": "2999-01-01"}, "birth_date", "it is not past"),
        ({"birth_date": "not a date"}, "birth_date", "valid date"),
        ({"email": "not an address"}, "email", "valid email address"),
        ({"first_name": ""}, "first_name", "required"),
        ({"country": "XX"}, "country", "valid choice"),
        ({"language": "fr"}, "language", "valid choice"),
        ({"sectors": [], "keywords": ""}, "sectors", "sector or write a keyword"),
        ({"sectors": ["999999"]}, "sectors", "valid choice"),
        ({"age": "abc"}, "age", "whole number"),
        ({"message": "x" * 1001}, "message", "at most 1000"),
    ],
)
def test_bad_input_gets_a_form_error_and_nothing_is_saved(ponte, digital, changes, field, error):
    client, page = ponte
    response = client.post(enrol_url(page), data(digital, **changes))
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    assert error in " ".join(form.errors[field])
    assert not Mentee.objects.exists()
    assert not mail.outbox


def test_another_organisation_is_refused_by_direct_address(portal, ponte, digital):
    _client, page = ponte
    other, _other_page, _account = registered("gr", "info@kyklos.example.org", "Kyklos")
    client = signed_in(other)
    assert refused(client.get(enrol_url(page)))
    assert refused(client.post(enrol_url(page), data(digital)))
    assert not Mentee.objects.exists()


def test_a_facilitator_and_a_stranger_are_refused(client, portal, ponte, digital):
    _client, page = ponte
    assert refused(client.post(enrol_url(page), data(digital)))  # to the login
    assert refused(client.get(reverse("mentoring_enrol_index")))
    facilitator = signed_in(CountryFacilitatorFactory(country="IT"))
    assert refused(facilitator.get(enrol_url(page)))
    assert refused(facilitator.post(enrol_url(page), data(digital)))
    assert refused(facilitator.get(reverse("mentoring_enrol_index")))
    home = facilitator.get(reverse("wagtailadmin_home")).content.decode()
    assert "Enrol in mentoring" not in home
    assert not Mentee.objects.exists()


def test_an_organisation_that_does_not_exist_is_refused(ponte):
    client, _page = ponte
    response = client.get(reverse("mentoring_enrol", args=["00000000-0000-0000-0000-000000000000"]))
    assert refused(response)

"""Mentoring's figures per country in the facilitators' panel and monitoring report: approved
mentors, mentees, requests waiting, active and completed mentorships, each in its country; the
young people each organisation enrolled. A facilitator gets their countries' only; the cost does
not grow with the number of mentors and mentees."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.factories import CentralStaffFactory, CountryFacilitatorFactory
from mentoring.country_figures import MentoringFigures
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.models import (
    Approval,
    MentoringRequest,
    Mentorship,
    MentorshipState,
    RequestState,
)
from tests.directory.figures import panel_rows, queries, report, sheet
from tests.directory.organisations import refused, registered

pytestmark = pytest.mark.django_db


def request(mentor, mentee, state=RequestState.REQUESTED):
    return MentoringRequest.objects.create(
        mentor=mentor, mentee=mentee, state=state, created_at=timezone.now()
    )


def mentorship(mentor, mentee, state=MentorshipState.ACTIVE):
    return Mentorship.objects.create(
        request=request(mentor, mentee, RequestState.ACCEPTED),
        mentor=mentor,
        mentee=mentee,
        state=state,
        started_at=timezone.now(),
    )


@pytest.fixture
def world(portal):
    """Italy: two approved mentors and one waiting, four mentees (one enrolled by Il Ponte), one
    active, one completed and one ended-early mentorship, two requests waiting (one to a Greek
    mentor), a declined one. Greece: one approved mentor, a rejected one, one mentee, one
    request waiting (to an Italian mentor)."""
    _user, ponte, _account = registered("it")
    giulia = MentorProfileFactory(country="IT")
    marco = MentorProfileFactory(country="IT", capacity=3)
    MentorProfileFactory(country="IT", approval=Approval.PENDING)
    eleni = MentorProfileFactory(country="GR")
    MentorProfileFactory(country="GR", approval=Approval.REJECTED)
    amal, sara, luca, omar = (MenteeFactory(country="IT") for _ in range(4))
    sara.age_confirmed, sara.enrolled_by_key, sara.guardian_consent = (
        False,
        ponte.translation_key,
        True,
    )
    sara.save()
    nikos = MenteeFactory(country="GR")
    mentorship(marco, amal)
    mentorship(marco, sara, MentorshipState.COMPLETED)
    mentorship(giulia, luca, MentorshipState.ENDED_EARLY)
    request(giulia, omar)
    request(eleni, sara)
    request(eleni, omar, RequestState.DECLINED)
    request(giulia, nikos)
    return {"ponte": ponte}


ITALY = {"mentors": 2, "mentees": 4, "open_requests": 2, "active": 1, "completed": 1}
GREECE = {"mentors": 1, "mentees": 1, "open_requests": 1, "active": 0, "completed": 0}


def test_figures_per_country(world):
    figures = MentoringFigures().by_country(["IT", "GR", "FR", ""])
    assert figures["IT"] == ITALY
    assert figures["GR"] == GREECE
    nothing = {"mentors": 0, "mentees": 0, "open_requests": 0, "active": 0, "completed": 0}
    assert figures["FR"] == figures[""] == nothing
    assert MentoringFigures().by_country(["GR"]) == {"GR": GREECE}


def test_central_staff_see_every_countrys_mentoring_on_the_panel(client, world):
    client.force_login(CentralStaffFactory())
    rows = panel_rows(client.get(reverse("wagtailadmin_home")).content.decode(), "Mentoring")
    assert rows["Italy"] == ["2", "4", "2", "1", "1"]
    assert rows["Greece"] == ["1", "1", "1", "0", "0"]


def test_a_facilitator_of_italy_sees_only_italy(client, world, portal):
    client.force_login(CountryFacilitatorFactory(country=portal.countries["IT"]))
    rows = panel_rows(client.get(reverse("wagtailadmin_home")).content.decode(), "Mentoring")
    assert rows == {"Italy": ["2", "4", "2", "1", "1"]}


def test_the_excel_report_has_mentoring_per_country(client, world):
    header, rows = sheet(report(client, CentralStaffFactory(), "xlsx"), "Mentoring")
    assert header == [
        "Country",
        "Approved mentors",
        "Mentees",
        "Requests waiting for an answer",
        "Active mentorships",
        "Completed mentorships",
    ]
    assert rows["Italy"] == [2, 4, 2, 1, 1]
    assert rows["Greece"] == [1, 1, 1, 0, 0]


def test_a_facilitator_of_italy_never_gets_greeces_mentoring_by_url(client, world, portal):
    lucia = CountryFacilitatorFactory(country=portal.countries["IT"])
    for query in ({}, {"country": "GR"}):
        _header, rows = sheet(report(client, lucia, "xlsx", **query), "Mentoring")
        assert list(rows) == ["Italy"]


def test_the_report_counts_the_young_people_each_organisation_enrolled(client, world):
    response = report(client, CentralStaffFactory(), "csv")
    rows = {
        row["Organisation"]: row
        for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    }
    assert rows["Cooperativa Il Ponte"]["Young people enrolled in mentoring"] == "1"


def test_an_organisation_gets_no_mentoring_figures(client, world):
    user, _page, _account = registered("gr", "info@kyklos.example.org", "Kyklos")
    client.force_login(user)
    assert "Mentoring by country" not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(reverse("facilitation_report", args=["xlsx"]), {"country": "GR"})
    assert refused(response)


def many(count, start=0):
    """`count` mentors and mentees in Italy and Greece, each pair in a mentorship, and as many
    requests waiting."""
    for n in range(start, start + count):
        country = "IT" if n % 2 else "GR"
        mentor = MentorProfileFactory(country=country, capacity=2)
        mentorship(mentor, MenteeFactory(country=country))
        request(mentor, MenteeFactory(country=country))


def test_the_panel_and_report_cost_the_same_queries_for_few_and_many_mentors(client, portal):
    client.force_login(CentralStaffFactory())
    report_url = reverse("facilitation_report", args=["xlsx"])
    home = reverse("wagtailadmin_home")
    many(4)
    small = queries(client, home), queries(client, report_url, attention="all")
    many(40, start=4)
    large = queries(client, home), queries(client, report_url, attention="all")
    assert small == large

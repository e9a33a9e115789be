"""The mentee's page and the mentor's page cost a fixed number of queries, whatever the number
of mentors proposed or of requests and mentorships listed."""

import pytest
from django.urls import reverse

from directory.factories import CountryFacilitatorFactory, ExpertiseCategoryFactory
from mentoring import links, requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from tests.helpers import count_queries, signed_in

pytestmark = pytest.mark.django_db


def test_the_mentees_page_costs_the_same_with_2_or_10_mentors_proposed(client, portal):
    sector = ExpertiseCategoryFactory(name="Digital skills", slug="digital-skills")
    mentee = MenteeFactory(expertise=[sector], keywords="cv")
    url = reverse("mentoring_mentee", args=[links.mentee_token(mentee)])

    MentorProfileFactory.create_batch(2, expertise=[sector], keywords="cv")
    few, response = count_queries(client, url)
    assert response.content.decode().count('name="mentors"') == 2
    MentorProfileFactory.create_batch(8, expertise=[sector], keywords="cv, web", spoken=["it"])
    many, response = count_queries(client, url)
    assert response.content.decode().count('name="mentors"') == 10
    assert few == many


def test_the_mentors_page_costs_the_same_with_1_or_4_mentees(client, portal):
    mentor = MentorProfileFactory(capacity=5)
    url = reverse("mentoring_mentor", args=[links.mentor_token(mentor)])

    def add(count):
        for _ in range(count):
            mentorship, _ = requests.accept(requests.send_request(MenteeFactory(), mentor))
            requests.log_session(mentorship, "2026-12-01", 30, "online")
            requests.send_request(MenteeFactory(), mentor)

    add(1)
    few, _response = count_queries(client, url)
    add(3)
    many, response = count_queries(client, url)
    assert response.content.decode().count('class="mentorship"') == 4
    assert few == many


def _history(country, count):
    """`count` requests to one mentor of `country`: one accepted, the others declined."""
    mentor = MentorProfileFactory(country=country, capacity=5)
    for index in range(count):
        mentoring_request = requests.send_request(MenteeFactory(country=country), mentor)
        if index == 0:
            requests.accept(mentoring_request)
        else:
            requests.decline(mentoring_request, "Away")


@pytest.mark.parametrize(
    "url_name",
    ["mentors:index", "mentoring_requests:index", "mentorships:index", "mentoring_figures:index"],
)
def test_the_mentoring_admin_costs_the_same_with_2_or_12_requests(portal, url_name):
    browser = signed_in(CountryFacilitatorFactory(country="IT"))
    url = reverse(url_name)
    _history("IT", 2)
    MentorProfileFactory(country="IT", approval="pending")
    few, _response = count_queries(browser, url)
    _history("IT", 10)
    _history("GR", 3)
    MentorProfileFactory.create_batch(3, country="IT", approval="pending")
    many, _response = count_queries(browser, url)
    assert few == many

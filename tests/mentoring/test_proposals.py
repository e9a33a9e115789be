"""The mentors proposed to a mentee: only those who may take them, best matched first, in a
number of queries that does not grow with the number of mentors."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from directory.factories import ExpertiseCategoryFactory
from mentoring import requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.models import Approval, Delivery
from mentoring.proposals import proposals

pytestmark = pytest.mark.django_db


@pytest.fixture
def sectors(portal):
    """Digital skills and Hospitality, in English and (digital skills) in Italian."""
    digital = ExpertiseCategoryFactory(name="Digital skills", slug="digital-skills")
    hospitality = ExpertiseCategoryFactory(name="Hospitality", slug="hospitality")
    digitale = digital.copy_for_translation(Locale.objects.get(language_code="it"))
    digitale.name = "Competenze digitali"
    digitale.save()
    return {"digital": digital, "hospitality": hospitality, "digitale": digitale}


def names(mentors):
    return [mentor.name for mentor in mentors]


def test_mentors_are_ranked_by_sectors_keywords_language_country_and_meeting(sectors):
    mentee = MenteeFactory(
        country="IT",
        language="ar",
        keywords="web design, cv",
        delivery=Delivery.ONLINE,
        expertise=[sectors["digital"]],
    )
    # Sector (in Italian: the same sector) + keyword + Arabic + Italy + online: the best.
    MentorProfileFactory(
        name="Best",
        expertise=[sectors["digitale"]],
        keywords="Web design",
        spoken=["ar", "it"],
        delivery=Delivery.BOTH,
    )
    # The same sector and Arabic, but in Greece.
    MentorProfileFactory(name="Greek", expertise=[sectors["digital"]], spoken=["ar"], country="GR")
    # The same sector, Italy, but neither keyword nor Arabic.
    MentorProfileFactory(name="Plain", expertise=[sectors["digital"]], spoken=["it"])
    # A keyword only (cv), no sector.
    MentorProfileFactory(name="Keyword", keywords="cv", spoken=["it"])
    # Nothing in common: not proposed.
    MentorProfileFactory(name="Cook", expertise=[sectors["hospitality"]], spoken=["ar"])

    assert names(proposals(mentee)) == ["Best", "Greek", "Plain", "Keyword"]
    best = proposals(mentee)[0]
    assert (best.shared_sectors, best.shared_keywords, best.speaks) == (1, 1, 1)


def test_only_mentors_who_may_take_the_mentee_are_proposed(sectors):
    mentee = MenteeFactory(country="IT", expertise=[sectors["digital"]])
    sector = [sectors["digital"]]
    MentorProfileFactory(name="Free", expertise=sector)
    MentorProfileFactory(name="Waiting", expertise=sector, approval=Approval.PENDING)
    MentorProfileFactory(name="Rejected", expertise=sector, approval=Approval.REJECTED)
    MentorProfileFactory(name="Paused", expertise=sector, paused=True)
    MentorProfileFactory(
        name="Far away", expertise=sector, country="GR", delivery=Delivery.IN_PERSON
    )
    full = MentorProfileFactory(name="Full", expertise=sector, capacity=1)
    requests.accept(requests.send_request(MenteeFactory(), full))
    asked = MentorProfileFactory(name="Asked", expertise=sector)
    requests.send_request(mentee, asked)
    declined = MentorProfileFactory(name="Declined", expertise=sector)
    requests.decline(requests.send_request(mentee, declined), "Too busy.")
    silent = MentorProfileFactory(name="Never answered", expertise=sector)
    requests.send_request(mentee, silent, now=timezone.now() - timedelta(days=15))
    assert [row.mentor for row in requests.expire_due()] == [silent]
    withdrawn = MentorProfileFactory(name="Withdrawn", expertise=sector)
    requests.withdraw(requests.send_request(mentee, withdrawn))

    # A mentor the mentee withdrew from may be asked again; one who let the request expire
    # is not proposed again.
    assert names(proposals(mentee)) == ["Free", "Withdrawn"]


def test_more_free_places_first_when_the_match_is_the_same(sectors):
    mentee = MenteeFactory(expertise=[sectors["digital"]])
    MentorProfileFactory(name="A one place", expertise=[sectors["digital"]], capacity=1)
    MentorProfileFactory(name="B three places", expertise=[sectors["digital"]], capacity=3)
    assert names(proposals(mentee)) == ["B three places", "A one place"]


def test_the_queries_do_not_grow_with_the_number_of_mentors(sectors):
    mentee = MenteeFactory(keywords="cv", expertise=[sectors["digital"]])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            found = proposals(mentee, limit=None)
            for mentor in found:
                list(mentor.expertise.all()), list(mentor.languages.all())
        return len(captured), len(found)

    MentorProfileFactory.create_batch(2, expertise=[sectors["digital"]], keywords="cv")
    few = queries()
    MentorProfileFactory.create_batch(
        20, expertise=[sectors["digital"], sectors["digitale"]], keywords="cv, web", spoken=["it"]
    )
    many = queries()
    assert (few[1], many[1]) == (2, 22)
    assert few[0] == many[0]

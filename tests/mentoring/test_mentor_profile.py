"""A mentor changes their profile from their own page: profile, sectors, keywords, languages,
meetings and capacity. Bad input gets form errors and changes nothing; the capacity never goes
below the mentorships going on; another's link or a changed one is a 404."""

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.factories import ExpertiseCategoryFactory
from mentoring import links
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.models import Approval, MentoringRequest, Mentorship, RequestState
from mentoring.proposals import proposals
from mentoring.requests import set_approval

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def sectors(portal):
    return (
        ExpertiseCategoryFactory(name="Digital skills", slug="digital-skills"),
        ExpertiseCategoryFactory(name="Tourism", slug="tourism"),
    )


@pytest.fixture
def giulia(sectors):
    return MentorProfileFactory(
        name="Giulia Russo",
        expertise=[sectors[1]],
        keywords="hotels",
        capacity=3,
        spoken=["it"],
        approved_at=timezone.now(),
        submitted_at=timezone.now(),
    )


def url(mentor):
    return reverse("mentoring_mentor_profile", args=[links.mentor_token(mentor)])


def data(categories, **changes):
    values = {
        "profile": "Web designer for fifteen years; I hire juniors.",
        "sectors": [str(categories[0].pk)],
        "keywords": "Web design,  Portfolio",
        "languages": ["it", "en"],
        "delivery": "online",
        "capacity": "2",
    }
    values.update(changes)
    return values


def mentorship(mentor):
    mentee = MenteeFactory()
    asked = MentoringRequest.objects.create(
        mentor=mentor, mentee=mentee, state=RequestState.ACCEPTED, created_at=timezone.now()
    )
    return Mentorship.objects.create(
        request=asked, mentor=mentor, mentee=mentee, started_at=timezone.now()
    )


def test_the_mentor_page_links_to_the_form_filled_in(client, giulia, sectors):
    token = links.mentor_token(giulia)
    page = client.get(reverse("mentoring_mentor", args=[token]))
    edit = reverse("mentoring_mentor_profile", args=[token])
    assert edit in page.content.decode()
    response = client.get(edit)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["profile"].value() == "Twenty years in recruitment."
    assert form["languages"].value() == ["it"]
    assert [int(pk) for pk in form["sectors"].value()] == [sectors[1].pk]
    assert 'id="id_website"' not in response.content.decode()  # no robot trap here


def test_a_mentor_changes_their_profile_and_is_proposed_by_it(client, giulia, sectors):
    token = links.mentor_token(giulia)
    response = client.post(reverse("mentoring_mentor_profile", args=[token]), data(sectors))
    assert response.status_code == 303
    assert response["Location"] == reverse("mentoring_mentor", args=[token])
    giulia.refresh_from_db()
    assert giulia.profile == "Web designer for fifteen years; I hire juniors."
    assert (giulia.delivery, giulia.capacity, giulia.keywords) == (
        "online",
        2,
        "web design, portfolio",
    )
    assert list(giulia.expertise.all()) == [sectors[0]]
    assert sorted(giulia.languages.values_list("code", flat=True)) == ["en", "it"]
    assert sorted(giulia.words.values_list("word", flat=True)) == ["portfolio", "web design"]
    # The new profile waits for a facilitator; approved, a mentee looking for web design is
    # proposed Giulia.
    mentee = MenteeFactory(keywords="web design", expertise=[sectors[0]])
    assert giulia.approval == Approval.PENDING
    assert giulia not in proposals(mentee)
    set_approval(giulia, Approval.APPROVED)
    assert giulia in proposals(mentee)


def unchanged_text(mentor, sectors, **changes):
    """The form with the mentor's profile, link and keywords as they are."""
    kept = {"profile": mentor.profile, "link": mentor.link, "keywords": mentor.keywords}
    return data(sectors, **{**kept, **changes})


def test_sectors_languages_meetings_and_capacity_change_without_a_new_approval(
    client, giulia, sectors
):
    approved_at, submitted_at = giulia.approved_at, giulia.submitted_at
    response = client.post(
        url(giulia), unchanged_text(giulia, sectors, profile=" Twenty years\n in recruitment. ")
    )
    assert response.status_code == 303
    giulia.refresh_from_db()
    assert (giulia.approval, giulia.approved_at, giulia.submitted_at) == (
        Approval.APPROVED,
        approved_at,
        submitted_at,
    )
    assert list(giulia.expertise.all()) == [sectors[0]]
    assert giulia in proposals(MenteeFactory(expertise=[sectors[0]]))


@pytest.mark.parametrize(
    "change",
    [
        {"profile": "Hotel manager. Call me on +39 333 000 0000."},
        {"link": "https://example.org/giulia"},
        {"keywords": "hotels, nightlife"},
    ],
)
@pytest.mark.parametrize("decision", [Approval.APPROVED, Approval.REJECTED])
def test_what_young_people_read_changed_goes_back_to_a_facilitator(
    client, giulia, sectors, change, decision
):
    set_approval(giulia, decision, "Please say what you do now." if decision == "rejected" else "")
    token = links.mentor_token(giulia)
    form = client.get(url(giulia)).content.decode()
    assert "goes back to a facilitator of your country" in form
    response = client.post(url(giulia), unchanged_text(giulia, sectors, **change))
    assert response.status_code == 303
    giulia.refresh_from_db()
    assert (giulia.approval, giulia.approval_reason, giulia.approved_at) == (
        Approval.PENDING,
        "",
        None,
    )
    assert giulia.submitted_at > giulia.created_at
    assert giulia not in proposals(MenteeFactory(expertise=[sectors[0]]))
    page = client.get(reverse("mentoring_mentor", args=[token])).content.decode()
    assert "A facilitator of your country is reading your profile." in page


def test_a_rejected_mentor_is_told_they_may_change_their_profile(client, giulia):
    set_approval(giulia, Approval.REJECTED, "Please say what you do now.")
    page = client.get(reverse("mentoring_mentor", args=[links.mentor_token(giulia)]))
    text = page.content.decode()
    assert "Please say what you do now." in text
    assert "Change it to answer the facilitator: it goes back to them." in text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"profile": ""}, "profile"),
        ({"profile": "x" * 1501}, "profile"),
        ({"sectors": []}, "sectors"),
        ({"sectors": ["999999"]}, "sectors"),
        ({"languages": []}, "languages"),
        ({"languages": ["xx"]}, "languages"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "6"}, "capacity"),
        ({"capacity": "two"}, "capacity"),
        ({"delivery": "by post"}, "delivery"),
        ({"keywords": "x" * 301}, "keywords"),
    ],
)
def test_bad_input_gets_a_form_error_and_changes_nothing(client, giulia, sectors, changes, field):
    response = client.post(url(giulia), data(sectors, **changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    giulia.refresh_from_db()
    assert (giulia.profile, giulia.capacity, giulia.keywords) == (
        "Twenty years in recruitment.",
        3,
        "hotels",
    )
    assert list(giulia.expertise.all()) == [sectors[1]]
    assert list(giulia.languages.values_list("code", flat=True)) == ["it"]


def test_the_capacity_never_goes_below_the_mentorships_going_on(client, giulia, sectors):
    mentorship(giulia)
    mentorship(giulia)
    response = client.post(url(giulia), data(sectors, capacity="1"))
    assert response.status_code == 400
    assert "You mentor 2 young people now" in " ".join(response.context["form"].errors["capacity"])
    giulia.refresh_from_db()
    assert giulia.capacity == 3
    # Down to the two going on is allowed.
    assert client.post(url(giulia), data(sectors, capacity="2")).status_code == 303
    giulia.refresh_from_db()
    assert giulia.capacity == 2


def test_a_changed_link_or_another_mentors_does_not_reach_the_form(client, giulia, sectors):
    token = links.mentor_token(giulia)
    broken = reverse("mentoring_mentor_profile", args=[token[:-2] + "xx"])
    assert client.get(broken).status_code == 404
    assert client.post(broken, data(sectors)).status_code == 404
    mentee_token = links.mentee_token(MenteeFactory())  # a mentee's link is not a mentor's
    assert (
        client.post(
            reverse("mentoring_mentor_profile", args=[mentee_token]), data(sectors)
        ).status_code
        == 404
    )
    marco = MentorProfileFactory(name="Marco Conti")
    client.post(url(marco), data(sectors, profile="Marco's new profile."))
    giulia.refresh_from_db()
    assert giulia.profile == "Twenty years in recruitment."

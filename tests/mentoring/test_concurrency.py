"""Two people acting at the same moment cannot break mentoring's rules: two mentors accepting
one mentee leave one mentorship; a mentor accepting two mentees for a last place fills it once.

Each thread is a person with its own database connection, committing for real, so each sees
only what the other committed and waits on the other's row locks. The people are written and
removed by threads too, outside the test's own transaction (which only reads), rather than in a
`transaction=True` test, which would empty every table when it ends, the portal built once for
the session included.
"""

import threading

import pytest
from django.db import connection

from mentoring import requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.models import Mentee, MentoringRequest, MentorProfile, Mentorship, RequestState

ROUNDS = 5


pytestmark = pytest.mark.django_db


def committed(work):
    """Run `work` on a connection of its own, in autocommit, as a request would; its result."""
    result = {}

    def run():
        try:
            result["value"] = work()
        except BaseException as error:  # raised again in the test
            result["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(30)
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.fixture(autouse=True)
def real_commits():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite has no row locks: the race cannot be run there.")
    yield
    committed(
        lambda: (
            Mentee.objects.filter(email__endswith="@race.example.org").delete(),
            MentorProfile.objects.filter(email__endswith="@race.example.org").delete(),
        )
    )


def mentor(n, capacity=1):
    return committed(
        lambda: MentorProfileFactory(email=f"mentor{n}@race.example.org", capacity=capacity)
    )


def mentee(n):
    return committed(lambda: MenteeFactory(email=f"mentee{n}@race.example.org"))


def send(person, to):
    return committed(lambda: requests.send_request(person, to))


def accept_together(*asked):
    """Each request accepted by its own thread, all released at once; their outcomes."""
    start = threading.Barrier(len(asked))
    outcomes = [None] * len(asked)

    def person(index, row):
        try:
            start.wait()
            requests.accept(row)
            outcomes[index] = "accepted"
        except requests.MentoringRefused:
            outcomes[index] = "refused"
        except BaseException as error:  # reported by the test, not lost in the thread
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=person, args=(index, row), daemon=True)
        for index, row in enumerate(asked)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
        assert not thread.is_alive(), "an acceptance is stuck"
    return outcomes


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_mentors_accepting_one_mentee_at_once_make_one_mentorship(round_):
    person = mentee(round_)
    first, second = mentor(f"{round_}a"), mentor(f"{round_}b")
    asked = [send(person, first), send(person, second)]

    outcomes = accept_together(*asked)

    assert sorted(map(str, outcomes)) == ["accepted", "refused"], outcomes
    assert Mentorship.objects.filter(mentee=person).count() == 1
    states = sorted(MentoringRequest.objects.filter(mentee=person).values_list("state", flat=True))
    assert states == [RequestState.ACCEPTED, RequestState.SUPERSEDED]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_mentees_taking_a_mentors_last_place_at_once_fill_it_once(round_):
    full = mentor(f"{round_}c", capacity=2)
    first = send(mentee(f"{round_}x"), full)
    committed(lambda: requests.accept(first))  # one place left
    asked = [send(mentee(f"{round_}y"), full), send(mentee(f"{round_}z"), full)]

    outcomes = accept_together(*asked)

    assert sorted(map(str, outcomes)) == ["accepted", "refused"], outcomes
    assert Mentorship.objects.filter(mentor=full).count() == 2
    open_rows = MentoringRequest.objects.filter(mentor=full, state=RequestState.REQUESTED)
    assert open_rows.count() == 1  # the one refused still waits for a free place

"""The list of calls on the directory's listing rows: counts beside each filter value, the
visitor's language first, and rows that follow every change to the calls."""

import pytest
from django.core.management import call_command

from collaboration.listing import CALLS
from directory.listing_rows import current
from directory.models import ListingRow, ListingStale, ListingTerm
from tests.collaboration.calls import make_call
from tests.helpers import days, filter_counts, publish, translate

pytestmark = pytest.mark.django_db


def listing(client, language="en", **params):
    response = client.get(f"/{language}/collaboration/", params)
    assert response.status_code == 200
    return response


def listed(client, language="en", **params):
    return [call.title for call in listing(client, language, **params).context["calls"]]


def counts(client, **params):
    """{filter: {value: the count shown beside it}}."""
    return filter_counts(listing(client, **params))


def snapshot():
    rows = set(
        ListingRow.objects.filter(listing=CALLS).values_list(
            "language", "translation_key", "page_id", "in_language", "kind", "country", "deadline"
        )
    )
    terms = set(ListingTerm.objects.values_list("page_id", "vocabulary", "slug"))
    return rows, terms


def assert_in_step():
    """What the portal kept equals what working every row out again gives."""
    current()
    kept = snapshot()
    call_command("refresh_listings", verbosity=0)
    assert snapshot() == kept
    assert not ListingStale.objects.exists()


def test_each_filter_value_shows_how_many_calls_it_would_give(client, world):
    shown = counts(client)
    assert shown["kind"] == {"new_service": 1, "ongoing_project": 1, "co_design": 1, "other": 0}
    assert shown["expertise"]["training"] == 2 and shown["expertise"]["ict"] == 1
    assert shown["expertise"]["care"] == 0  # sought by no open call
    # The call open to any country counts for every country.
    assert shown["country"]["gr"] == 2 and shown["country"]["it"] == 2
    assert shown["deadline"] == {"14": 1, "31": 2, "92": 2, "none": 1}
    # Each filter is counted with the others in force, never with itself.
    narrowed = counts(client, expertise="training")
    assert narrowed["kind"] == {"new_service": 1, "ongoing_project": 1, "co_design": 0, "other": 0}
    assert narrowed["country"]["gr"] == 1 and narrowed["country"]["it"] == 1
    assert narrowed["expertise"]["ict"] == 1
    # Words narrow the counts too.
    assert counts(client, q="bakery")["expertise"] == {"training": 1, "ict": 0, "care": 0}
    html = listing(client).content.decode()
    assert ">Training (2)</option>" in html and ">No deadline (1)</option>" in html


def test_calls_in_the_visitors_language_come_first(client, world):
    translate(world.calls.any, "el", title="Συν-σχεδιασμός ψηφιακού γραφείου")
    # No deadline, yet first in Greek: the only call written in Greek.
    assert listed(client, "el")[0] == "Συν-σχεδιασμός ψηφιακού γραφείου"
    assert listed(client, "en")[-1] == "Co-design a digital help desk"


def test_published_unpublished_closed_and_deleted_calls_leave_or_join_the_list(client, world):
    new = make_call(world.b.page, title="Mentors across the sea", deadline=days(5))
    assert listed(client)[0] == "Mentors across the sea"
    assert_in_step()
    new.unpublish()
    assert "Mentors across the sea" not in listed(client)
    assert_in_step()
    world.calls.gr.is_open = False
    publish(world.calls.gr)
    assert "Exchange of trainers with Greece" not in listed(client)
    assert_in_step()
    world.calls.any.delete()
    assert listed(client) == ["Partners for a bakery job club"]
    assert_in_step()


def test_a_changed_call_is_filtered_by_what_it_now_says(client, world):
    world.calls.any.expertise_sought = [world.terms.training]
    world.calls.any.countries = [world.portal.countries["GR"]]
    publish(world.calls.any)
    assert "Co-design a digital help desk" in listed(client, expertise="training")
    assert "Co-design a digital help desk" not in listed(client, country="it")
    assert_in_step()
    # A term's new slug reaches the calls that seek it.
    world.terms.ict.slug = "digital"
    world.terms.ict.save()
    world.terms.training.slug = "trainings"
    world.terms.training.save()
    assert len(listed(client, expertise="trainings")) == 3
    assert_in_step()


def test_a_moved_call_is_listed_under_its_new_organisations_country(client, world):
    world.calls.any.move(world.b.page, pos="last-child")
    current()
    rows = ListingRow.objects.filter(listing=CALLS, translation_key=world.calls.any.translation_key)
    assert {row.country for row in rows} == {"gr"}
    html = listing(client, q="help desk").content.decode()
    assert "Synergasia Vita" in html
    assert_in_step()


def test_refresh_listings_works_out_the_calls_again(client, world):
    current()
    ListingRow.objects.filter(listing=CALLS).delete()
    assert listed(client) == []
    call_command("refresh_listings", verbosity=0)
    assert len(listed(client)) == 3


def test_a_call_past_its_deadline_keeps_its_row_and_is_left_out_on_the_day(client, world):
    # Its row is not worked out again when the day passes: the list reads today's date.
    current()
    past = ListingRow.objects.filter(
        listing=CALLS, translation_key=world.calls.past.translation_key
    )
    assert past.exists()
    assert "Past call for volunteers" not in listed(client)
    assert listed(client, q="volunteers") == []

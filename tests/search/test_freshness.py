"""Content not checked for a year carries a note and ranks lower; after eighteen months it
leaves the listings and the search, while its page still answers, marked."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory import freshness
from directory.freshness import months_before, record_check
from directory.models import ServicePage

from .helpers import search, titles


def english(response):
    """The titles of the results written in English, in their order."""
    return [page.title for page in response.context["results"] if page.locale.language_code == "en"]


pytestmark = pytest.mark.django_db

LEGAL = "Legal advice for refugees"
NOTE = "Not checked recently"
GONE = "Not checked for a long time: no longer listed in the directory"


def months_ago(months):
    return months_before(timezone.localdate(), months) - datetime.timedelta(days=1)


def card(html, title):
    start = html.index(f">{title}</a>")
    return html[start : html.index("</article>", start)]


def test_every_card_and_page_says_when_it_was_checked_in_the_visitors_language(client, directory):
    record_check([directory["faro"].translation_key], on=datetime.date(2026, 3, 10))
    expected = {
        "en": "Checked in March 2026",
        "it": "Marzo 2026",
        "el": "Μάρτιος 2026",
        "ar": "مارس 2026",
    }
    for language, text in expected.items():
        html = search(client, language, q="Faro").content.decode()
        assert text in card(html, "Cooperativa Sociale Il Faro"), language
    page = client.get(directory["faro"].url.replace("/it/", "/el/", 1))
    assert page.status_code == 200
    assert "Μάρτιος 2026" in page.content.decode()


def test_twelve_months_unchecked_a_note_and_a_lower_place(client, directory):
    before = titles(search(client, "en", country="gr"))
    assert before.index(LEGAL) < len(before) - 1  # not last to begin with
    record_check([directory["advice"].translation_key], on=months_ago(13))

    response = search(client, "en", country="gr")
    found = english(response)
    # After every piece of content in the visitor's language checked recently; the visitor's
    # language still comes first.
    assert found[-1] == LEGAL
    assert titles(response)[: len(found)] == found
    html = response.content.decode()
    assert NOTE in card(html, LEGAL)
    assert NOTE not in card(html, "Open Doors Employment Centre")
    # With words too: it matches as well as another, and comes after it.
    worded = english(search(client, "en", q="refugees"))
    assert LEGAL in worded
    assert worded.index(LEGAL) == len(worded) - 1
    page = client.get(directory["advice"].url)
    assert page.status_code == 200 and NOTE in page.content.decode()


def test_eighteen_months_unchecked_out_of_listings_and_search_but_the_page_answers(
    client, directory
):
    record_check([directory["advice"].translation_key], on=months_ago(19))
    assert LEGAL not in titles(search(client, "en", country="gr"))
    assert LEGAL not in titles(search(client, "en", q="legal advice refugees"))
    page = client.get(directory["advice"].url)
    assert page.status_code == 200
    assert GONE in page.content.decode()
    # Confirmed again: back in the listings at once.
    record_check([directory["advice"].translation_key])
    assert LEGAL in titles(search(client, "en", country="gr"))


def test_publishing_an_edit_is_a_check(directory):
    service = directory["advice"]
    record_check([service.translation_key], on=months_ago(19))
    service.refresh_from_db()
    service.summary = "Free legal advice, now on Mondays too."
    service.save_revision().publish()
    service.refresh_from_db()
    assert service.checked_on == timezone.localdate()


def test_publishing_long_unchecked_content_lists_it_again_at_once(client, directory):
    service = directory["advice"]
    record_check([service.translation_key], on=months_ago(19))
    assert LEGAL not in titles(search(client, "en", country="gr"))
    service.refresh_from_db()
    service.save_revision().publish()
    # The publication's own bookkeeping works the rows out again, with the new date.
    assert LEGAL in titles(search(client, "en", country="gr"))
    html = client.get(service.url).content.decode()
    assert GONE not in html and NOTE not in html


def test_a_publication_dates_its_check_in_one_update_per_page_type(directory):
    service = directory["advice"]
    with CaptureQueriesContext(connection) as queries:
        freshness.page_published(sender=ServicePage, instance=service)
    assert [query["sql"].split()[0] for query in queries] == ["UPDATE", "UPDATE"]
    service.refresh_from_db()
    assert service.checked_on == timezone.localdate()

"""Relevance: for each query, the result a person would expect comes first."""

import pytest

from .helpers import search, titles

pytestmark = pytest.mark.django_db

EXPECTED_FIRST = [
    ("en", "training for young people", "Training for young people in digital skills"),
    ("en", "legal advice refugees", "Legal advice for refugees"),
    ("en", "bakery internship", "Summer internship in a bakery"),
    ("en", "Open Doors", "Open Doors Employment Centre"),
    ("it", "formazione giovani cuochi", "Corso di formazione per giovani cuochi"),
    ("it", "consulenza legale per migranti", "Sportello di consulenza legale per migranti"),
    ("it", "sartoria", "Laboratorio di sartoria per donne"),
    ("ar", "تدريب مهني للشباب", "تدريب مهني للشباب في الحلاقة"),
    ("ar", "استشارات قانونية مجانية", "استشارات قانونية مجانية للاجئين"),
    ("ar", "دعم نفسي", "دعم نفسي للنساء"),
]


@pytest.mark.parametrize(("language", "query", "first"), EXPECTED_FIRST)
def test_the_expected_result_comes_first(client, directory, language, query, first):
    found = titles(search(client, language, q=query))
    assert found, f"nothing found for {query!r}"
    assert found[0] == first, f"{query!r} gave {found[:3]}"


def test_a_query_in_arabic_finds_services_written_in_other_languages_by_category(client, directory):
    # "Legal advice" is "استشارات قانونية" in Arabic: the Italian and English services of that
    # category are found, after the Arabic one whose own words match.
    found = titles(search(client, "ar", q="استشارات قانونية"))
    assert found[0] == "استشارات قانونية مجانية للاجئين"
    assert "Legal advice for refugees" in found
    assert "Sportello di consulenza legale per migranti" in found
    assert "Corso di formazione per giovani cuochi" not in found


def test_a_query_in_italian_finds_english_pages_by_target_group(client, directory):
    found = titles(search(client, "it", q="rifugiati"))
    assert "Legal advice for refugees" in found
    assert "Open Doors Employment Centre" in found
    assert "Training for young people in digital skills" not in found


def test_words_in_no_single_page_fall_back_to_most_of_them(client, directory):
    response = search(client, "en", q="sartoria bakery")
    found = titles(response)
    assert set(found) == {"Laboratorio di sartoria per donne", "Summer internship in a bakery"}
    assert "No page has all your words" in response.content.decode()

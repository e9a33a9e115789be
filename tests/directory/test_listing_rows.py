"""The rows the directory's listings read follow every change to the content they show."""

import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count, Sum

from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.listing_rows import DIRECTORY, copy_search_text, current, refresh
from directory.models import (
    ListingCommonRankWords,
    ListingRankWords,
    ListingRow,
    ListingStale,
    ListingTally,
    ListingTerm,
    ListingWords,
)
from tests.helpers import translate

pytestmark = pytest.mark.django_db

ROW_FIELDS = [
    "language",
    "translation_key",
    "page_id",
    "in_language",
    "kind",
    "country",
    "place",
    "region",
    "delivery",
    "is_free",
    "deadline",
    "end_date",
    "published_at",
]


def rows_of(page):
    """{visitor language: its row} for the content `page` is a version of."""
    current()
    rows = ListingRow.objects.filter(listing=DIRECTORY, translation_key=page.translation_key)
    return {row.language: row for row in rows}


def snapshot():
    rows = set(ListingRow.objects.values_list(*ROW_FIELDS))
    terms = set(ListingTerm.objects.values_list("page_id", "vocabulary", "slug"))
    return rows, terms


# What a listing without words counts its filters on (`ListingTally`): every column of a tally
# but its key and its number of rows.
TALLIED = [
    field.name for field in ListingTally._meta.fields if field.name not in {"id", "alike", "rows"}
]


def tallied():
    """{what the filters look at: how many rows}, from the tallies and from the rows."""
    tallies = ListingTally.objects.values_list(*TALLIED).annotate(n=Sum("rows"))
    rows = ListingRow.objects.values_list(*TALLIED).annotate(n=Count("pk"))
    return {(*key, n) for *key, n in tallies if n}, {(*key, n) for *key, n in rows}


def assert_tallied():
    """On PostgreSQL, the tallies the database keeps add up to the rows there are."""
    if connection.vendor == "postgresql":
        tallies, rows = tallied()
        assert tallies == rows


def words(model):
    return set(model.objects.values_list("page_id", "title", "body"))


def assert_words_to_rank():
    """On PostgreSQL, the words a page of results is ranked on are each page's listing words."""
    if connection.vendor == "postgresql":
        assert words(ListingRankWords) == words(ListingWords)


# Rows whose bits of the common words are not those of their page's words, tested here word by
# word in the words' own index expression (`listing_rows` unnests the words instead).
OUT_OF_STEP_BITS = """
    SELECT row.page_id, row.common_words, coalesce((
        SELECT bit_or(1::bigint << common.bit) FROM directory_listingcommonword AS common
        WHERE listing_row_words(words.title, words.body) @@ quote_literal(common.lexeme)::tsquery
    ), 0) AS expected
    FROM directory_listingrow AS row
    LEFT JOIN directory_listingwords AS words ON words.page_id = row.page_id
"""


def assert_common_bits():
    """On PostgreSQL, each row holds the bits of the common words its page's words have."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(OUT_OF_STEP_BITS)
            rows = cursor.fetchall()
        assert [row for row in rows if row[1] != row[2]] == []


# The common part of each page's words to rank, worked out here from the words' entries
# (`unnest`, lexeme, positions and weights) of the common words: the pages whose part differs.
OUT_OF_STEP_COMMON_PART = """
    WITH expected AS (
        SELECT words.page_id, field.name, entry.lexeme, entry.positions, entry.weights
        FROM directory_listingrankwords AS words
        CROSS JOIN LATERAL (VALUES ('title', words.title), ('body', words.body)) AS field (name, v)
        CROSS JOIN LATERAL unnest(field.v) AS entry
        WHERE entry.lexeme IN (SELECT lexeme FROM directory_listingcommonword)
    ), kept AS (
        SELECT words.page_id, field.name, entry.lexeme, entry.positions, entry.weights
        FROM directory_listingcommonrankwords AS words
        CROSS JOIN LATERAL (VALUES ('title', words.title), ('body', words.body)) AS field (name, v)
        CROSS JOIN LATERAL unnest(field.v) AS entry
    )
    SELECT page_id
    FROM ((TABLE expected EXCEPT TABLE kept) UNION (TABLE kept EXCEPT TABLE expected)) AS differing
"""


def lexemes(vector):
    """The lexemes of a vector as the database gives it ("'word':1A 'other':2")."""
    return set(re.findall(r"'((?:[^']|'')*)'", vector or ""))


def assert_common_words_to_rank():
    """On PostgreSQL, the common words' part of the words to rank is each page's words to rank
    with every other lexeme left out: the same pages, each common word with its positions."""
    if connection.vendor == "postgresql":
        pages = set(ListingRankWords.objects.values_list("page_id", flat=True))
        assert set(ListingCommonRankWords.objects.values_list("page_id", flat=True)) == pages
        with connection.cursor() as cursor:
            cursor.execute(OUT_OF_STEP_COMMON_PART)
            assert cursor.fetchall() == []


def assert_in_step():
    """What the portal kept equals what working every row out from scratch gives, and the
    tallies, the words to rank and the common words' bits and part of them follow."""
    current()
    kept = snapshot()
    assert_tallied()
    assert_words_to_rank()
    assert_common_bits()
    assert_common_words_to_rank()
    refresh()
    assert snapshot() == kept
    assert_tallied()
    assert_words_to_rank()
    assert_common_bits()
    assert_common_words_to_rank()
    assert not ListingStale.objects.exists()


def test_new_content_is_listed_in_every_language_in_its_own(portal):
    sicily = PlaceFactory(name="Sicilia", slug="sicilia", kind="region")
    palermo = PlaceFactory(name="Palermo", slug="palermo", region=sicily)
    organisation = OrganisationPageFactory(parent=portal.countries["IT"], place=palermo)
    service = ServicePageFactory(parent=organisation, delivery="online", is_free=False, cost="5 €")
    rows = rows_of(service)
    assert set(rows) == {"en", "it", "el", "ar"}
    assert {row.page_id for row in rows.values()} == {service.pk}
    assert rows["en"].in_language and not rows["it"].in_language
    assert rows["ar"].country == "it"
    assert (rows["ar"].place, rows["ar"].region) == ("palermo", "sicilia")  # the organisation's
    greek = rows["el"]
    assert (greek.delivery, greek.is_free, greek.kind) == ("online", False, "service")
    assert rows_of(organisation)["it"].kind == "organisation"
    assert_in_step()


def test_a_translation_is_listed_in_its_language_and_english_elsewhere(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    italian = translate(organisation, "it")
    rows = rows_of(organisation)
    assert rows["it"].page_id == italian.pk and rows["it"].in_language
    assert rows["el"].page_id == organisation.pk and not rows["el"].in_language
    italian.unpublish()
    assert rows_of(organisation)["it"].page_id == organisation.pk
    assert_in_step()


def test_unpublished_and_deleted_content_leaves_the_listings(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    service = ServicePageFactory(parent=organisation)
    service.unpublish()
    assert rows_of(service) == {}
    service.save_revision().publish()
    assert len(rows_of(service)) == 4
    organisation.delete()
    assert rows_of(service) == {} and rows_of(organisation) == {}
    assert_in_step()


def test_a_move_and_a_new_place_reach_the_services_below(portal):
    napoli, salerno = PlaceFactory(name="Napoli"), PlaceFactory(name="Salerno", slug="salerno")
    organisation = OrganisationPageFactory(parent=portal.countries["IT"], place=napoli)
    service = ServicePageFactory(parent=organisation)
    organisation.place = salerno
    organisation.save_revision().publish()
    assert rows_of(service)["en"].place == "salerno"
    organisation.refresh_from_db()
    organisation.move(portal.countries["GR"], pos="last-child")
    assert rows_of(service)["en"].country == "gr"
    assert_in_step()


def test_terms_follow_the_page_and_a_new_slug(portal):
    training = ExpertiseCategoryFactory(slug="training")
    young = TargetGroupFactory(slug="young")
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    service = ServicePageFactory(parent=organisation, category=training)
    service.target_groups.set([young])
    service.save_revision().publish()
    current()
    terms = set(ListingTerm.objects.filter(page_id=service.pk).values_list("vocabulary", "slug"))
    assert terms == {("category", "training"), ("target_group", "young")}
    training.slug = "vocational-training"
    training.save()
    current()
    assert ListingTerm.objects.filter(page_id=service.pk, slug="vocational-training").exists()
    assert_in_step()


def test_a_change_rolled_back_leaves_no_mark(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    current()
    with pytest.raises(RuntimeError), transaction.atomic():
        ServicePageFactory(parent=organisation)
        assert ListingStale.objects.exists()
        raise RuntimeError
    assert not ListingStale.objects.exists()
    assert_in_step()


def test_refresh_listings_works_every_row_out_again(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    current()
    ListingRow.objects.all().delete()
    call_command("refresh_listings", verbosity=0)
    assert len(rows_of(organisation)) == 4


def test_a_place_given_a_region_reaches_its_content(portal):
    palermo = PlaceFactory(name="Palermo", slug="palermo")
    organisation = OrganisationPageFactory(parent=portal.countries["IT"], place=palermo)
    service = ServicePageFactory(parent=organisation)
    assert rows_of(service)["it"].region == ""
    palermo.region = PlaceFactory(name="Sicilia", slug="sicilia", kind="region")
    palermo.save()
    assert rows_of(service)["it"].region == "sicilia"
    assert rows_of(organisation)["it"].region == "sicilia"
    assert_in_step()


def test_the_tallies_follow_every_statement_on_the_rows(portal):
    if connection.vendor != "postgresql":
        pytest.skip("the tallies are kept by PostgreSQL's triggers")
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    pages = [ServicePageFactory(parent=organisation, delivery="online") for _n in range(3)]
    current()
    assert_tallied()
    services = ListingRow.objects.filter(
        pk__in=ListingRow.objects.filter(page__in=pages, listing=DIRECTORY).values("pk")
    )
    assert services.count() == 12  # three services in four languages
    services.update(country="gr")  # one statement, several rows: each moves tally
    assert_tallied()
    before = set(ListingTally.objects.values_list("alike", "rows"))
    services.update(checked_recently=False)  # nothing the filters count on
    assert set(ListingTally.objects.values_list("alike", "rows")) == before
    services.filter(language="ar").delete()
    assert_tallied()
    ListingRow.objects.all().delete()
    assert not ListingTally.objects.filter(rows__gt=0).exists()


def test_the_words_to_rank_follow_every_statement_on_the_words(portal):
    """Each page's words are copied whole for ranking (`ListingRankWords`) by every statement
    that writes, rewrites or deletes its listing words, whatever it writes them with."""
    if connection.vendor != "postgresql":
        pytest.skip("the words to rank are kept by PostgreSQL's triggers")
    organisation = OrganisationPageFactory(parent=portal.countries["IT"], title="Cooperativa")
    pages = [
        ServicePageFactory(parent=organisation, title=title)
        for title in ("Corso di sartoria", "Sportello lavoro", "Orto sociale")
    ]
    current()
    assert {page.pk for page in pages} <= {page_id for page_id, *_words in words(ListingWords)}
    assert_words_to_rank()  # added with the rows (one INSERT for several pages)
    tailoring = pages[0]
    tailoring.title = "Corso di ceramica"
    tailoring.save_revision().publish()  # its index entry written again: its words copied over
    current()
    copied = ListingRankWords.objects.get(page_id=tailoring.pk)
    assert "ceram" in copied.title and "sartor" not in copied.title
    assert_words_to_rank()
    ListingWords.objects.filter(page_id=pages[1].pk).update(body="")  # one UPDATE
    assert ListingRankWords.objects.get(page_id=pages[1].pk).body == ""
    ListingWords.objects.filter(page_id=pages[2].pk).delete()
    assert not ListingRankWords.objects.filter(page_id=pages[2].pk).exists()
    assert_words_to_rank()
    copy_search_text("id", [page.pk for page in pages])  # INSERT … ON CONFLICT DO UPDATE
    assert ListingRankWords.objects.get(page_id=pages[2].pk).title
    assert_words_to_rank()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checked now: nothing left pending
        cursor.execute(f"TRUNCATE {ListingWords._meta.db_table}")  # as a flush of the tables
    assert not ListingRankWords.objects.exists()


def test_the_rows_keep_the_bits_of_their_common_words_through_every_change(portal):
    """Once the nightly refresh has chosen the most frequent words, each row holds a bit for
    each of them its page has, and each page's words to rank their common part, through edits,
    translations, moves and unpublishing; a search for those words finds the rows by their
    bits."""
    if connection.vendor != "postgresql":
        pytest.skip("the common words are PostgreSQL's")
    from directory.models import ListingCommonWord

    organisation = OrganisationPageFactory(
        parent=portal.countries["IT"], title="Cooperativa di sartoria"
    )
    services = [
        ServicePageFactory(parent=organisation, title=f"Corso di sartoria {n}") for n in range(4)
    ]
    refresh()  # as each night: the words chosen, every row written with its bits
    chosen = set(ListingCommonWord.objects.values_list("lexeme", flat=True))
    assert "sartor" in chosen
    assert all(row.common_words for row in rows_of(services[0]).values())
    assert_common_bits()
    assert_common_words_to_rank()
    part = ListingCommonRankWords.objects.get(page_id=services[0].pk)
    whole = ListingRankWords.objects.get(page_id=services[0].pk)
    assert lexemes(part.title) == lexemes(whole.title) & chosen
    assert lexemes(part.body) == lexemes(whole.body) & chosen
    assert {"sartor", "sartoria"} & lexemes(part.title)
    tailoring = services[0]
    tailoring.title = "Corso di ceramica"
    tailoring.save_revision().publish()
    italian = translate(services[1], "it", title="Sartoria sociale")
    services[2].unpublish()
    services[3].move(portal.countries["GR"], pos="last-child")
    current()
    assert_common_bits()
    assert_common_words_to_rank()
    retitled = ListingCommonRankWords.objects.get(page_id=tailoring.pk)
    assert not {"sartor", "sartoria"} & lexemes(retitled.title)
    assert italian.pk in {row.page_id for row in rows_of(services[1]).values()}
    from wagtail.search.backends import get_search_backend

    english = ListingRow.objects.filter(language="en", listing=DIRECTORY)
    found = get_search_backend().ranked_rows(english, ["sartoria"])
    assert '"common_words" &' in str(found.query)  # by the bits, not the words' index
    by_bits = {row.page_id for row in found}
    assert {services[1].pk, services[3].pk} <= by_bits and services[2].pk not in by_bits
    with transaction.atomic():
        ListingCommonWord.objects.all().delete()
        found = get_search_backend().ranked_rows(english, ["sartoria"])
        assert '"common_words" &' not in str(found.query)
        assert {row.page_id for row in found} == by_bits  # as the words' index finds them
        transaction.set_rollback(True)
    assert_in_step()

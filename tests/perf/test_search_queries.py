"""Search costs a fixed number of queries, and PostgreSQL answers it from a GIN index."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.db.models import F
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from core.facets import TieredResults
from core.listing import WORDS_MATCHED
from demo.management.commands.bench_search import bulk_pages
from demo.management.commands.bench_search import index as add_to_index
from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.listing import Locales
from directory.listing_rows import current
from directory.listing_rows import refresh as refresh_listings
from directory.models import Delivery, ListingTally, ServiceKind, ServicePage
from directory.search import DirectorySearch
from search.forms import SearchForm
from tests.helpers import translate

pytestmark = pytest.mark.django_db

# Sessions, site, locales, menus and language links included; the words matched once, the
# counts beside the eight filters one GROUP BY query each on the listing rows, the cards'
# addresses in the visitor's language two, places and countries named one each. On PostgreSQL
# the words are matched on the rows, the eight filters, the total and whether any row has the
# words at all are counted in one query, which also reads the page of results shown. The
# filters' countries, places and terms are kept between requests (`directory.filters`); which
# of the words are among the most frequent ones is one more (`ListingCommonWord`). A page of
# services only (these filters' opportunities) reads no organisation card's labels or places.
# Measured: 26 on SQLite, 18 on PostgreSQL (`pytest tests/perf/test_search_queries.py -s`).
SEARCH_BUDGET = 18 if connection.vendor == "postgresql" else 26
ALL_FILTERS = {
    "q": "formazione lavoro",
    "country": "it",
    "place": "palermo",
    "category": "training",
    "target_group": "young",
    "kind": "opportunity",
    "delivery": "online",
    "free": "on",
    "open": "on",
}


class Index:
    def __init__(self, portal):
        self.category = ExpertiseCategoryFactory(slug="training", name="Formazione")
        self.group = TargetGroupFactory(slug="young", name="Giovani")
        self.italy = portal.localized(portal.countries["IT"], "it")
        self.size = 0

    def grow_to(self, n):
        for i in range(self.size, n):
            organisation = OrganisationPageFactory(
                parent=self.italy, title=f"Cooperativa {i}", city="Palermo"
            )
            organisation.expertise_categories.add(self.category)
            organisation.save_revision().publish()
            service = ServicePageFactory(
                parent=organisation,
                title=f"Formazione e lavoro {i}",
                summary="Formazione e lavoro per giovani.",
                kind=ServiceKind.OPPORTUNITY,
                delivery=Delivery.ONLINE,
                category=self.category,
            )
            service.target_groups.add(self.group)
            service.save_revision().publish()
            if i % 2:
                translate(service, "en", title=f"Training and work {i}")
        self.size = n


def measure(client, url, params):
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("language", ["en", "it"])
def test_a_search_with_every_filter_costs_the_same_at_two_sizes(client, portal, settings, language):
    settings.PORTAL_PAGE_SIZE = 100
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0  # measure the work, not the cache
    index = Index(portal)
    index.grow_to(4)
    small, html = measure(client, f"/{language}/search/", ALL_FILTERS)
    assert html.count('class="card service-card"') == 4
    index.grow_to(24)
    large, html = measure(client, f"/{language}/search/", ALL_FILTERS)
    assert html.count('class="card service-card"') == 24
    assert small == large
    print(f"search ({language}) with every filter: {large} queries")
    assert large <= SEARCH_BUDGET, f"{large} queries, budget {SEARCH_BUDGET}"


def test_postgresql_matches_text_through_the_gin_index(portal):
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's")
    index = Index(portal)
    index.grow_to(1)
    organisation = index.italy.get_children().first()
    # A directory of some size, written in bulk as `make bench` does; one page says "sartoria".
    services = [
        ServicePage(
            title="Laboratorio di sartoria" if n == 1234 else f"Formazione e lavoro {n}",
            slug=f"servizio-{n}",
            summary="Corso di formazione e lavoro per giovani.",
            description="<p>Gratuito.</p>",
            category=index.category,
        )
        for n in range(12_000)
    ]
    bulk_pages(ServicePage, organisation, services)
    for service in services:
        service.precomputed_search_terms = "Formazione Giovani Palermo Italia"
    add_to_index(ServicePage, services)
    refresh_listings()  # as `make bench` does after writing pages in bulk
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        # Twelve thousand entries still fit in few disk pages, which the planner may rather
        # read whole; without that choice, it must pick the index that serves the words.
        cursor.execute("SET LOCAL enable_seqscan = off")
    locales = Locales()
    engine = DirectorySearch(SearchForm(QueryDict("q=sartoria"), locales, "all"), locales)
    assert len(engine.results()) == 1
    # The words are matched on the listing rows of the visitor's language, which hold them.
    assert engine.ranks_rows
    plan = engine.ranked_rows(engine.words).explain()
    assert "listing_words_search" in plan, plan


def test_postgresql_reads_a_listing_without_words_in_its_order(portal):
    """A page of a listing without words is read from the index in its order, up to the rows
    it shows, not sorted from every row of the language."""
    if connection.vendor != "postgresql":
        pytest.skip("the index in the listing's order is PostgreSQL's")
    Index(portal).grow_to(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        # A few rows, which the planner would rather read whole, or sort, whatever their
        # indexes: without those choices, it must find the index that gives their order.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    locales = Locales()
    form = SearchForm(QueryDict("country=it&kind=all-services"), locales, "all")
    results = DirectorySearch(form, locales).results()
    assert len(results[0:12]) == 3
    plan = results.rows[:12].explain()
    assert "listing_order_facets" in plan and "Sort" not in plan, plan


def test_postgresql_counts_every_filter_at_once_as_one_by_one(portal):
    """The counts beside the filters, read in one query over the rows matching the words, are
    those of one query per filter, and the total is the number of results."""
    if connection.vendor != "postgresql":
        pytest.skip("the facets are counted at once on PostgreSQL")
    index = Index(portal)
    index.grow_to(6)
    locales = Locales()
    for params in [{"q": "formazione"}, {**ALL_FILTERS, "place": "", "open": ""}]:
        form = SearchForm(QueryDict(urlencode(params)), locales, "all")
        engine = DirectorySearch(form, locales)
        faceted = engine.faceted()
        assert faceted.at_once
        names = [name for name in form.filter_names if name in form.fields]
        faceted._counted = None
        with CaptureQueriesContext(connection) as queries:
            at_once = faceted.counts(names)
        # The matching rows keep their tally's key; what the filters read comes from the tallies.
        assert "tally_key" in queries[0]["sql"] and "directory_listingtally" in queries[0]["sql"]
        faceted.at_once, faceted._counted = False, None  # counted again, one query per filter
        assert at_once == faceted.counts(names)
        assert faceted.total == len(engine.results()) > 0


def test_postgresql_counts_a_listing_without_words_on_its_tallies_as_on_its_rows(portal):
    """Without words, the counts beside the filters are read from the tallies PostgreSQL keeps
    of the rows (`ListingTally`), and they are the rows' own counts, filter by filter, with
    the total the number of results: after content leaves too (its tallies at zero)."""
    if connection.vendor != "postgresql":
        pytest.skip("the tallies are kept by PostgreSQL")
    index = Index(portal)
    index.grow_to(4)
    organisation = index.italy.get_children().first()
    ServicePageFactory(
        parent=organisation, delivery=Delivery.IN_PERSON, is_free=False, cost="20 € a month"
    )
    closed = ServicePageFactory(
        parent=organisation, kind=ServiceKind.OPPORTUNITY, application_deadline="2020-01-31"
    )
    gone = ServicePageFactory(
        parent=organisation, kind=ServiceKind.OPPORTUNITY, application_deadline="2031-05-17"
    )
    current()  # its rows are written, and tallied
    gone.unpublish()
    current()
    assert ListingTally.objects.filter(rows=0).exists()  # its tallies stay, at zero
    assert closed.live
    locales = Locales()
    cases = [
        {},
        {"kind": "all-services"},
        {"country": "it", "category": "training", "free": "on"},
        {"delivery": "in_person", "open": "on", "target_group": "young"},
    ]
    for params in cases:
        form = SearchForm(QueryDict(urlencode(params)), locales, "all")
        engine = DirectorySearch(form, locales)
        faceted = engine.faceted()
        assert faceted.at_once and faceted.tally is not None
        names = [name for name in form.filter_names if name in form.fields]
        with CaptureQueriesContext(connection) as queries:
            tallied = faceted.counts(names)
        assert "directory_listingtally" in queries[0]["sql"]
        assert "directory_listingrow" not in queries[0]["sql"]
        faceted.at_once, faceted._counted = False, None
        assert tallied == faceted.counts(names), params
        assert faceted.total == len(engine.results()), params


# Each tier's rows all ranked (the default window holds them), or its two newest alone.
RANK_WINDOWS = pytest.mark.parametrize("rank_window", [2000, 2])


@RANK_WINDOWS
def test_postgresql_ranks_only_the_tiers_a_page_of_results_falls_in(portal, settings, rank_window):
    """A page of results for a word read tier by tier (the rows in the visitor's language,
    then those checked recently, first) is that page of the whole order, at every page."""
    if connection.vendor != "postgresql":
        pytest.skip("the words are ranked on the rows on PostgreSQL")
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0
    settings.PORTAL_SEARCH_RANK_WINDOW = rank_window
    index = Index(portal)
    index.grow_to(7)  # half translated into English: two tiers in each language
    locales = Locales()
    for params in [{"q": "formazione"}, {"q": "lavoro", "kind": "opportunity"}]:
        form = SearchForm(QueryDict(urlencode(params)), locales, "all")
        results = DirectorySearch(form, locales).results()
        assert isinstance(results, TieredResults)
        assert len(results.tiers) > 1, results.tiers
        whole = list(results.rows)
        assert len(whole) == len(results) == sum(n for _tier, n in results.tiers)
        for start in range(len(whole) + 1):
            for stop in range(start, len(whole) + 2):
                assert results[start:stop] == whole[start:stop], (params, start, stop)
        for size in (1, 2, 4):
            for start in range(0, len(whole), size):
                read = DirectorySearch(form, locales, window=(start, start + size)).results()
                stop = min(start + size, len(whole))
                with CaptureQueriesContext(connection) as queries:
                    assert read[start:stop] == whole[start:stop], (params, start, size)
                assert not queries.captured_queries  # read with the counts
                # Any other slice is read as before.
                assert read[0 : len(whole)] == whole


MINERALS = ["zirconio", "quarzo", "basalto", "granito", "ossidiana", "malachite", "ametista"]


@RANK_WINDOWS
@pytest.mark.parametrize("searched", [4, 7])
def test_postgresql_counts_each_rows_words_and_ranks_a_page_of_them_tier_by_tier(
    portal, settings, searched, rank_window
):
    """With several words, each row listed is counted with how many of them it has, as one
    look-up per word would count it (four words: one look-up per number of them above half;
    seven: too many ways of choosing half, each word looked up), the rows with most first; a
    page of results read tier by tier is that page of the whole order."""
    if connection.vendor != "postgresql":
        pytest.skip("the words are counted on the rows on PostgreSQL")
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0
    settings.PORTAL_SEARCH_RANK_WINDOW = rank_window
    index = Index(portal)
    index.grow_to(1)
    organisation = index.italy.get_children().first()
    words = MINERALS[:searched]
    has = {}  # {page id: how many of the words it has}
    for n in range(len(words) + 1):
        for copy in range(2):
            service = ServicePageFactory(
                parent=organisation, title=" ".join([*words[:n], f"laboratorio {copy}"])
            )
            service.save_revision().publish()
            has[service.pk] = n
    locales = Locales()
    form = SearchForm(QueryDict(urlencode({"q": " ".join(words)})), locales, "all")
    engine = DirectorySearch(form, locales)
    least = (len(words) + 1) // 2
    counted = dict(
        engine.ranked_rows(engine.words).annotate(n=F(WORDS_MATCHED)).values_list("page_id", "n")
    )
    assert counted == {page: n for page, n in has.items() if n >= least}
    results = engine.results()
    assert isinstance(results, TieredResults)
    whole = list(results.rows)
    assert [has[page] for page in whole] == sorted(
        (n for n in has.values() if n >= least), reverse=True
    )
    assert {tier // 4 for tier, _n in results.tiers} == set(range(least, len(words) + 1))
    for start in range(len(whole) + 1):
        for stop in range(start, len(whole) + 2):
            assert results[start:stop] == whole[start:stop], (start, stop)
    # A page read with the counts is the same page of the whole order, however it falls on
    # the tiers (`window`), and the counts are the same.
    facets = engine.facets()
    for size in (1, 2, 3, 5):
        for start in range(0, len(whole), size):
            window = (start, start + size)
            read = DirectorySearch(form, locales, window=window)
            assert read._shown is not None
            assert read.facets() == facets
            shown = read.results()
            stop = min(start + size, len(whole))
            with CaptureQueriesContext(connection) as queries:
                assert shown[start:stop] == whole[start:stop], window
            assert not queries.captured_queries  # read with the counts


def test_postgresql_ranks_a_tiers_newest_rows_and_lists_the_rest_after_them_newest_first(
    portal, settings
):
    """Ranking reads each row's words: in a tier of more rows than PORTAL_SEARCH_RANK_WINDOW
    (thousands for common words), its newest rows are ranked by relevance and the older ones
    follow, newest first, on the page read with the counts and on any other alike."""
    if connection.vendor != "postgresql":
        pytest.skip("the words are ranked on the rows on PostgreSQL")
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0
    index = Index(portal)
    index.grow_to(1)
    organisation = index.italy.get_children().first()
    titles = [  # the oldest first; the more "zirconio", the more relevant
        "zirconio zirconio zirconio",
        "zirconio laboratorio",
        "zirconio zirconio zirconio zirconio",
        "zirconio corso",
        "zirconio zirconio",
    ]
    pages = []
    for title in titles:
        service = ServicePageFactory(parent=organisation, title=title, summary="Un servizio.")
        service.save_revision().publish()
        pages.append(service.pk)
    oldest, plain_1, best, plain_2, second = pages
    locales = Locales()
    form = SearchForm(QueryDict(urlencode({"q": "zirconio"})), locales, "all")

    def order(window=None):
        """The results [0:5], or the window read with the counts (no query of its own)."""
        engine = DirectorySearch(form, locales, window=window)
        results = engine.results()
        start, stop = window or (0, 5)
        with CaptureQueriesContext(connection) as queries:
            ids = list(results[start:stop])
        assert bool(queries.captured_queries) == (window is None)
        return ids

    # Every row ranked: by relevance.
    settings.PORTAL_SEARCH_RANK_WINDOW = 0
    assert order()[:3] == [best, oldest, second]
    assert order((0, 3)) == [best, oldest, second]
    # The three newest ranked, the two oldest after them, newest first.
    settings.PORTAL_SEARCH_RANK_WINDOW = 3
    expected = [best, second, plain_2, plain_1, oldest]
    assert order() == expected
    assert order((0, 3)) == expected[:3]
    assert order((3, 5)) == expected[3:]


def test_postgresql_finds_the_words_by_counting_them_whatever_the_filters(portal, settings):
    """The words are found, or not, from the same query as the counts: a filter leaving no
    result does not make the search look for other words, and the counts say where they are."""
    if connection.vendor != "postgresql":
        pytest.skip("the words are counted on the rows on PostgreSQL")
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0
    Index(portal).grow_to(2)
    locales = Locales()

    def search(**params):
        form = SearchForm(QueryDict(urlencode(params)), locales, "all")
        return DirectorySearch(form, locales)

    elsewhere = search(q="formazione", country="gr")
    assert len(elsewhere.results()) == 0
    assert elsewhere.corrected == "" and elsewhere.searched_words == ["formazione"]
    assert elsewhere.facets()["country"]["it"] == len(search(q="formazione").results()) > 0
    some = search(q="formazione zzyzxqw")  # one word found, the other nowhere
    assert some.any_word and len(some.results()) > 0
    every = search(q="formazione lavoro")
    assert not every.any_word and len(every.results()) > 0
    assert search(q="zzyzxqw vvqwzz").faceted() is None


def test_tiered_results_read_only_the_tiers_of_the_page():
    rows = {3: ["a", "b"], 2: ["c", "d", "e"], 0: ["f"]}  # {tier: its rows, in order}
    read = []

    def in_tiers(tiers):
        read.append(tiers)
        return [row for tier in sorted(tiers, reverse=True) for row in rows[tier]]

    whole = [row for tier in sorted(rows, reverse=True) for row in rows[tier]]
    results = TieredResults(whole, in_tiers, {tier: len(r) for tier, r in rows.items()}, count=6)
    assert results[0:2] == ["a", "b"] and read[-1] == [3]
    assert results[1:4] == ["b", "c", "d"] and read[-1] == [3, 2]
    assert results[2:5] == ["c", "d", "e"] and read[-1] == [2]
    assert results[4:10] == ["e", "f"] and read[-1] == [2, 0]
    assert results[6:8] == []
    assert results[1] == "b" and list(results) == whole

"""What every faceted listing of the portal shares: words, the search backend, rows and counts.

A listing (the directory's search, the services index, a country's organisations, the good
practices library) works in a fixed number of queries whatever its length:

- the words go through Wagtail's search backend once (`ranked_matches`): on the database backends
  as one SQL query, with Elasticsearch/OpenSearch as the ids the index gives, in its order. The
  portal's database backend (`search.backends.database`) lists the pages with at least half of
  the words, each with how many it has (`WORDS_MATCHED`): the pages with every word come first,
  then those with most of them, and the listing says when none has them all (`any_word`).
  When nothing matches, the backend's closest indexed words are searched instead, and the
  listing says so (`corrected`; `FacetedListing.find`). Elasticsearch/OpenSearch rank any word
  by their own relevance;
- one query fetches a `Row` per match with what the filters look at; the filters in force and
  the count beside each value of each filter (with every other filter applied) are then worked
  out on those rows, in Python (`Filter`, `FacetedListing`);
- only the page of results shown is loaded, for its cards (`result_page`).

Nothing here knows which pages are listed: each listing says how to fetch its rows and how each
of its filters reads a row.
"""

import json
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import BooleanField, Value
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils.functional import cached_property
from modelsearch.query import PlainText
from wagtail.search.backends import get_search_backend

from . import text

# With Elasticsearch/OpenSearch the matching ids come from the index: at most this many.
MAX_INDEX_MATCHES = 10_000
# The annotation of `ranked_matches`: how many of the words a page has.
WORDS_MATCHED = "search_words_matched"


class RankedWords(PlainText):
    """A search for `words`, ranked: the pages with at least half of them, the most first.

    A backend that understands it annotates each page with `WORDS_MATCHED`; any other takes it
    as a search for any of the words.
    """

    def __init__(self, words):
        super().__init__(" ".join(words), operator="or")


def text_matches(queryset, query_text, operator="and"):
    """The members of `queryset` that match `query_text`, and the index's order if it has one.

    On the database backends the matches are one SQL query, in order of relevance, and the order
    is None. With Elasticsearch/OpenSearch the index gives the ids in order of relevance: the
    matches are `queryset` narrowed to them (in no order) and the order is {pk: position}.
    """
    return _matches(queryset, queryset.search(query_text, operator=operator))


def ranked_matches(queryset, words):
    """`text_matches` for a `RankedWords` search: each match annotated with `WORDS_MATCHED`
    (by a backend that cannot count them, as if it had every word)."""
    matching, order = _matches(queryset, queryset.search(RankedWords(words)))
    if WORDS_MATCHED not in matching.query.annotations:
        matching = matching.annotate(**{WORDS_MATCHED: Value(len(words))})
    return matching, order


def _matches(queryset, results):
    if hasattr(results, "get_queryset"):  # the database backends: one SQL query
        return results.get_queryset(), None
    ids = [item.pk for item in results[:MAX_INDEX_MATCHES]]
    return queryset.filter(pk__in=ids), {pk: position for position, pk in enumerate(ids)}


def corrections(words):
    """`words` with the search backend's suggestion in place of each word no page has (the
    same words when it has none, or makes no suggestions)."""
    suggest = getattr(get_search_backend(), "suggestions", None)
    closest = suggest(words) if suggest else {}
    return [closest.get(word, word) for word in words]


def id_in(column, ids):
    """`column IN ids` as one parameter, however many ids (SQLite takes 32,766 at most).

    `column` is one of the caller's own names, never input; the ids are a parameter.
    """
    name = connection.ops.quote_name(column)
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        sql, value = f"{name} = ANY(%s)", ids
    else:
        sql, value = f"{name} IN (SELECT value FROM json_each(%s))", json.dumps(ids)  # noqa: S608
    return RawSQL(sql, [value], output_field=BooleanField())  # noqa: S611


def paginate(request, items, per_page):
    """The requested page of `items`; a page number that is not a number or out of range is 404."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(str(error)) from error


def result_page(request, items, cards):
    """The requested page of `items`, made ready for display by `cards`, and the request's query
    without the page number (for the pagination's links)."""
    page = paginate(request, items, settings.PORTAL_PAGE_SIZE)
    page.object_list = cards(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return page, query


def attach_vocabulary(rows, links):
    """Add to each row's sets the slugs of the terms it is linked to, one query per link table.

    `links` is a list of (through model, owner column, term name, row attribute, row ids).
    """
    by_pk = {row.pk: row for row in rows}
    for through, owner, term, attribute, ids in links:
        if not ids:
            continue
        pairs = through.objects.filter(id_in(owner, ids)).values_list(owner, f"{term}__slug")
        for pk, slug in pairs:
            getattr(by_pk[pk], attribute).add(slug)


@dataclass
class Row:
    """What the filters and the sorting need to know of one match (a page, found by `path`)."""

    pk: int
    path: str
    position: int = 0  # in the order the matches came: relevance, else the listing's own
    matched: int = 0  # how many of the words it has
    country: str = ""
    categories: set = field(default_factory=set)
    target_groups: set = field(default_factory=set)


# Filters -----------------------------------------------------------------------------------------


class Filter:
    """A filter that reads one attribute of a row: a row passes if it has the value chosen, and
    is counted under the value it has."""

    def __init__(self, attribute):
        self.attribute = attribute

    def test(self, value):
        return lambda row: getattr(row, self.attribute) == value

    def count(self, counter, row):
        counter[getattr(row, self.attribute)] += 1


class SetFilter(Filter):
    """A filter on a set of values (categories, target groups): a row is counted under each."""

    def test(self, value):
        return lambda row: value in getattr(row, self.attribute)

    def count(self, counter, row):
        counter.update(getattr(row, self.attribute))


class CheckFilter(Filter):
    """A checkbox: the rows for which `check(row)` is true pass, and are counted under True."""

    def __init__(self, check):
        self.check = check

    def test(self, value):
        return self.check

    def count(self, counter, row):
        counter[True] += self.check(row)


class FacetedListing:
    """The rows of a listing for one request, filtered and counted.

    A listing sets `filters` ({filter name: Filter}) and fetches its rows for words with
    `fetch_rows(words)` (each row's `matched`: how many of the words it has, from
    `ranked_matches`); its form has `filter_names`, `fields` and `values` (the filters in force).
    """

    filters = {}

    def __init__(self, form, typed):
        self.form = form
        self.words = text.search_words(typed)
        self.query_text = " ".join(self.words)
        self.any_word = False  # True when no page has every word: those with most are listed
        self.corrected = ""  # the words searched instead, when nothing had the visitor's
        self.rows = []

    def fetch_rows(self, words):
        raise NotImplementedError

    def find(self):
        """The rows with the most of the words first; when nothing has any, the rows with the
        closest indexed words, if any."""
        words = self.words
        self.rows = self.fetch_rows(words)
        if not self.rows and words:
            closest = corrections(words)
            if closest != words:
                self.rows = self.fetch_rows(closest)
                if self.rows:
                    words = closest
                    self.corrected = " ".join(closest)
        self.rows.sort(key=lambda row: -row.matched)  # stable: the order within stays
        self.any_word = bool(self.rows) and self.rows[0].matched < len(words)
        return self.rows

    def tests(self):
        """{filter name: test of a row} for the filters in force."""
        values = self.form.values
        return {name: self.filters[name].test(values[name]) for name in values}

    @cached_property
    def passes(self):
        """For each row, the names of the filters in force that it fails."""
        tests = self.tests()
        return [
            (row, frozenset(name for name, test in tests.items() if not test(row)))
            for row in self.rows
        ]

    def passing(self):
        """The rows that pass every filter in force, in order."""
        return [row for row, failed in self.passes if not failed]

    def count(self):
        """{filter name: Counter of its values}, each with every other filter applied."""
        fields = self.form.fields
        counts = {name: Counter() for name in self.form.filter_names if name in fields}
        for row, failed in self.passes:
            if len(failed) > 1:
                continue
            for name, counter in counts.items():
                if failed and name not in failed:
                    continue
                self.filters[name].count(counter, row)
        return counts

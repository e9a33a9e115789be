"""Faceted listings worked out in the database: filters, the count beside each value, order and
pages, in a fixed number of queries whatever the number of rows.

A listing hands `FacetedRows` a queryset of rows, one per piece of content it may list (for the
directory, `directory.models.ListingRow` in the visitor's language), the facets it filters on
and the values chosen. Then:

- the words, if any, go through Wagtail's search backend once (`core.listing.ranked_matches`),
  restricted to the rows' pages: the ids of the matches, most words first, in order of
  relevance (`Matches`);
- each facet's counts are one `GROUP BY` query on the rows that pass every other filter in
  force (and match the words): what the visitor would get by choosing that value;
- the results are the rows that pass every filter: without words a page of them is read in
  the listing's order (`LazyResults`: a count and one page); with words their ids are read and
  put in order of relevance.

Nothing here knows which rows are listed: each facet says how it narrows the rows and how it
counts them.
"""

from collections import Counter
from collections.abc import Sequence
from functools import cached_property, reduce
from operator import and_

from django.db.models import Count, Exists, OuterRef, Q

from core.listing import id_in


class Facet:
    """A filter on one column of the rows: the rows with the value chosen, counted by value."""

    def __init__(self, column):
        self.column = column

    def condition(self, value):
        return Q(**{self.column: value})

    def counts(self, rows):
        return Counter(dict(rows.order_by().values_list(self.column).annotate(n=Count("pk"))))


class TermFacet(Facet):
    """A vocabulary (categories, target groups): a row is counted under each of its terms.

    `terms` is the model linking a row's page to a term's slug (page, vocabulary, slug).
    """

    def __init__(self, terms, vocabulary):
        self.terms = terms
        self.vocabulary = vocabulary

    def condition(self, value):
        linked = self.terms.objects.filter(
            page_id=OuterRef("page_id"), vocabulary=self.vocabulary, slug=value
        )
        return Q(Exists(linked))

    def counts(self, rows):
        terms = self.terms.objects.filter(
            vocabulary=self.vocabulary, page_id__in=rows.order_by().values("page_id")
        )
        return Counter(dict(terms.order_by().values_list("slug").annotate(n=Count("pk"))))


class CheckFacet(Facet):
    """A checkbox: the rows meeting `check` (a Q) pass, and are counted under True."""

    def __init__(self, check):
        self.check = check

    def condition(self, value):
        return self.check

    def counts(self, rows):
        return Counter({True: rows.filter(self.check).count()})


class Only(Facet):
    """A facet that only some rows have (`applies`, a Q): the others fail it and are not
    counted for it."""

    def __init__(self, applies, inner):
        self.applies = applies
        self.inner = inner

    def condition(self, value):
        return self.applies & self.inner.condition(value)

    def counts(self, rows):
        return self.inner.counts(rows.filter(self.applies))


class LazyResults(Sequence):
    """The rows passing the filters, in order, read a page at a time (for `Paginator`)."""

    def __init__(self, rows):
        self.rows = rows

    @cached_property
    def _count(self):
        return self.rows.order_by().count()

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, item):
        if isinstance(item, slice):
            return list(self.rows[item])
        return self.rows[item]


class FacetedRows:
    """The rows of a listing for one request: `facets` {name: Facet}, `values` {name: value in
    force}, `ids` the pages the words matched (None without words)."""

    def __init__(self, rows, facets, values, ids=None, page_column="page_id"):
        self.facets = facets
        self.values = {name: value for name, value in values.items() if name in facets}
        if ids is not None:
            rows = rows.filter(id_in(page_column, ids))
        self.rows = rows

    @cached_property
    def conditions(self):
        return {name: self.facets[name].condition(value) for name, value in self.values.items()}

    def _narrowed(self, leaving_out=None):
        conditions = [q for name, q in self.conditions.items() if name != leaving_out]
        return self.rows.filter(reduce(and_, conditions)) if conditions else self.rows

    def passing(self):
        """The rows that pass every filter in force."""
        return self._narrowed()

    def counts(self, names):
        """{facet name: Counter of its values}, each with every other filter in force applied:
        one query per facet."""
        return {name: self.facets[name].counts(self._narrowed(leaving_out=name)) for name in names}


class RowSearch:
    """Words and filters over a listing's rows, for one request (see the module's docstring).

    A listing gives its rows (`rows`), its facets (`facet_filters`), the pages the words are
    searched in (`searched_pages`) and its form (with `values`, the filters in force).
    """

    def __init__(self, form, typed):
        from core import text

        self.form = form
        self.words = text.search_words(typed)
        self.query_text = " ".join(self.words)
        self.any_word = False  # True when no page has every word: those with most are listed
        self.corrected = ""  # the words searched instead, when nothing had the visitor's
        self.matched = {}  # {page id: (how many of the words it has, its place by relevance)}

    def rows(self):
        raise NotImplementedError

    def facet_filters(self):
        raise NotImplementedError

    def searched_pages(self):
        raise NotImplementedError

    def matching(self, words):
        """The rows' pages that match the words, as the search backend gives them (ordered on
        the database backends), and the index's order of them, if it gives one (Elasticsearch,
        OpenSearch)."""
        from core.listing import ranked_matches

        matching, index_order = ranked_matches(self.searched_pages(), words)
        return matching.filter(pk__in=self.rows().values("page_id")), index_order

    def matches(self, words):
        """[(page id, how many of the words it has)] for the rows' pages that match the words,
        the most words first, then by relevance."""
        from core.listing import WORDS_MATCHED

        matching, index_order = self.matching(words)
        pairs = matching.values_list("pk", WORDS_MATCHED)
        if index_order is None:
            return list(pairs)
        return sorted(pairs, key=lambda pair: (-pair[1], index_order[pair[0]]))

    def faceted(self):
        """The rows with their filters, narrowed to the pages with the words (or the closest
        indexed words); None when nothing has any of them."""
        from core.listing import corrections

        facets, values = self.facet_filters(), self.form.values
        if not self.words:
            return FacetedRows(self.rows(), facets, values)
        words = self.words
        matches = self.matches(words)
        if not matches:
            closest = corrections(words)
            if closest != words:
                matches = self.matches(closest)
                if matches:
                    words = closest
                    self.corrected = " ".join(closest)
        if not matches:
            return None
        self.any_word = matches[0][1] < len(words)
        self.matched = {pk: (matched, position) for position, (pk, matched) in enumerate(matches)}
        return FacetedRows(self.rows(), facets, values, ids=list(self.matched))

    def by_relevance(self, faceted):
        """The ids of the rows passing every filter: the most words first, then pages in the
        visitor's language, then by relevance."""

        def key(row):
            matched, position = self.matched[row[0]]
            return (-matched, not row[1], position)

        passing = faceted.passing().values_list("page_id", "in_language")
        return [row[0] for row in sorted(passing, key=key)]

    def count(self, faceted):
        """{filter name: {value: count}} for the form's filters."""
        names = [name for name in self.form.filter_names if name in self.form.fields]
        if faceted is None:
            return {name: {} for name in names}
        return {name: dict(counts) for name, counts in faceted.counts(names).items()}

"""Faceted listings worked out in the database: filters, the count beside each value, order and
pages, in a fixed number of queries whatever the number of rows.

A listing hands `FacetedRows` a queryset of rows, one per piece of content it may list (for the
directory, `directory.models.ListingRow` in the visitor's language), the facets it filters on
and the values chosen. Then:

- the words, if any: on PostgreSQL the rows are joined to their page's index words (a `words`
  relation: `directory.listing_rows.copy_search_text`), and the portal's backend matches and
  ranks them there (`ranked_rows`: a GIN index on the words), each row with how many of the
  words it has and its relevance. Elsewhere (SQLite,
  Elasticsearch/OpenSearch) they go through Wagtail's search backend once
  (`core.listing.ranked_matches`), restricted to the rows' pages: the ids of the matches, most
  words first, in order of relevance;
- each facet's counts are one `GROUP BY` query on the rows that pass every other filter in
  force (and match the words): what the visitor would get by choosing that value. On
  PostgreSQL, with words (and without, for a listing whose facets all can be:
  `RowSearch.groups_facets`), all the facets are counted in one query that reads the rows
  once (`FacetedRows.at_once`);
- the results are the rows that pass every filter, in the listing's order, read a page at a
  time (`LazyResults`: a count and one page); with words, the most words first, then by
  relevance. Where the backend gives the matches as ids, their ids are read and put in order.

Nothing here knows which rows are listed: each facet says how it narrows the rows and how it
counts them.
"""

from collections import Counter
from collections.abc import Sequence
from functools import cached_property, reduce
from operator import and_

from django.conf import settings
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
from django.db.models.lookups import LessThanOrEqual

from core.listing import id_in


class Facet:
    """A filter on one column of the rows: the rows with the value chosen, counted by value."""

    def __init__(self, column):
        self.column = column

    def condition(self, value):
        return Q(**{self.column: value})

    def counts(self, rows):
        return self.tally(
            Counter(dict(rows.order_by().values_list(self.column).annotate(n=Count("pk"))))
        )

    def grouping(self):
        """How `FacetedRows.counts` counts it in one query with the others: {"value": the
        expression counted by}, {"terms": (terms model, vocabulary)} or {"tokens": (the rows'
        terms column, vocabulary)}, and "applies" (a Q) when only some rows are counted."""
        return {"value": F(self.column)}

    def tally(self, counts):
        """The counts as the filter shows them, from {value: rows} (values as text when
        counted in one query with the others)."""
        return counts


class TermFacet(Facet):
    """A vocabulary (categories, target groups): a row is counted under each of its terms.

    `terms` is the model linking a row's page to a term's slug (page, vocabulary, slug).
    `column`, when the rows also hold their terms as text (" vocabulary:slug ..."; see
    `term_tokens`): the rows are then filtered and counted on that column, without reading
    the terms' table, when counted with the other facets in one query.
    """

    def __init__(self, terms, vocabulary, column=None):
        self.terms = terms
        self.vocabulary = vocabulary
        self.column = column

    def condition(self, value):
        if self.column:
            return Q(**{f"{self.column}__contains": f" {self.vocabulary}:{value} "})
        # The pages with the term, worked out once (a hashed subquery), not once per row.
        linked = self.terms.objects.filter(vocabulary=self.vocabulary, slug=value)
        return Q(page_id__in=linked.values("page_id"))

    def counts(self, rows):
        terms = self.terms.objects.filter(
            vocabulary=self.vocabulary, page_id__in=rows.order_by().values("page_id")
        )
        return self.tally(
            Counter(dict(terms.order_by().values_list("slug").annotate(n=Count("pk"))))
        )

    def grouping(self):
        if self.column:
            return {"tokens": (F(self.column), self.vocabulary)}
        return {"terms": (self.terms, self.vocabulary)}


def term_tokens(terms):
    """{page id: its terms as a row holds them (`TermFacet.column`)}, from (page id,
    vocabulary, slug) triples: " category:training target_group:young ", each term once."""
    by_page = {}
    for page_id, vocabulary, slug in terms:
        by_page.setdefault(page_id, {})[f"{vocabulary}:{slug}"] = None
    return {page_id: f" {' '.join(sorted(tokens))} " for page_id, tokens in by_page.items()}


class CheckFacet(Facet):
    """A checkbox: the rows meeting `check` (a Q) pass, and are counted under True."""

    def __init__(self, check):
        self.check = check

    def condition(self, value):
        return self.check

    def counts(self, rows):
        return Counter({True: rows.filter(self.check).count()})

    def grouping(self):
        return {"value": ExpressionWrapper(self.check, output_field=BooleanField())}

    def tally(self, counts):
        return Counter({True: counts.get("true", 0)})


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

    def grouping(self):
        inner = self.inner.grouping()
        return {**inner, "applies": self.applies & inner.get("applies", Q())}

    def tally(self, counts):
        return self.inner.tally(counts)


class LazyResults(Sequence):
    """The rows passing the filters, in order, read a page at a time (for `Paginator`)."""

    def __init__(self, rows, count=None):
        self.rows = rows
        if count is not None:  # already counted (`FacetedRows.total`)
            self._count = count

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

    def __iter__(self):
        # One query for every row (a Sequence would otherwise read one index at a time).
        return iter(self.rows)


class TieredResults(LazyResults):
    """`LazyResults` ranked by relevance, whose order starts with tiers (the most words, the
    visitor's language, checked recently: `RowSearch.relevance_tiers`) counted beforehand
    (`tiers`: {tier: rows}). A page of results reads only the rows of the tiers it falls in
    (`in_tiers([tier, ...])`: those rows, in the same order), so that only they are ranked:
    ranking reads each row's words, and a common word has thousands."""

    def __init__(self, rows, in_tiers, tiers, count=None, shown=None):
        super().__init__(rows, count=count)
        self.in_tiers = in_tiers
        self.tiers = sorted(tiers.items(), reverse=True)
        # (start, stop, ids): the rows [start:stop], read with the counts (`FacetedRows`'
        # `window`): the page the visitor asked for, which is then not read again.
        self.shown = shown

    def _already_read(self, start, stop):
        if self.shown is None:
            return None
        first, last, ids = self.shown
        # The page asked for, or its start up to the last row (the last page).
        every_row = len(ids) == last - first or first + len(ids) == self._count
        if start == first and first <= stop <= last and every_row:
            return ids[: stop - first]
        return None

    def __getitem__(self, item):
        if not isinstance(item, slice) or item.step is not None:
            return super().__getitem__(item)
        start, stop = item.start or 0, item.stop
        if start < 0 or stop is None or stop < 0 or stop <= start:
            return super().__getitem__(item)
        if (ids := self._already_read(start, stop)) is not None:
            return list(ids)
        before = end = 0  # rows in the tiers above the page's first; up to this tier
        chosen = []  # the tiers the page falls in, the highest first
        for tier, n in self.tiers:
            end += n
            if end <= start:
                before = end
                continue
            chosen.append(tier)
            if end >= stop:
                break
        if not chosen:
            return []
        return list(self.in_tiers(chosen)[start - before : stop - before])


TIER_SET = 1_000_000  # the number of the tiers' counts among the facets' (`_counts_at_once`)
SHOWN = -1_000_000  # the number of the page of results' rows among the facets' counts


class FacetedRows:
    """The rows of a listing for one request: `facets` {name: Facet}, `values` {name: value in
    force}, `ids` the pages the words matched (None without words); `at_once`: count every
    facet in one query (PostgreSQL); `words` the words the rows match on their own words."""

    def __init__(
        self,
        rows,
        facets,
        values,
        ids=None,
        page_column="page_id",
        at_once=False,
        words=None,
        tiers=None,
        window=None,
        ranking=None,
        tally=None,
    ):
        self.facets = facets
        self.words = words  # the words the rows match, when matched on the rows themselves
        self.values = {name: value for name, value in values.items() if name in facets}
        if ids is not None:
            rows = rows.filter(id_in(page_column, ids))
        self.rows = rows
        self.page_column = page_column
        self.at_once = at_once
        self.total = None  # how many rows pass every filter, when counted with the facets
        # An expression giving each row its tier (`TieredResults`), counted with the facets
        # (`at_once`) into `tier_counts` {tier: rows passing every filter} and, whatever the
        # filters, `tiers_everywhere` {tier: rows}: whether the words are found at all, and
        # the most of them a row has (`RowSearch.found_by_counting`).
        self.tiers = tiers
        self.tier_counts = None
        self.tiers_everywhere = None
        # With tiers, the rows [start:stop] (`window`) of the order by relevance can be read
        # with the counts, from the same rows, rather than finding the words again: `ranking`
        # (the table of the rows' words, joined on the page, and the SQL of a row's relevance
        # on it, with its parameters: `RowSearch.row_ranking`). `shown` (start, stop, ids).
        self.window = window if tiers is not None and ranking is not None else None
        self.ranking = ranking
        self.shown = None
        # The listing's tallies (`directory.models.ListingTally`: rows alike in every column
        # the facets read, each with how many rows it stands for, and each row holding its
        # tally's key, `tally_key`), which `at_once` counts on: without words, the tallies
        # instead of the rows; with words, the rows' keys, the facets read from the tallies.
        # The same counts, from fewer rows or narrower ones.
        self.tally = tally if ids is None else None
        self._counted = None  # (names, counts) of the last `counts`

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
        one query per facet, or one for them all (`at_once`); worked out once for the same
        names."""
        names = list(names)
        if self._counted and self._counted[0] == names:
            return self._counted[1]
        if self.at_once and (names or self.tiers is not None):
            counts = self._counts_at_once(names)
        else:
            counts = {
                name: self.facets[name].counts(self._narrowed(leaving_out=name)) for name in names
            }
        self._counted = (names, counts)
        return counts

    def _counts_at_once(self, names):
        """The same counts in one query: the rows read once (a materialized CTE holding, for
        each row, whether it passes each filter in force, tested once, and the value each
        facet counts it under), then a `GROUP BY` of them per facet (a vocabulary's terms
        unnested); and how many pass every filter (`total`).

        The rows alike in all of that are counted together first (`facet_rows`): tens of
        thousands of rows come down to the few hundred ways they differ, which the facets
        then group, and whose terms are unnested once per way rather than once per row. Not
        when a facet joins a table of terms on the rows' pages (`TermFacet` without a
        column): the rows' pages are then kept."""
        conditions = list(self.conditions.items())
        columns = {
            f"facet_in_force_{number}": self._passes([q])
            for number, (_name, q) in enumerate(conditions)
        }

        def passing(leaving_out=None, applies=None):
            tests = [
                f"facet_in_force_{number}"
                for number, (name, _q) in enumerate(conditions)
                if name != leaving_out
            ]
            return " AND ".join([*tests, *([applies] if applies else [])]) or "true"

        # The total and the facets counted by value: one pass over the rows, one grouping set
        # each, every set counting the rows that pass its own filters (an aggregate's FILTER).
        sets = [("-1", None, passing())]  # (facet number, the value column, its passes)
        branches, branch_params, by_tokens = [], [], {}
        by_page = any("terms" in self.facets[name].grouping() for name in names)
        # How many rows a row of `m` stands for: one, or those counted together (see above).
        rows = "1" if by_page else "facet_rows"
        for number, name in enumerate(names):
            grouping = self.facets[name].grouping()
            applies = None
            if "applies" in grouping:
                applies = f"facet_applies_{number}"
                columns[applies] = self._passes([grouping["applies"]])
            passes = passing(leaving_out=name, applies=applies)
            value = f"facet_value_{number}"
            if "tokens" in grouping:
                column, vocabulary = grouping["tokens"]
                # The vocabularies counted on the same rows share one pass over their terms.
                key = (str(column), passes)
                if key not in by_tokens:
                    by_tokens[key] = (f"facet_value_{number}", [])
                    columns[by_tokens[key][0]] = column
                by_tokens[key][1].append((number, f"{vocabulary}:"))
            elif "terms" in grouping:
                model, vocabulary = grouping["terms"]
                branches.append(
                    f"SELECT {number}, t.slug, count(*) FROM m "  # noqa: S608 (own names)
                    f"JOIN {model._meta.db_table} t ON t.page_id = m.{self.page_column} "
                    f"WHERE {passes} AND t.vocabulary = %s GROUP BY 2"
                )
                branch_params.append(vocabulary)
            else:
                columns[value] = grouping["value"]
                sets.append((str(number), value, passes))
        if self.tiers is not None:
            columns["facet_tier"] = self.tiers
            sets.append((str(TIER_SET), "facet_tier", passing()))
            sets.append((str(TIER_SET + 1), "facet_tier", "true"))
        branches.insert(0, self._grouping_sets(sets, rows))
        tokens = []  # for each pass over terms: [(facet number, its vocabulary's prefix)]
        for (_column, passes), (value, facets) in by_tokens.items():
            # Trimmed first: the leading and trailing spaces would each make an empty term.
            branches.append(
                f"SELECT {-2 - len(tokens)}, t, sum(n) FROM ("  # noqa: S608 (own names)
                f"SELECT unnest(string_to_array(btrim({value}), ' ')) AS t, {rows} AS n "
                f"FROM m WHERE {passes}) AS u GROUP BY 2"
            )
            tokens.append(facets)
        keyed = self.tally is not None and not by_page and self.words is not None
        if keyed:
            before, params = self._keyed(columns)
        else:
            # Counted on the tallies where there are some, without words, and the rows' pages
            # are not needed: each stands for `rows` rows.
            source, weight = self.rows, None
            if self.tally is not None and not by_page and self.words is None:
                source, weight = self.tally, "rows"
            base = source.order_by().values(weight or self.page_column).annotate(**columns)
            sql, params = base.query.sql_with_params()
            if conditions and self.words is None:
                # A row failing two filters or more counts for no facet: left out first. Not
                # with words: the planner, misjudging how few rows that leaves, would then test
                # each row's words instead of looking them up in their index.
                failing = " + ".join(
                    f"(facet_in_force_{number} IS NOT TRUE)::int"
                    for number in range(len(conditions))
                )
                sql = f"SELECT * FROM ({sql}) AS r WHERE {failing} <= 1"  # noqa: S608
            if self.window is None:
                before = f"m AS MATERIALIZED ({self._alike(sql, columns, by_page, weight)}) "
            else:
                # The rows kept (`r`), for `m` to count and the page of results to be read from.
                before = (
                    f"r AS {self._rows_kept} ({sql}), "  # noqa: S608 (own names)
                    f"m AS MATERIALIZED ({self._alike('SELECT * FROM r', columns, by_page)}) "
                )
        statement_params = [*params, *branch_params]
        if self.window is not None:
            page_sql, page_params = self._shown_rows(passing(), keyed=keyed)
            branches.append(page_sql)
            before += ", " + self._shown_tiers(passing(), rows)
            statement_params = [*params, *self.window, *branch_params, *page_params]
        statement = f"WITH {before}" + " UNION ALL ".join(branches)
        counted = [Counter() for _name in names]
        shown = []
        with connections[self.rows.db].cursor() as cursor:
            cursor.execute(statement, statement_params)
            self.total = 0
            tier_counts, everywhere = {}, {}
            for number, value, n in cursor.fetchall():
                if number == -1:
                    self.total = n
                elif number == TIER_SET:
                    tier_counts[int(value)] = n
                elif number == TIER_SET + 1:
                    everywhere[int(value)] = n
                elif number == SHOWN:
                    shown.append((n, int(value)))
                elif number < -1:  # a term, "vocabulary:slug"
                    for facet, prefix in tokens[-2 - number]:
                        if value.startswith(prefix):
                            counted[facet][value.removeprefix(prefix)] = n
                else:
                    counted[number][value] = n
        if self.tiers is not None:
            self.tier_counts, self.tiers_everywhere = tier_counts, everywhere
        if self.window is not None:
            self.shown = (*self.window, [page for _position, page in sorted(shown)])
        return {name: self.facets[name].tally(counted[i]) for i, name in enumerate(names)}

    def _keyed(self, columns):
        """With words and tallies: the rows with the words kept narrow (`r`: the page, its
        tally's key, its tier), counted by key and tier, and what the facets read (`columns`
        but the tier) worked out on the tallies (`t`) they are joined to, grouped as `_alike`
        groups the rows (`m`); a page of results is read from `r` and `t` (`_shown_rows`).
        (the CTEs, their parameters)."""
        quote = connections[self.rows.db].ops.quote_name
        columns = dict(columns)
        on_rows = {"facet_tier": columns.pop("facet_tier")} if "facet_tier" in columns else {}
        key = RawSQL(f'{quote(self.rows.model._meta.db_table)}."tally_key"', [])  # noqa: S611
        rows = self.rows.order_by().values(self.page_column).annotate(tally_key=key, **on_rows)
        r_sql, r_params = rows.query.sql_with_params()
        tallies = self.tally.order_by().values("alike").annotate(**columns)
        t_sql, t_params = tallies.query.sql_with_params()
        kept = ", ".join(quote(column) for column in [*columns, *on_rows])
        counted = ", ".join(["tally_key", *(quote(column) for column in on_rows)])
        before = (
            f"r AS {self._rows_kept} ({r_sql}), t AS MATERIALIZED ({t_sql}), "  # noqa: S608
            f"m AS MATERIALIZED (SELECT {kept}, sum(n)::int AS facet_rows FROM ("
            f"SELECT {counted}, count(*) AS n FROM r GROUP BY {counted}) AS k "
            f"JOIN t ON t.alike = k.tally_key GROUP BY {kept}) "
        )
        return before, [*r_params, *t_params]

    def _alike(self, sql, columns, by_page, weight=None):
        """`sql`'s rows, those alike in every column counted together (`facet_rows`), unless
        the rows' pages are kept (`by_page`); each row stands for one, or for its `weight`
        column's number of rows (a tally's)."""
        if by_page:
            return sql
        quote = connections[self.rows.db].ops.quote_name
        kept = ", ".join(quote(column) for column in columns)
        n = f"sum({quote(weight)})::int" if weight else "count(*)::int"
        return (
            f"SELECT {kept}, {n} AS facet_rows "  # noqa: S608 (own names)
            f"FROM ({sql}) AS r GROUP BY {kept}"
        )

    @property
    def _rows_kept(self):
        """How the rows with the words (`r`) are read: kept once for the counts and the page
        of results; with a rank window (`_shown_rows`), read for each, the page's from the
        rows' index in its order, which stops once it has its rows."""
        windowed = self.window is not None and settings.PORTAL_SEARCH_RANK_WINDOW
        return "NOT MATERIALIZED" if windowed else "MATERIALIZED"

    @staticmethod
    def _shown_tiers(passes, rows):
        """The tiers the window's rows are in, each with the number of passing rows in the
        tiers above it (`facet_chosen`: tier, before), from the counted rows `m`, as
        `TieredResults` chooses them; two parameters, the window's start and stop."""
        return (
            f"facet_tiers AS (SELECT facet_tier AS tier, sum({rows}) AS n "  # noqa: S608
            f"FROM m WHERE {passes} GROUP BY 1), "
            "facet_spans AS (SELECT tier, sum(n) OVER (ORDER BY tier DESC) - n AS before, "
            "sum(n) OVER (ORDER BY tier DESC) AS upto FROM facet_tiers), "
            "facet_chosen AS (SELECT tier, before FROM facet_spans "
            "WHERE upto > %s AND before < %s) "
        )

    def _shown_rows(self, passes, keyed=False):
        """A branch giving the window's rows (`SHOWN`, page id, position), from the rows of
        the tiers it falls in alone, ranked on their words (`ranking`), as
        `RowSearch.relevance_results` orders them: the tier, the relevance, the page; in each
        tier only the newest PORTAL_SEARCH_RANK_WINDOW rows are ranked, the rest follow them,
        newest first (`RowSearch.rank_window`). `keyed`:
        the rows' filters are read from their tallies (`_keyed`). The tiers a window falls in
        follow each other in the order (`_shown_tiers`), and a tier between two of them with
        no row passing the filters has none to add: each row is compared with the first and
        the last, not looked up among them (a hash of a common word's 36,000 rows)."""
        words, score, score_params = self.ranking
        start, stop = self.window
        page = f"r.{self.page_column}"
        if keyed and self.conditions:
            # The keys of the tallies that pass, hashed once (OFFSET 0 keeps the subquery
            # apart): never each row tested against each tally. Without filters every row's
            # tally passes (each row's tally counts it), and none is looked up.
            passes = f"r.tally_key IN (SELECT alike FROM t WHERE {passes} OFFSET 0)"  # noqa: S608
        ranked = settings.PORTAL_SEARCH_RANK_WINDOW
        if not ranked:
            return (
                f"SELECT {SHOWN}, p.page_id::text, row_number() OVER ("  # noqa: S608
                "ORDER BY p.tier DESC, p.score DESC, p.page_id DESC) FROM ("
                f"SELECT {page} AS page_id, r.facet_tier AS tier, {score} AS score "
                f"FROM r JOIN {words} ON {words}.page_id = {page} "
                f"WHERE {passes} AND r.facet_tier BETWEEN (SELECT min(tier) FROM facet_chosen) "
                "AND (SELECT max(tier) FROM facet_chosen) "
                f"ORDER BY r.facet_tier DESC, score DESC, {page} DESC "
                "OFFSET %s - (SELECT coalesce(min(before), 0) FROM facet_chosen) LIMIT %s) AS p"
            ), [*score_params, start, stop - start]
        # Each chosen tier's newest rows, read in the order of the rows' index (page id,
        # newest first) until there are `ranked` of them: joined to their words and ranked.
        # The tier's other rows follow them unranked (a NULL score, last), read only when the
        # window reaches past its ranked ones. The rows (`r`) are not kept, so each look-up
        # reads the index afresh and stops once it has its rows.
        newest = (
            f"SELECT {page} AS page_id, r.facet_tier AS tier FROM r "  # noqa: S608
            f"WHERE {passes} AND r.facet_tier = f.tier ORDER BY {page} DESC"
        )
        return (
            f"SELECT {SHOWN}, p.page_id::text, row_number() OVER ("  # noqa: S608 (own names)
            "ORDER BY p.tier DESC, p.score DESC NULLS LAST, p.page_id DESC) FROM ("
            f"SELECT c.page_id, c.tier, {score} AS score FROM facet_chosen AS f "
            f"CROSS JOIN LATERAL ({newest} LIMIT %s) AS c "
            f"JOIN {words} ON {words}.page_id = c.page_id "
            "UNION ALL SELECT c.page_id, c.tier, NULL FROM facet_chosen AS f "
            f"CROSS JOIN LATERAL ({newest} OFFSET %s) AS c WHERE %s > f.before + %s "
            "ORDER BY 2 DESC, 3 DESC NULLS LAST, 1 DESC "
            "OFFSET %s - (SELECT coalesce(min(before), 0) FROM facet_chosen) LIMIT %s) AS p"
        ), [*score_params, ranked, ranked, stop, ranked, start, stop - start]

    @staticmethod
    def _grouping_sets(sets, rows="1"):
        """The SQL giving (facet number, value, count) for `sets` [(facet number, its value
        column or None for the total, the test of the rows it counts)] from one pass over `m`,
        each of whose rows stands for `rows` rows (a column, or "1"):
        a grouping set per value column, each row counted in the sets whose test it passes.
        The total's row always comes (an empty grouping set has one); a value none of a
        set's rows pass is left out, as a `WHERE` before grouping would leave it."""
        # Each value column grouped once, however many sets count by it (each its own way).
        values = list(dict.fromkeys(value for _number, value, _passes in sets if value))
        grouped = ", ".join(
            [
                *(f"GROUPING({value}) AS g_{value}, {value}::text AS {value}" for value in values),
                *(
                    f"coalesce(sum({rows}) FILTER (WHERE {passes}), 0) AS n_{i}"
                    for i, (_n, _v, passes) in enumerate(sets)
                ),
            ]
        )
        grouping_sets = ", ".join(["()", *(f"({value})" for value in values)])
        every = " AND ".join(f"g.g_{value} = 1" for value in values) or "true"
        unpivoted = ", ".join(
            f"({number}, {f'g.{value}' if value else 'NULL::text'}, g.n_{i}, "
            f"{f'g.g_{value} = 0 AND g.n_{i} > 0' if value else every})"
            for i, (number, value, _passes) in enumerate(sets)
        )
        return (
            f"SELECT x.number, x.value, x.n FROM ("  # noqa: S608 (own names)
            f"SELECT {grouped} FROM m GROUP BY GROUPING SETS ({grouping_sets})) AS g "
            f"CROSS JOIN LATERAL (VALUES {unpivoted}) AS x(number, value, n, kept) WHERE x.kept"
        )

    @staticmethod
    def _passes(conditions):
        if not conditions:
            return Value(True)
        return ExpressionWrapper(reduce(and_, conditions), output_field=BooleanField())


class RowSearch:
    """Words and filters over a listing's rows, for one request (see the module's docstring).

    A listing gives its rows (`rows`), its facets (`facet_filters`), the pages the words are
    searched in (`searched_pages`) and its form (with `values`, the filters in force).
    """

    # False for a listing that finds its words its own way (its own `matching`/`matches`): the
    # words are then never matched on the rows themselves (`ranks_rows`).
    words_on_rows = True
    # True for a listing whose every facet can be counted with the others (`Facet.grouping`):
    # on PostgreSQL, its counts without words are then one query too (`FacetedRows.at_once`).
    groups_facets = False

    def __init__(self, form, typed):
        from core import text

        self.form = form
        self.words = text.search_words(typed)
        self.query_text = " ".join(self.words)
        self.any_word = False  # True when no page has every word: those with most are listed
        self.corrected = ""  # the words searched instead, when nothing had the visitor's
        self.matched = {}  # {page id: (how many of the words it has, its place by relevance)}
        self.searched_words = []  # the words searched: the visitor's, or the corrected ones
        self.known_words = {}  # the search backend's, for `ranked_rows`

    def rows(self):
        raise NotImplementedError

    def facet_filters(self):
        raise NotImplementedError

    def tallies(self):
        """The tallies of `rows` (`FacetedRows`' `tally`), where the listing keeps some; None
        counts on the rows."""
        return None

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

    @cached_property
    def ranks_rows(self):
        """Whether the search backend matches and ranks the words on the rows themselves (the
        portal's PostgreSQL backend, over rows holding their page's index words). A listing
        that finds its words its own way (`words_on_rows` False) keeps it."""
        from wagtail.search.backends import get_search_backend

        fields = {field.name for field in self.rows().model._meta.get_fields()}
        backend_ranks = hasattr(get_search_backend(), "ranked_rows")
        return self.words_on_rows and backend_ranks and "words" in fields

    def ranked_rows(self, words, every=False):
        """The rows with at least half of `words` (`every`: all of them), ranked by the backend
        (see `ranks_rows`). What the backend learns of the words on the way (which of them
        are among the most frequent) is kept for the request's other look-ups."""
        from wagtail.search.backends import get_search_backend

        return get_search_backend().ranked_rows(
            self.rows(), words, every=every, known=self.known_words
        )

    def row_ranking(self, words):
        """(the table of the rows' words, the SQL of a row's relevance to `words` on it, its
        parameters), as `scored` ranks them, for `FacetedRows` to read a page of results with
        its counts; None where the backend does not rank the rows (see `ranks_rows`)."""
        from wagtail.search.backends import get_search_backend

        if not self.ranks_rows:
            return None
        return get_search_backend().row_score_sql(
            words, connections[self.rows().db], known=self.known_words
        )

    def scored(self, rows):
        """`rows` of `searched_rows`, with their relevance to the words for `word_order`
        (see `ranks_rows`)."""
        from wagtail.search.backends import get_search_backend

        if self.searched_words and self.ranks_rows:
            return get_search_backend().scored_rows(rows, self.searched_words)
        return rows

    def searched_rows(self):
        """The rows the search lists from: with words, those matching the words searched."""
        if self.searched_words and self.ranks_rows:
            return self.ranked_rows(self.searched_words)
        return self.rows()

    def _found_in_rows(self, words):
        """None when no row has half of `words`; else whether some of them are missing (the
        rows with most are listed): one query, two when not every word is found."""
        if self.ranked_rows(words, every=True).exists():
            return False
        if len(words) > 1 and self.ranked_rows(words).exists():
            return True
        return None

    def _find(self, words):
        """Whether some rows match `words`, setting `any_word` (and `matched` when the backend
        gives the matches rather than ranking the rows)."""
        if self.ranks_rows:
            found = self._found_in_rows(words)
            self.any_word = bool(found)
            return found is not None
        matches = self.matches(words)
        if not matches:
            return False
        self.any_word = matches[0][1] < len(words)
        self.matched = {pk: (matched, position) for position, (pk, matched) in enumerate(matches)}
        return True

    # Whether the listing counts its filters (`count`) whenever it reads its rows: the words
    # are then found by counting them (`found_by_counting`), not asked about first.
    counts_filters = True
    # (start, stop): the results the visitor is shown, read with the counts when the words
    # are found by counting them (`FacetedRows`' `window`); None when not known beforehand.
    window = None

    def found_by_counting(self, words):
        """The rows matching `words` counted with the filters, tier by tier
        (`relevance_tiers`), in one query whose counts say whether any row has them and the
        most of them one has, setting `any_word`; None when no row has half of them. Asking
        first whether some row has them would gather every page with a common word once more."""
        self.searched_words = words
        faceted = FacetedRows(
            self.ranked_rows(words),
            self.facet_filters(),
            self.form.values,
            at_once=True,
            words=words,
            tiers=self.relevance_tiers(),
            window=self.window,
            ranking=self.row_ranking(words) if self.window else None,
            tally=self.tallies(),
        )
        self.count(faceted)
        # Only the tiers some rows are in are counted (`FacetedRows._grouping_sets`).
        if not faceted.tiers_everywhere:
            self.searched_words = []
            return None
        # A tier counts the words a row has in fours (`relevance_tiers`).
        self.any_word = len(words) > 1 and max(faceted.tiers_everywhere) // 4 < len(words)
        return faceted

    def found_by_asking(self, words):
        """The rows matching `words` with their filters, once asked whether some row has them
        (`_find`, setting `any_word`); None when none has."""
        if not self._find(words):
            return None
        self.searched_words = words
        facets, values = self.facet_filters(), self.form.values
        if self.ranks_rows:
            tiers = self.relevance_tiers() if self.ranked_by_relevance else None
            return FacetedRows(
                self.searched_rows(),
                facets,
                values,
                at_once=True,
                words=words,
                tiers=tiers,
                tally=self.tallies(),
            )
        return FacetedRows(self.rows(), facets, values, ids=list(self.matched))

    def faceted(self):
        """The rows with their filters, narrowed to the pages with the words (or the closest
        indexed words); None when nothing has any of them."""
        from core.listing import corrections

        if not self.words:
            rows = self.rows()
            at_once = self.groups_facets and connections[rows.db].vendor == "postgresql"
            tally = self.tallies() if at_once else None
            return FacetedRows(
                rows, self.facet_filters(), self.form.values, at_once=at_once, tally=tally
            )
        by_counting = self.ranks_rows and self.ranked_by_relevance and self.counts_filters
        found = self.found_by_counting if by_counting else self.found_by_asking
        faceted = found(self.words)
        if faceted is None:
            closest = corrections(self.words)
            if closest != self.words and (faceted := found(closest)) is not None:
                self.corrected = " ".join(closest)
        return faceted

    def word_order(self, order):
        """`order` (expressions, the page id last) for the rows matching the words: the most
        words first, then `order`, relevance before the page id (see `ranks_rows`)."""
        from core.listing import ROW_SCORE, WORDS_MATCHED

        first = [F(WORDS_MATCHED).desc()] if len(self.searched_words) > 1 else []
        return [*first, *order[:-1], F(ROW_SCORE).desc(), order[-1]]

    # Whether the results with words are in order of relevance (`by_relevance`): their tiers
    # are then counted with the facets (`TieredResults`).
    ranked_by_relevance = True

    def relevance_tiers(self):
        """An expression giving each row matching the words its tier in `by_relevance`'s
        order, higher first: how many of the words it has, then in the visitor's language,
        then checked recently (see `TieredResults`)."""
        from core.listing import WORDS_MATCHED

        def one_if(column):
            return Case(When(**{column: True}, then=1), default=0, output_field=IntegerField())

        tier = one_if("in_language") * 2 + one_if("checked_recently")
        if len(self.searched_words) > 1:
            tier = F(WORDS_MATCHED) * 4 + tier
        return tier

    def relevance_results(self, faceted, tier_counts, count, order, shown=None):
        """The ids of `faceted`'s passing rows matching the words, in `order` (`word_order`'s:
        the tiers of `relevance_tiers`, then relevance and the page), read a page at a time;
        with `tier_counts` ({tier: rows}), only the tiers a page falls in are ranked
        (`TieredResults`), and `shown` (start, stop, ids), the page read with the counts, is
        not read again."""

        def ordered(rows, order=order):
            rows, order = self.rank_window(self.scored(rows), order)
            return rows.order_by(*order).values_list("page_id", flat=True)

        passing = faceted.passing()
        if tier_counts is None:
            return LazyResults(ordered(passing), count=count)
        tiered = passing.alias(_relevance_tier=self.relevance_tiers())

        def in_tiers(tiers):
            # IN, not a range: the tier is worked out once per row. Within one tier, only
            # relevance and the page order the rows (the words in the tier are looked up once).
            first = [F("_relevance_tier").desc()] if len(tiers) > 1 else []
            return ordered(tiered.filter(_relevance_tier__in=tiers), [*first, *order[-2:]])

        return TieredResults(ordered(passing), in_tiers, tier_counts, count=count, shown=shown)

    def rank_window(self, rows, order):
        """`scored` rows and their `order` by relevance (`relevance_results`), in which each
        tier (`relevance_tiers`) ranks only its newest PORTAL_SEARCH_RANK_WINDOW rows, the rest
        following them, newest first, as `FacetedRows` reads a page of results with its counts:
        ranking reads each row's words, and a tier of common words has thousands."""
        from core.listing import ROW_SCORE

        ranked = settings.PORTAL_SEARCH_RANK_WINDOW
        score = F(ROW_SCORE).desc()
        if not (ranked and self.searched_words and self.ranks_rows and score in order):
            return rows, order
        nth = Window(
            RowNumber(), partition_by=[self.relevance_tiers()], order_by=F("page_id").desc()
        )
        rows = rows.alias(_rank_nth=nth)
        windowed = Case(
            When(LessThanOrEqual(F("_rank_nth"), ranked), then=F(ROW_SCORE)),
            default=None,
            output_field=FloatField(),
        )
        return rows, [windowed.desc(nulls_last=True) if o == score else o for o in order]

    def by_relevance(self, faceted):
        """The ids of the rows passing every filter: the most words first, then pages in the
        visitor's language, then by relevance."""
        if self.ranks_rows:
            order = self.word_order(["-in_language", "-checked_recently", "-page_id"])
            return self.relevance_results(
                faceted, faceted.tier_counts, faceted.total, order, shown=faceted.shown
            )

        def key(row):
            matched, position = self.matched[row[0]]
            return (-matched, not row[1], not row[2], position)

        # In the visitor's language first; in each, rows not checked recently after the rest.
        passing = faceted.passing().values_list("page_id", "in_language", "checked_recently")
        return [row[0] for row in sorted(passing, key=key)]

    def count(self, faceted):
        """{filter name: {value: count}} for the form's filters."""
        names = [name for name in self.form.filter_names if name in self.form.fields]
        if faceted is None:
            return {name: {} for name in names}
        return {name: dict(counts) for name, counts in faceted.counts(names).items()}

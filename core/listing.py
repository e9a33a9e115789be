"""What every listing of the portal shares: words through the search backend, and pages.

- the words go through Wagtail's search backend once (`ranked_matches`): on the database backends
  as one SQL query, with Elasticsearch/OpenSearch as the ids the index gives, in its order. The
  portal's database backend (`search.backends.database`) lists the pages with at least half of
  the words, each with how many it has (`WORDS_MATCHED`): the pages with every word come first,
  then those with most of them. When nothing matches, the backend's closest indexed words can
  be searched instead (`corrections`). Elasticsearch/OpenSearch rank any word by their own
  relevance;
- the faceted listings filter, count and order in the database (`core.facets`);
- only the page of results shown is loaded, for its cards (`result_page`).
"""

import json

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import BooleanField, Value
from django.db.models.expressions import RawSQL
from django.http import Http404
from modelsearch.query import PlainText
from wagtail.search.backends import get_search_backend

# With Elasticsearch/OpenSearch the matching ids come from the index: at most this many.
MAX_INDEX_MATCHES = 10_000
# The annotation of `ranked_matches`: how many of the words a page has.
WORDS_MATCHED = "search_words_matched"
# A listing row's relevance to the words, where the backend ranks rows (`core.facets.RowSearch`).
ROW_SCORE = "search_row_score"


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


def shown_window(request, per_page=None):
    """(start, stop) of the items the requested page shows, as `paginate` reads its number;
    None for a number that is not one (`paginate` answers it)."""
    per_page = per_page or settings.PORTAL_PAGE_SIZE
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        return None
    if number < 1:
        return None
    return ((number - 1) * per_page, number * per_page)


def result_page(request, items, cards):
    """The requested page of `items`, made ready for display by `cards`, and the request's query
    without the page number (for the pagination's links)."""
    page = paginate(request, items, settings.PORTAL_PAGE_SIZE)
    page.object_list = cards(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return page, query

"""Alerts for a saved search: "Email me new results" on every public listing (the directory's
search, the news, the calls for collaboration, the good practices, a country's organisations,
the networks), sent as a digest.

A search alert (`subscriptions.Subscription` of kind "search") keeps the search as the listing
showed it: which listing (`subscriptions.models.Listing`), its words, its filters (as the
listing's own form read them) and the language of the listing. `LISTINGS` says, for each
listing, how its saved searches run and where they are shown: its form, its own engine (the
listing's rows on the faceted engine, `core.facets`), its address. `send_search_alerts` (a
periodic command) runs each saved search through its listing's engine and keeps the results
that became listed since the subscription's last digest (`ListingRow.listed_at`: when the
content got its rows, a publication or its return to the listings; an edit does not make it
new). When there are some, the subscriber gets one email, in their language: the newest
`MAX_RESULTS` (title, organisation, place, link) and the link to the search itself (the
listing's address in the search's language, with the same query string).

Cost: the subscriptions and the suppressed addresses are read once; identical searches are run
once, whoever saved them (one window from the earliest of their digests: each subscriber's
newest results are the first of that search's newest), and their link worked out once; the
results are read as cards once per listing and language; then each email costs its own writes
(the subscription's window, the outbox row).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from collaboration.listing import CallFilterForm, CallSearch
from collaboration.models import CollaborationIndexPage
from core.facets import RowSearch
from core.urls import absolute_url
from directory import listing_rows
from directory.addresses import visitor_url
from directory.filters import ALL, ORGANISATIONS, DirectoryFilterForm
from directory.good_practices import GoodPracticeFilterForm, GoodPracticeSearch
from directory.listing import Locales, one_per_translation
from directory.models import CountryPage, GoodPracticesIndexPage
from directory.presentation import filter_label
from directory.search import DirectorySearch
from emails.mail import TemplateTexts
from emails.models import TemplateKey
from networks.listing import NetworkFilterForm, NetworkSearch
from networks.models import NetworkIndexPage
from news.listing import NewsFilterForm, NewsSearch
from news.models import NewsIndexPage
from subscriptions.digests import send_digest, since, window_end
from subscriptions.mail import recipients
from subscriptions.models import Kind, Listing

from .forms import SearchForm

#: The results an alert lists at most; the link to the search shows them all.
MAX_RESULTS = 10


def search_params(subscription):
    """The saved search as its listing's query string (a QueryDict)."""
    return query_string(subscription.query, subscription.filters)


def query_string(query, filters):
    params = QueryDict(mutable=True)
    if query:
        params["q"] = query
    for name, values in sorted(filters.items()):
        params.setlist(name, list(values))
    return params


class Saved:
    """A listing's engine for one saved search (mixed into the listing's own search class): its
    words and filters on the listing's rows in the active language, without the page's
    counts, order or cache."""

    scope = ALL  # for the directory's engine: what it lists
    counts_filters = False  # a saved search reads its newest results only

    def __init__(self, form, locales):
        RowSearch.__init__(self, form, getattr(form, "cleaned_data", {}).get("q", ""))
        self.locales = locales
        self.today = timezone.localdate()

    def newest(self, after, until, count):
        """[(page id, listed at)] of the `count` results listed last in (after, until]."""
        faceted = self.faceted()
        if faceted is None:
            return []
        rows = faceted.passing().filter(listed_at__gt=after, listed_at__lte=until)
        rows = rows.order_by("-listed_at", "-page_id").values_list("page_id", "listed_at")
        return list(rows[:count])


class SavedDirectorySearch(Saved, DirectorySearch):
    pass


class SavedCountrySearch(Saved, DirectorySearch):
    scope = ORGANISATIONS


class SavedNewsSearch(Saved, NewsSearch):
    pass


class SavedCallSearch(Saved, CallSearch):
    pass


class SavedGoodPracticeSearch(Saved, GoodPracticeSearch):
    pass


class SavedNetworkSearch(Saved, NetworkSearch):
    pass


def page_path(page, language):
    """`page`'s address for `language`'s visitors (None without a page)."""
    return visitor_url(page, code=language) if page is not None else None


def index_path(model):
    """(Locales, filters, language) -> the path of the live listing page `model` in the active
    language, else in the default one's, else as first written."""

    def path(locales, filters, language):
        pages = one_per_translation(model.objects.live(), locales.active, locales.default)
        return page_path(pages.order_by("pk").first(), language)

    return path


def country_path(locales, filters, language):
    """The page of the country the search is in, in `language` where translated."""
    codes = [code.upper() for code in filters.get("country", [])[:1]]
    countries = CountryPage.objects.live().filter(code__in=codes)
    country = one_per_translation(countries, locales.active, locales.default).first()
    return page_path(country, language)


@dataclass(frozen=True)
class SavedListing:
    """How one listing's saved searches run and where they are shown."""

    #: The listing's engine for a saved search (a `Saved` one).
    engine: type
    #: (query string, Locales) -> the listing's own form, reading the search as the page does.
    form: Callable
    #: (Locales, filters, language) -> the listing's path in the active language, or None.
    path: Callable
    #: Filters the listing's address already says (not repeated in its query string).
    fixed: tuple = ()


#: Every listing a search alert may watch (`subscriptions.models.Listing`).
LISTINGS = {
    Listing.SEARCH: SavedListing(
        SavedDirectorySearch,
        lambda params, locales: SearchForm(params, locales, scope=ALL),
        lambda locales, filters, language: reverse("search"),
    ),
    Listing.NEWS: SavedListing(
        SavedNewsSearch,
        NewsFilterForm,
        index_path(NewsIndexPage),
    ),
    Listing.CALLS: SavedListing(
        SavedCallSearch,
        CallFilterForm,
        index_path(CollaborationIndexPage),
    ),
    Listing.GOOD_PRACTICES: SavedListing(
        SavedGoodPracticeSearch,
        GoodPracticeFilterForm,
        index_path(GoodPracticesIndexPage),
    ),
    Listing.COUNTRY: SavedListing(
        SavedCountrySearch,
        lambda params, locales: DirectoryFilterForm(params, locales, scope=ORGANISATIONS),
        country_path,
        fixed=("country",),
    ),
    Listing.NETWORKS: SavedListing(
        SavedNetworkSearch,
        NetworkFilterForm,
        index_path(NetworkIndexPage),
    ),
}


def saved_listing(name):
    """The listing named `name` (a `Listing`); the directory's search for a name it no longer
    has."""
    return LISTINGS.get(name, LISTINGS[Listing.SEARCH])


def search_link(subscription, locales=None):
    """The absolute address of the saved search, in its language: its listing with the same
    query string, the same results. None when the listing has no page any more."""
    listing = saved_listing(subscription.listing)
    language = subscription.search_language
    with translation.override(language):
        path = listing.path(locales or Locales(), subscription.filters, language)
    if path is None:
        return None
    params = search_params(subscription)
    for name in listing.fixed:
        params.pop(name, None)
    query = params.urlencode()
    url = f"{path}?{query}" if query else path
    return absolute_url(url)


def describe(searches, locales=None):
    """Saved searches ([(listing, query, filters)]), each in a line in the active language as
    the alert email names it: its listing, its words (or "everything") and its filters' names
    ("Search: training · Italy"). The pages that show a search before and after it is confirmed
    use it (`subscriptions.models.DESCRIBE_HOOK`). One form per listing names every filter (their
    choices do not depend on the search), so the queries do not grow with the searches."""
    locales = locales or Locales()
    forms = {}
    lines = []
    for listing, query, filters in searches:
        if listing not in forms:
            forms[listing] = saved_listing(listing).form(QueryDict(), locales)
        lines.append(line(listing, query, filters, forms[listing]))
    return lines


def line(listing, query, filters, form):
    """One saved search in a line: its listing's name, its words (or "everything") and the
    names `form` (one of that listing's) gives its filters, in the order of its fields; a value
    it no longer offers is left out."""
    name = dict(Listing.choices).get(listing, Listing.SEARCH.label)
    words = " ".join(query.split()) or gettext("everything")
    labels = [
        str(label)
        for field in form.filter_names
        for value in filters.get(field, ())
        if (label := filter_label(form, field, value)) is not None
    ]
    return f"{name}: " + " · ".join([words, *labels])


def search_key(subscription):
    """Identical searches share one key."""
    filters = tuple(sorted((name, tuple(values)) for name, values in subscription.filters.items()))
    return subscription.listing, subscription.search_language, subscription.query, filters


def result_lines(engine, ids, language):
    """{page id: its line in the email}: title, organisation, place, then its address on the
    next line, as `language`'s visitors see them (the cards of `engine`'s listing)."""
    with translation.override(language):
        pages = engine.cards(ids)
        lines = {}
        for page in pages:
            where = [getattr(getattr(page, "organisation", None), "title", "")]
            where.append(getattr(page, "place_label", "") or getattr(page, "country_label", ""))
            where = ", ".join(part for part in where if part)
            url = absolute_url(page.visitor_urls.get(language) or page.get_url())
            title = f"{page.title} — {where}" if where else page.title
            lines[page.pk] = f"{title}\n  {url}"
    return lines


def send_search_alerts(now=None):
    """Email every confirmed, unsuppressed search alert its new results, if any. Returns how
    many emails were queued."""
    listing_rows.current()  # the content published since the last listing was read
    until = window_end(now)
    alerts = [s for s in recipients(Kind.SEARCH) if since(s) < until]
    groups = defaultdict(list)
    for alert in alerts:
        groups[search_key(alert)].append(alert)
    locales = Locales()
    found = {}  # search key: ([(page id, listed at)], its description, its link)
    for key, members in groups.items():
        first = members[0]
        listing = saved_listing(first.listing)
        with translation.override(first.search_language):
            engine = listing.engine(listing.form(search_params(first), locales), locales)
            newest = engine.newest(min(since(s) for s in members), until, MAX_RESULTS)
            if newest:
                link = search_link(first, locales) or ""
                words = line(first.listing, first.query, first.filters, engine.form)
                found[key] = (newest, words, link)
    ids_by = defaultdict(set)  # (listing, language): the ids of their results
    for (listing, language, *_rest), (newest, _words, _link) in found.items():
        ids_by[listing, language].update(pk for pk, _listed in newest)
    lines = {
        (listing, language): result_lines(saved_listing(listing).engine, sorted(ids), language)
        for (listing, language), ids in ids_by.items()
    }
    texts = TemplateTexts(TemplateKey.SEARCH_ALERT)
    sent = 0
    for key, (newest, words, link) in found.items():
        shown = lines[key[:2]]
        for alert in groups[key]:
            start = since(alert)
            results = [shown[pk] for pk, listed in newest if listed > start and pk in shown]
            if not results:
                continue
            context = {"search_words": words, "search_results": results, "search_link": link}
            if send_digest(alert, texts, context, until):
                sent += 1
    return sent

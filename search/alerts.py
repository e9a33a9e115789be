"""Alerts for a saved search: "Email me new results" on the search page, sent as a digest.

A search alert (`subscriptions.Subscription` of kind "search") keeps the search as the page
showed it: its words, its filters and the language of the listing. `send_search_alerts` (a
periodic command) runs each saved search through the search page's own engine
(`directory.search.DirectorySearch`, its form, its listing rows) and keeps the results that
became listed since the subscription's last digest (`ListingRow.listed_at`: when the content
got its rows, a publication or its return to the listings; an edit does not make it new). When
there are some, the subscriber gets one email, in their language: the newest `MAX_RESULTS`
(title, organisation, place, link) and the link to the search itself.

Cost: the subscriptions and the suppressed addresses are read once; identical searches are run
once, whoever saved them (one window from the earliest of their digests: each subscriber's
newest results are the first of that search's newest); the results are read as cards once per
language; then each email costs its own writes (the subscription's window, the outbox row).
"""

from collections import defaultdict

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.facets import RowSearch
from core.urls import absolute_admin_url
from directory import listing_rows
from directory.filters import ALL
from directory.listing import Locales
from directory.presentation import active_filters
from directory.search import DirectorySearch
from emails.mail import TemplateTexts
from emails.models import TemplateKey
from subscriptions.digests import send_digest, since, window_end
from subscriptions.mail import recipients
from subscriptions.models import Kind

from .forms import SearchForm

#: The results an alert lists at most; the link to the search shows them all.
MAX_RESULTS = 10


def search_params(subscription):
    """The saved search as the search page's query string (a QueryDict)."""
    params = QueryDict(mutable=True)
    if subscription.query:
        params["q"] = subscription.query
    for name, values in sorted(subscription.filters.items()):
        params.setlist(name, list(values))
    return params


def search_link(subscription):
    """The absolute address of the saved search, in its language: the same results."""
    with translation.override(subscription.search_language):
        path = reverse("search")
    query = search_params(subscription).urlencode()
    return absolute_admin_url(f"{path}?{query}" if query else path)


class SavedSearch(DirectorySearch):
    """The search page's engine for one saved search: its words and filters on the listing rows
    of its language, without the page's counts, order or cache."""

    def __init__(self, form, locales):
        RowSearch.__init__(self, form, form.cleaned_data.get("q", ""))
        self.scope = ALL
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

    def described(self):
        """The search in a few words, for the email: its words (or "everything") and the names
        of its filters, in the active language."""
        parts = [f"{self.query_text}" if self.query_text else gettext("everything")]
        parts += [str(chip["label"]) for chip in active_filters(self.form, QueryDict())]
        return " · ".join(parts)


def search_key(subscription):
    """Identical searches share one key."""
    filters = tuple(sorted((name, tuple(values)) for name, values in subscription.filters.items()))
    return subscription.search_language, subscription.query, filters


def result_lines(ids, language):
    """{page id: its line in the email}: title, organisation, place, then its address on the
    next line, as `language`'s visitors see them (the search page's cards)."""
    with translation.override(language):
        pages = DirectorySearch.cards(ids)
        lines = {}
        for page in pages:
            where = [getattr(getattr(page, "organisation", None), "title", "")]
            where.append(getattr(page, "place_label", ""))
            where = ", ".join(part for part in where if part)
            url = page.visitor_urls.get(language) or page.get_url()
            if url and url.startswith("/"):
                url = absolute_admin_url(url)
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
    found = {}  # search key: ([(page id, listed at)], its description)
    for key, members in groups.items():
        language = key[0]
        with translation.override(language):
            first = members[0]
            form = SearchForm(search_params(first), locales, scope=ALL)
            engine = SavedSearch(form, locales)
            newest = engine.newest(min(since(s) for s in members), until, MAX_RESULTS)
            if newest:
                found[key] = (newest, engine.described())
    ids_by_language = defaultdict(set)
    for (language, *_rest), (newest, _words) in found.items():
        ids_by_language[language].update(pk for pk, _listed in newest)
    lines = {
        language: result_lines(sorted(ids), language) for language, ids in ids_by_language.items()
    }
    texts = TemplateTexts(TemplateKey.SEARCH_ALERT)
    sent = 0
    for key, (newest, words) in found.items():
        language = key[0]
        for alert in groups[key]:
            start = since(alert)
            shown = lines[language]
            results = [shown[pk] for pk, listed in newest if listed > start and pk in shown]
            if not results:
                continue
            context = {
                "search_words": words,
                "search_results": results,
                "search_link": search_link(alert),
            }
            if send_digest(alert, texts, context, until):
                sent += 1
    return sent

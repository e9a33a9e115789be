"""The news digest: each news subscriber gets, once a day when there is some, the news that
became listed since their last digest.

A subscription to the news names countries, or none for every country. Its digest holds the
portal's own news (filed under the news index: no country) and the news of its countries (filed
under a country page, or under an organisation of that country), each in the subscriber's
language where it has been translated, else in English, else in the language it was written
in: the news index's own rows (`news.listing.News`) for that language. At most `MAX_NEWS`, the
newest first, and the link to the news index.

Cost: the subscriptions and the suppressed addresses are read once; the news rows once per
language; the pieces of news once per language, for their titles, summaries and addresses; then
each email costs its own writes.
"""

from collections import defaultdict

from django.utils import translation

from core.urls import absolute_admin_url, absolute_url
from directory.addresses import attach_visitor_urls
from directory.listing_rows import current
from directory.models import ListingRow
from emails.mail import TemplateTexts
from emails.models import TemplateKey
from subscriptions.digests import send_digest, since, window_end
from subscriptions.mail import recipients
from subscriptions.models import Kind

from .listing import NEWS
from .models import NewsIndexPage, NewsPage

#: The pieces of news a digest lists at most; the link to the news index has them all.
MAX_NEWS = 20


def news_link(language):
    """The news index in `language`, else in any language (the portal's first)."""
    index = (
        NewsIndexPage.objects.live().filter(locale__language_code=language).first()
        or NewsIndexPage.objects.live().order_by("pk").first()
    )
    return absolute_url(index.get_url()) if index else absolute_admin_url(f"/{language}/")


def news_lines(ids, language):
    """{page id: its item in the digest}: title and date, summary, address, as `language`'s
    readers see them."""
    with translation.override(language):
        pages = attach_visitor_urls(NewsPage.objects.filter(pk__in=ids).select_related("locale"))
        lines = {}
        for page in pages:
            url = absolute_url(page.visitor_urls.get(language) or page.get_url())
            lines[page.pk] = "\n  ".join(part for part in (page.title, page.summary, url) if part)
    return lines


def wanted(subscription, country):
    """Whether news of `country` (lower case; "" for the portal's own) is for the subscription."""
    return not country or not subscription.countries or country.upper() in subscription.countries


def send_news_digest(now=None):
    """Email every confirmed, unsuppressed news subscriber the news that became listed since
    their last digest, if any. Returns how many emails were queued."""
    current()  # the news published since the last listing was read
    until = window_end(now)
    by_language = defaultdict(list)
    for subscription in recipients(Kind.NEWS):
        if since(subscription) < until:
            by_language[subscription.subscriber.language].append(subscription)
    texts = TemplateTexts(TemplateKey.NEWS_DIGEST)
    sent = 0
    for language, subscriptions in by_language.items():
        after = min(since(s) for s in subscriptions)
        rows = list(
            ListingRow.objects.filter(
                language=language, listing=NEWS, listed_at__gt=after, listed_at__lte=until
            )
            .order_by("-listed_at", "-page_id")
            .values_list("page_id", "country", "listed_at")
        )
        if not rows:
            continue
        lines = news_lines([pk for pk, _country, _listed in rows], language)
        link = news_link(language)
        for subscription in subscriptions:
            start = since(subscription)
            items = [
                lines[pk]
                for pk, country, listed in rows
                if listed > start and pk in lines and wanted(subscription, country)
            ][:MAX_NEWS]
            if not items:
                continue
            context = {"news_list": items, "news_link": link}
            if send_digest(subscription, texts, context, until):
                sent += 1
    return sent

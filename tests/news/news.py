"""Pieces of news, published where the tests put them, for the news tests."""

from news.factories import NewsPageFactory
from tests.helpers import publish


def make_news(parent, *, categories=(), target_groups=(), related=(), live=True, **fields):
    """A piece of news under `parent`, in its language, with its tags and related pages."""
    news = NewsPageFactory.build(**fields)
    news.locale = parent.locale
    news.categories = list(categories)
    news.target_groups = list(target_groups)
    news.live = live
    parent.add_child(instance=news)
    for page in related:
        news.related_pages.create(page=page)
    if not live:
        news.save_revision()
        return news
    return publish(news)

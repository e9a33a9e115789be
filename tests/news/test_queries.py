"""The news index, the feeds and the home page's latest news cost the same number of queries
whatever the number of news."""

import pytest
from django.test import Client

from tests.helpers import count_queries, days, translate
from tests.news.news import make_news

pytestmark = pytest.mark.django_db


def grow(world, n):
    """n more pieces of news, older than the others (so the home page's three latest stay the
    same): under the index (every other one translated into Arabic), under Italy and under Il
    Ponte, tagged training and related to Il Ponte."""
    italy = world.portal.localized(world.portal.countries["IT"], "it")
    parents = [world.index, italy, world.ponte.page]
    for i in range(n):
        news = make_news(
            parents[i % 3],
            title=f"Training news {i}",
            summary=f"Sportello per chi cerca lavoro, notizia {i}.",
            date=days(-10 - i),
            categories=[world.training],
            related=[world.ponte.page],
        )
        if i % 2 == 0 and news.locale.language_code == "en":
            translate(news, "ar", title=f"أخبار التدريب {i}")


count = count_queries


# The most queries each may take, as measured: the index (31: the site and its pages, the
# form's countries and vocabularies, the rows' freshness, each filter's counts, one count and
# one page of ids, the cards: their pages, categories, places, country names and addresses),
# each feed (19), the home page with its three latest news (at most 33).
LIST_BUDGET = 31
FEED_BUDGET = 19
HOME_BUDGET = 33


def test_the_news_index_feeds_and_home_cost_the_same_for_4_and_34_news(world, settings):
    settings.PORTAL_PAGE_SIZE = 100
    client = Client()
    searches = [{}, {"country": "it"}, {"category": "training", "q": "sportello"}]
    small, response = count(client, "/el/news/")
    assert len(response.context["news"].object_list) == 4
    small_searches = [count(client, "/el/news/", **query)[0] for query in searches]
    small_feeds = [count(client, url)[0] for url in ("/el/news/feed/", "/el/news/feed/atom/")]
    small_home = count(client, "/el/")[0]

    grow(world, 30)
    large, response = count(client, "/el/news/")
    assert len(response.context["news"].object_list) == 34
    large_searches = [count(client, "/el/news/", **query)[0] for query in searches]
    large_feeds = [count(client, url)[0] for url in ("/el/news/feed/", "/el/news/feed/atom/")]
    large_home = count(client, "/el/")[0]

    assert small == large <= LIST_BUDGET
    assert small_searches == large_searches
    assert max(large_searches) <= LIST_BUDGET, large_searches
    assert small_feeds == large_feeds
    assert max(large_feeds) <= FEED_BUDGET, large_feeds
    assert small_home == large_home <= HOME_BUDGET

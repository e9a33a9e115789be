"""The news index, a piece of news, the feeds and the home page's latest news, as visitors
see them."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.helpers import card_titles, days, translate
from tests.news.news import make_news

pytestmark = pytest.mark.django_db


def titles(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    return card_titles(response.content.decode())


def test_the_index_lists_every_live_piece_of_news_once_in_the_visitors_language_first(
    client, world
):
    # English visitors: the portal's news in English first, then the others as written, newest
    # first; the Italian translation of the portal's news is not listed a second time.
    assert titles(client, "/en/news/") == [
        "Portal open in four languages",
        "Il Ponte apre un forno sociale",
        "Sportello lavoro a Palermo",
        "Νέο κέντρο κατάρτισης",
    ]
    # Italian visitors: what is written in Italian first, the portal's news in its translation.
    assert titles(client, "/it/news/") == [
        "Portale aperto in quattro lingue",
        "Il Ponte apre un forno sociale",
        "Sportello lavoro a Palermo",
        "Νέο κέντρο κατάρτισης",
    ]


def test_news_in_another_language_is_marked_with_its_own_language(client, world):
    html = client.get("/ar/news/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r'<h3 class="card__title" lang="el" dir="ltr"><a href="/ar/[^"]+">Νέο', html)
    assert "Draft news never published" not in html


def test_the_index_filters_by_country_and_by_category(client, world):
    assert titles(client, "/en/news/", country="it") == [
        "Il Ponte apre un forno sociale",
        "Sportello lavoro a Palermo",
    ]
    assert titles(client, "/en/news/", category="training") == [
        "Il Ponte apre un forno sociale",
        "Sportello lavoro a Palermo",
        "Νέο κέντρο κατάρτισης",
    ]
    assert titles(client, "/en/news/", country="gr", category="training") == [
        "Νέο κέντρο κατάρτισης"
    ]
    response = client.get("/en/news/", {"country": "nowhere"})
    assert response.status_code == 200, "a country that is not one is reported, not an error"


def test_a_piece_of_news_unpublished_leaves_the_index(client, world):
    world.news.italy.unpublish()
    assert "Sportello lavoro a Palermo" not in titles(client, "/en/news/")


def test_the_news_page_shows_its_organisation_tags_and_related_pages_and_is_a_news_article(
    client, world
):
    page = world.news.ponte
    response = client.get(page.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Il Ponte apre un forno sociale" in html
    assert f'href="{world.ponte.page.get_url()}"' in html, "its organisation and related page"
    data = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]
    article = next(item for item in data if item["@type"] == "NewsArticle")
    assert article["headline"] == "Il Ponte apre un forno sociale"
    assert article["datePublished"] == days(-2).isoformat()
    assert article["author"]["name"] == "Cooperativa Il Ponte"
    assert article["inLanguage"] == "it"


def test_images_in_the_body_carry_their_text_alternative(client, world):
    image = Image.objects.create(title="Bakery", file=get_test_image_file())
    news = make_news(
        world.index,
        title="Bread and work",
        body=[
            ("paragraph", "<p>Ten young people bake bread.</p>"),
            ("image", {"image": image, "alt": "Two bakers at the oven", "caption": "Palermo"}),
        ],
    )
    html = client.get(news.get_url()).content.decode()
    assert re.search(r'<img[^>]+alt="Two bakers at the oven"', html)
    assert "<figcaption>Palermo</figcaption>" in html


def test_each_language_has_an_rss_and_an_atom_feed_linked_from_the_index(client, world):
    html = client.get("/it/news/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/it/news/feed/"' in html and 'href="/it/news/feed/atom/"' in html
    rss = client.get("/it/news/feed/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "<language>it</language>" in body
    items = re.findall(r"<item><title>([^<]+)</title>", body)
    assert items == [
        "Portale aperto in quattro lingue",
        "Il Ponte apre un forno sociale",
        "Sportello lavoro a Palermo",
        "Νέο κέντρο κατάρτισης",
    ], "newest first, each once, in Italian where translated"
    links = re.findall(r"<link>([^<]+)</link>", body)
    assert links[0] == "http://testserver/it/news/"
    assert "http://testserver/it/organisations/" in " ".join(links), "each item in Italian"
    atom = client.get("/ar/news/feed/atom/")
    assert atom.status_code == 200
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert 'xml:lang="ar"' in atom.content.decode()
    assert atom.content.decode().count("<entry>") == 4


def test_the_home_page_shows_the_three_latest_news_in_the_visitors_language(client, world):
    html = client.get("/it/").content.decode()
    with translation.override("it"):
        heading = gettext("Latest news")
    section = html.split(heading, 1)[1].split("</section>", 1)[0]
    assert card_titles(section) == [
        "Portale aperto in quattro lingue",
        "Il Ponte apre un forno sociale",
        "Sportello lavoro a Palermo",
    ]
    assert 'href="/it/news/"' in section


def test_the_news_section_is_in_the_menu(client, world):
    html = client.get("/el/").content.decode()
    assert re.search(r'<a href="/el/news/"[^>]*>Νέα</a>', html)


def test_the_index_and_feed_are_kept_by_the_page_cache_until_news_is_published(
    client, world, settings
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    for url in ("/en/news/", "/en/news/feed/"):
        first = client.get(url)
        assert "public" in first["Cache-Control"]
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).content == first.content
        assert len(queries) == 0, "answered from the page cache"
    make_news(world.index, title="Fresh news", date=days(0))
    assert titles(client, "/en/news/")[0] == "Fresh news"
    assert "Fresh news" in client.get("/en/news/feed/").content.decode()


def test_a_translation_published_later_replaces_the_original_on_the_index(client, world):
    translate(world.news.greece, "en", title="New training centre")
    assert "New training centre" in titles(client, "/en/news/")
    assert "Νέο κέντρο κατάρτισης" not in titles(client, "/en/news/")


def test_the_index_leads_to_the_subscribe_form_on_the_same_page(client, world):
    html = client.get("/el/news/").content.decode()
    link = re.search(r'<a href="#footer-subscribe">([^<]+)</a>', html)
    with translation.override("el"):
        assert link.group(1) == gettext("Get the news by email")
    assert '<section class="subscribe" id="footer-subscribe"' in html
    assert 'name="news"' in html, "the form offers the news"

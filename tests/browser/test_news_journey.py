"""A visitor follows the portal's news: finds the news of a country, reads a piece of news with its
image and the organisations it is about, and finds the feed; in every language, Arabic right to
left, on a phone and by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, tab_through

LANGUAGES = ["en", "it", "el", "ar"]


def test_filter_the_news_by_country_and_read_a_piece_of_news(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/en/news/")
    expect(page.locator("h1")).to_have_text("News")
    cards = page.locator("article.news-card")
    expect(cards.first).to_be_visible()
    everything = cards.count()
    assert everything >= 7
    assert page.get_by_text("Il Ponte cerca dieci apprendisti").count() == 0, "still waiting"

    page.locator(".filters__summary").click()
    page.get_by_label("Country").select_option("it")
    page.get_by_role("button", name="Show news").click()
    expect(page).to_have_url(re.compile(r"country=it"))
    expect(cards.first).to_be_visible()
    assert 0 < cards.count() < everything
    for country in cards.locator("dt:text-is('Country') + dd").all_inner_texts():
        assert country == "Italy", country

    cards.locator("h3 a", has_text="Inclusive job day in Palermo").click()
    expect(page.locator("h1")).to_have_text("Inclusive job day in Palermo")
    figure = page.locator("figure.news-figure img")
    expect(figure).to_be_visible()
    assert figure.get_attribute("alt")
    related = page.locator(".related-links a")
    assert related.count() == 2
    related.first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_be_visible()


def test_the_news_index_offers_its_feeds(demo_server, desktop):
    page = desktop
    page.goto(f"{demo_server.url}/el/news/")
    rss = page.locator('link[rel="alternate"][type="application/rss+xml"]')
    assert rss.get_attribute("href") == "/el/news/feed/"
    response = page.request.get(f"{demo_server.url}/el/news/feed/")
    assert response.ok and "<language>el</language>" in response.text()
    focused = tab_through(page, f"{demo_server.url}/el/news/", 30)
    for control in ("id_q", "id_country", "id_category", "id_target_group"):
        assert control in focused, control


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_news_pass_axe_wcag_aa(demo_server, desktop, language):
    page = desktop
    page.goto(f"{demo_server.url}/{language}/news/")
    assert page.get_attribute("html", "lang") == language
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    expect(page.locator("article.news-card").first).to_be_visible()
    assert_accessible(page)

    page.goto(f"{demo_server.url}/{language}/news/?country=it&category=nowhere")
    assert_accessible(page)

    page.goto(f"{demo_server.url}/{language}/news/?country=it")
    page.locator("article.news-card h3 a").first.click()
    page.wait_for_load_state()
    expect(page.locator("figure.news-figure")).to_be_visible()
    assert_accessible(page)

    # The newsletter's archive and an issue, beside the news.
    page.goto(f"{demo_server.url}/{language}/newsletter/")
    expect(page.locator("main article.newsletter-card").first).to_be_visible()
    assert_accessible(page)
    page.locator("main article.newsletter-card h3 a").first.click()
    page.wait_for_load_state()
    expect(page.locator("main .card-grid article.card").first).to_be_visible()
    assert_accessible(page)

    page.goto(f"{demo_server.url}/{language}/")
    expect(page.locator("#latest-news")).to_be_visible()
    assert page.locator(".home-news article.news-card").count() == 3
    assert_accessible(page, ".home-news")


def test_arabic_news_mirror_on_a_phone(demo_server, phone):
    page = phone
    page.goto(f"{demo_server.url}/ar/news/")
    assert page.get_attribute("html", "dir") == "rtl"
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
    card = page.locator("article.news-card").first.bounding_box()
    badge = page.locator("article.news-card .badge--news").first.bounding_box()
    assert badge["x"] + badge["width"] > card["x"] + card["width"] - 40

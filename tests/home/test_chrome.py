"""The header and footer every public page shows: the site's home pages and menu, read once.

They are the same for every visitor of a language until something public changes, so each
process keeps them between requests (`core.page_cache.kept_in_memory`); what staff publish,
rename, unpublish or take out of the menu shows on the next page anyway.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from tests.helpers import publish, translate

pytestmark = pytest.mark.django_db


def main_menu(client, url="/en/search/"):
    response = client.get(url)
    assert response.status_code == 200
    nav = re.search(r'<nav class="site-nav".*?</nav>', response.content.decode(), re.S).group(0)
    return re.findall(r">([^<>]+)</a>", nav)


def footer_links(client, url="/en/search/"):
    html = client.get(url).content.decode()
    links = re.search(r'<ul class="site-footer__links">.*?</ul>', html, re.S).group(0)
    return re.findall(r">([^<>]+)</a>", links)


def add_page(portal, title, **fields):
    page = StandardPage(title=title, show_in_menus=True, **fields)
    portal.home.add_child(instance=page)
    return publish(page)


def test_a_second_page_reads_neither_the_site_nor_its_home_pages_nor_its_menu(client, portal):
    client.get("/en/search/")
    with CaptureQueriesContext(connection) as queries:
        menu = main_menu(client)
    read = " ".join(query["sql"] for query in queries)
    assert "wagtailcore_site" not in read
    assert '"wagtailcore_page"."show_in_menus"' not in read
    assert menu == [portal.directory.title, portal.services.title]


def test_a_page_published_in_the_menu_is_there_on_the_next_page(client, portal):
    assert main_menu(client) == [portal.directory.title, portal.services.title]
    about = add_page(portal, "About us")
    assert main_menu(client) == [portal.directory.title, portal.services.title, "About us"]
    assert "About us" in footer_links(client)
    about.title = "Who we are"
    publish(about)
    assert main_menu(client)[-1] == "Who we are"
    about.unpublish()
    assert main_menu(client) == [portal.directory.title, portal.services.title]


def test_each_language_has_its_own_menu_from_the_same_kept_chrome(client, portal):
    about = add_page(portal, "About us")
    translate(about, "it", title="Chi siamo")
    assert main_menu(client, "/en/search/")[-1] == "About us"
    assert main_menu(client, "/it/search/")[-1] == "Chi siamo"
    assert main_menu(client, "/en/search/")[-1] == "About us"


def test_taking_a_page_out_of_the_menu_takes_it_out_on_the_next_page(client, portal):
    about = add_page(portal, "About us")
    assert "About us" in main_menu(client)
    about.show_in_menus = False
    publish(about)
    assert "About us" not in main_menu(client)


def test_nothing_is_kept_when_memory_is_turned_off(client, portal, settings):
    settings.PORTAL_MEMORY_SECONDS = 0
    client.get("/en/search/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/search/")
    assert any("wagtailcore_site" in query["sql"] for query in queries)

"""The open data page: staff write it; it states the licence and links the API and the
downloads; the footer of every page leads to it in the visitor's language."""

import pytest

from opendata.models import OpenDataPage
from tests.helpers import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_data_page(portal):
    page = OpenDataPage(
        title="Open data", slug="open-data", intro="Reuse the directory.", locale=portal.home.locale
    )
    portal.home.add_child(instance=page)
    page.save_revision().publish()
    translate(page, "ar", title="البيانات المفتوحة", intro="أعيدوا استخدام الدليل.")
    return page


def test_the_footer_leads_to_the_open_data_page_in_the_visitors_language(client, open_data_page):
    home = client.get("/ar/")
    assert 'href="/ar/data/"' in home.content.decode()
    response = client.get("/ar/data/", follow=True)
    assert response.redirect_chain[-1][0] == "/ar/open-data/"
    assert "البيانات المفتوحة" in response.content.decode()
    # Not translated into Greek: the English page.
    assert client.get("/el/data/")["Location"] == "/en/open-data/"


def test_the_page_states_the_licence_and_links_the_api_and_downloads(client, open_data_page):
    html = client.get("/en/open-data/", follow=True).content.decode()
    assert "Reuse the directory." in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert "Creative Commons Attribution 4.0 International" in html
    assert "http://testserver/api/hsds/" in html
    assert "http://testserver/api/hsds/openapi.json" in html
    for code in ("en", "it", "el", "ar"):
        assert f'href="/open-data/hsds-{code}.zip"' in html


def test_the_licence_is_a_setting(client, open_data_page, settings):
    settings.PORTAL_OPEN_DATA_LICENCE_TITLE = "Open Data Commons Open Database License"
    settings.PORTAL_OPEN_DATA_LICENCE_URL = "https://opendatacommons.org/licenses/odbl/"
    html = client.get("/en/open-data/", follow=True).content.decode()
    assert "Open Database License" in html
    assert "opendatacommons.org/licenses/odbl/" in html


def test_without_an_open_data_page_the_footers_link_is_a_404(client, portal):
    assert client.get("/en/data/").status_code == 404

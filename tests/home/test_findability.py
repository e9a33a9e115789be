"""What a crawler sees: sitemap, robots.txt, canonical URLs, sharing tags and schema.org data."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import (
    ExpertiseCategoryFactory,
    OpportunityPageFactory,
    OrganisationPageFactory,
    PlaceFactory,
    ServicePageFactory,
)
from directory.models import OrganisationSocialLink, PlaceKind
from tests.helpers import meta, translate

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    entries = {}
    for url in root.findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        entries[url.find("s:loc", NS).text] = alternates
    return entries


def canonical(html):
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def organisation(portal):
    image = wagtail_factories.ImageFactory(title="Il Ponte cover")
    organisation = OrganisationPageFactory(
        parent=portal.countries["IT"],
        title="Il Ponte Social Cooperative",
        slug="il-ponte",
        acronym="IPSC",
        short_description="Job placement in Palermo.",
        place=PlaceFactory(
            name="Palermo",
            country="IT",
            region=PlaceFactory(name="Sicily", country="IT", kind=PlaceKind.REGION),
        ),
        address="Via Roma 1",
        email="info@ilponte.example.org",
        phone="+39 091 000000",
        website="https://ilponte.example.org",
        cover_image=image,
        logo=image,
    )
    OrganisationSocialLink.objects.create(
        page=organisation, platform="facebook", url="https://facebook.com/ilponte"
    )
    organisation.save_revision().publish()
    organisation.refresh_from_db()
    italian = translate(organisation, "it", title="Cooperativa Sociale Il Ponte", slug="il-ponte")
    return organisation, italian


@pytest.fixture
def service(organisation):
    organisation, _italian = organisation
    return ServicePageFactory(
        parent=organisation,
        title="Job coaching",
        slug="job-coaching",
        summary="Weekly meetings with a job coach.",
        category=ExpertiseCategoryFactory(name="Employment"),
        is_free=False,
        cost="10 euro a meeting",
        town="Monreale",
        external_link="https://ilponte.example.org/apply",
    )


# --- sitemap.xml ---------------------------------------------------------------------------


def test_sitemap_lists_every_locale_with_reciprocal_alternates(client, organisation):
    english_url = f"{HOST}/en/organisations/italy/il-ponte/"
    entries = sitemap_entries(client)
    assert english_url in entries
    italian_url = entries[english_url]["it"]
    assert italian_url.startswith(f"{HOST}/it/")
    assert italian_url in entries
    assert entries[italian_url]["en"] == english_url
    assert entries[italian_url]["x-default"] == english_url
    assert entries[english_url]["en"] == english_url
    # Pages of every locale, home included.
    assert {f"{HOST}/{code}/" for code in ("en", "it", "el", "ar")} <= set(entries)


def test_sitemap_leaves_out_drafts_and_the_admin(client, portal):
    OrganisationPageFactory(parent=portal.countries["IT"], slug="draft-coop", live=False)
    locations = set(sitemap_entries(client))
    assert not any("draft-coop" in location for location in locations)
    assert not any("/admin/" in location for location in locations)


def test_sitemap_queries_do_not_grow_with_pages(client, portal):
    def add_organisations(count):
        for _ in range(count):
            organisation = OrganisationPageFactory(parent=portal.countries["IT"])
            translate(organisation, "it")

    def count_queries():
        # Warm up what each process keeps (content types; the site and its home pages, read
        # again once anything is published)
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml").status_code == 200
        return len(queries)

    add_organisations(3)
    with_3 = count_queries()
    add_organisations(9)
    with_12 = count_queries()
    print(f"sitemap queries: 3 organisations={with_3}, 12 organisations={with_12}")
    assert with_3 == with_12, (with_3, with_12)
    assert len(sitemap_entries(client)) >= 24


# --- robots.txt ----------------------------------------------------------------------------


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /*/register/verify/" in lines
    assert f"Sitemap: {HOST}/sitemap.xml" in lines


# --- canonical and sharing tags ------------------------------------------------------------


def test_home_has_canonical_and_open_graph(client, portal):
    html = client.get("/en/?utm_source=x").content.decode()
    assert canonical(html) == [f"{HOST}/en/"]
    assert meta(html, "og:url") == [f"{HOST}/en/"]
    assert meta(html, "og:type") == ["website"]
    assert meta(html, "og:site_name") == ["MoreThanAJob"]
    assert meta(html, "og:locale") == ["en_GB"]
    assert set(meta(html, "og:locale:alternate")) == {"it_IT", "el_GR", "ar_AR"}
    assert meta(html, "og:image") == [f"{HOST}/static/img/share-default.png"]
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert json_ld(html) == []


def test_italian_home_says_its_locale(client, portal):
    html = client.get("/it/").content.decode()
    assert canonical(html) == [f"{HOST}/it/"]
    assert meta(html, "og:locale") == ["it_IT"]
    assert "en_GB" in meta(html, "og:locale:alternate")


def test_paginated_listing_keeps_the_page_number(client, portal, settings):
    settings.PORTAL_PAGE_SIZE = 1
    OrganisationPageFactory(parent=portal.countries["IT"])
    OrganisationPageFactory(parent=portal.countries["IT"])
    html = client.get("/en/organisations/italy/?page=2&category=").content.decode()
    assert canonical(html) == [f"{HOST}/en/organisations/italy/?page=2"]
    html = client.get("/en/organisations/italy/?page=1").content.decode()
    assert canonical(html) == [f"{HOST}/en/organisations/italy/"]


def test_organisation_page_tags_and_json_ld(client, organisation):
    _english, italian = organisation
    html = client.get("/en/organisations/italy/il-ponte/").content.decode()
    url = f"{HOST}/en/organisations/italy/il-ponte/"
    assert canonical(html) == [url]
    assert meta(html, "og:title") == ["Il Ponte Social Cooperative"]
    assert meta(html, "og:description") == ["Job placement in Palermo."]
    assert meta(html, "og:locale:alternate") == ["it_IT"]
    [image] = meta(html, "og:image")
    assert image.startswith(f"{HOST}/media/")
    [data] = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Il Ponte Social Cooperative"
    assert data["alternateName"] == "IPSC"
    assert data["url"] == url
    assert data["email"] == "info@ilponte.example.org"
    assert data["telephone"] == "+39 091 000000"
    assert data["logo"].startswith(f"{HOST}/media/")
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Via Roma 1",
        "addressLocality": "Palermo",
        "addressRegion": "Sicily",
        "addressCountry": "IT",
    }
    assert data["sameAs"] == ["https://ilponte.example.org", "https://facebook.com/ilponte"]

    html = client.get(italian.get_url()).content.decode()
    assert meta(html, "og:locale") == ["it_IT"]
    assert json_ld(html)[0]["name"] == "Cooperativa Sociale Il Ponte"


def test_service_page_tags_and_json_ld(client, service):
    url = f"{HOST}/en/organisations/italy/il-ponte/job-coaching/"
    html = client.get(url.removeprefix(HOST)).content.decode()
    assert canonical(html) == [url]
    assert meta(html, "og:url") == [url]
    assert meta(html, "og:description") == ["Weekly meetings with a job coach."]
    # A service is shared with its organisation's picture.
    assert meta(html, "og:image")[0].startswith(f"{HOST}/media/")
    [data] = json_ld(html)
    assert data["@type"] == "Service"
    assert data["name"] == "Job coaching"
    assert data["serviceType"] == "Employment"
    assert data["areaServed"] == "Monreale"  # its own place, not its organisation's
    assert data["provider"] == {
        "@type": "Organization",
        "name": "Il Ponte Social Cooperative",
        "url": f"{HOST}/en/organisations/italy/il-ponte/",
    }
    assert data["offers"]["description"] == "10 euro a meeting"
    assert data["availableChannel"]["serviceUrl"] == "https://ilponte.example.org/apply"


def test_opportunity_offer_ends_at_the_deadline(client, organisation):
    english, _italian = organisation
    opportunity = OpportunityPageFactory(parent=english, slug="baking-course")
    html = client.get(opportunity.get_url()).content.decode()
    [data] = json_ld(html)
    assert data["offers"]["price"] == "0"
    assert data["offers"]["validThrough"] == opportunity.application_deadline.isoformat()


def test_json_ld_cannot_break_out_of_its_script(client, portal):
    evil = 'Coop "quoted" </script><script>alert(1)</script>'
    organisation = OrganisationPageFactory(
        parent=portal.countries["IT"], title=evil, slug="evil", acronym="</script>"
    )
    html = client.get(organisation.get_url()).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    assert "</script>" not in scripts[0]
    assert "<script>alert(1)" not in html
    assert json.loads(scripts[0])["name"] == evil

"""Where and when: a service's page says where it takes place (or that it is online), when, how
to get there and how to get in touch; "Country not set" is shown nowhere; closed opportunities
say so and leave the home page's latest."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from directory.factories import (
    CountryPageFactory,
    OpportunityPageFactory,
    OrganisationPageFactory,
    ServicePageFactory,
)
from directory.models import Delivery
from tests.collaboration.calls import make_call
from tests.helpers import days, publish

pytestmark = pytest.mark.django_db

NOT_SET = "Country not set"


@pytest.fixture
def no_country(portal):
    """The page holding organisations whose country is not set, as registration makes it, with
    an online organisation under it."""
    holder = CountryPageFactory(
        parent=portal.directory, title=NOT_SET, slug="country-not-set", code=""
    )
    organisation = publish(
        OrganisationPageFactory(parent=holder, title="Mediterranean Mentoring Network", city="")
    )
    service = publish(
        ServicePageFactory(
            parent=organisation, title="Online mentoring for founders", delivery=Delivery.ONLINE
        )
    )
    return holder, organisation, service


@pytest.fixture
def palermo(portal):
    organisation = publish(
        OrganisationPageFactory(
            parent=portal.countries["IT"],
            title="Cooperativa Il Ponte",
            city="Palermo",
            address="Via Maqueda 214, 90134 Palermo",
            phone="+39 091 612 4480",
        )
    )
    return organisation


def text_of(response):
    assert response.status_code == 200
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def card(page_html, title):
    """The card (an <article>) whose title is `title`."""
    for article in re.findall(r"<article class=\"card[^\"]*\">.*?</article>", page_html, re.S):
        if f">{title}</a>" in article:
            return article
    raise AssertionError(f"no card for {title!r}")


def services_listing(client, portal):
    """Every service, where the services index leads: the search, services only."""
    response = client.get(portal.services.url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def where_on(card_html):
    found = re.search(r"<dt>Where</dt><dd[^>]*>([^<]*)</dd>", card_html)
    return found and found.group(1)


def address_and_map(page_html):
    """The address a service page shows, and what its map link searches for."""
    address = re.search(r"<address>(.*?)</address>", page_html, re.S).group(1)
    link = re.search(r'<a href="([^"]+)" rel="noopener">Open in a map</a>', page_html).group(1)
    return address, map_query(link)


def map_query(url):
    parts = urlsplit(html.unescape(url))
    assert parts.netloc == "www.openstreetmap.org"
    return parse_qs(parts.query)["query"][0]


# "Country not set" --------------------------------------------------------------------------


def test_country_not_set_is_no_tile_and_no_place_on_any_public_page(client, portal, no_country):
    holder, organisation, service = no_country
    pages = [
        portal.directory.url,
        portal.home.url,
        portal.services.url,
        organisation.url,
        service.url,
        "/en/search/?q=mentoring",
    ]
    for url in pages:
        assert NOT_SET not in text_of(client.get(url, follow=True)), url
    directory = client.get(portal.directory.url).content.decode()
    assert 'class="country-tile"' in directory  # Italy and Greece still are tiles
    assert holder.url not in directory
    # Its organisation and services are still found, with no place where they have none.
    publish(ServicePageFactory(parent=organisation, title="Peer support circle"))
    services = services_listing(client, portal)
    assert where_on(card(services, "Online mentoring for founders")) == "Online"
    assert "<dt>Where</dt>" not in card(services, "Peer support circle")
    organisation_card = card(
        client.get("/en/search/?q=mentoring").content.decode(), organisation.title
    )
    assert " · " not in re.search(r'card__eyebrow">(.*?)</p>', organisation_card, re.S).group(1)


def test_country_not_set_finds_nothing_in_search(client, no_country):
    _holder, organisation, service = no_country
    found = client.get("/en/search/", {"q": NOT_SET}).content.decode()
    assert organisation.title not in found
    assert service.title not in found
    # They are found by what they are and do.
    assert service.title in client.get("/en/search/", {"q": "mentoring"}).content.decode()


def test_the_page_holding_organisations_without_a_country_is_not_public(client, no_country):
    holder, organisation, _service = no_country
    assert client.get(holder.url).status_code == 404
    assert client.get(organisation.url).status_code == 200
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{organisation.url}</loc>" in sitemap
    assert f"{holder.url}</loc>" not in sitemap


def test_an_organisation_without_a_country_shows_no_place_on_its_breadcrumb(client, no_country):
    _holder, organisation, _service = no_country
    breadcrumb = re.search(
        r'class="breadcrumb">(.*?)</nav>', client.get(organisation.url).content.decode()
    )
    assert ">Organisations</a>" in breadcrumb.group(1)
    assert NOT_SET not in breadcrumb.group(1)


# Online, or where -------------------------------------------------------------------------


def test_an_online_service_reads_online_on_its_card_and_page(client, portal, no_country):
    _holder, _organisation, service = no_country
    services = services_listing(client, portal)
    assert where_on(card(services, service.title)) == "Online"
    page = client.get(service.url).content.decode()
    assert re.search(r"<dt>Where</dt>\s*<dd>Online</dd>", page)
    assert "openstreetmap" not in page  # no place to go to


def test_a_service_in_a_country_reads_its_town_and_country(client, portal, palermo):
    service = publish(ServicePageFactory(parent=palermo, title="Job desk"))
    services = services_listing(client, portal)
    assert where_on(card(services, "Job desk")) == "Palermo, Italy"
    greek = client.get(portal.localized(portal.services, "el").url, follow=True).content.decode()
    # In the visitor's words: the place (which has no Greek name yet) and the country.
    assert "<dd>Palermo, Ιταλία</dd>" in card(greek, "Job desk")
    assert "Palermo" in client.get(service.url).content.decode()


def test_a_service_at_the_organisations_address_shows_it_with_a_map_link(client, palermo):
    service = publish(
        ServicePageFactory(
            parent=palermo,
            title="Job desk",
            opening_hours="Working days, 9:00–13:00\nTuesday and Thursday also 15:00–18:00",
            getting_there="Bus 101 to Via Maqueda, Ballarò stop.",
        )
    )
    page = client.get(service.url).content.decode()
    address, query = address_and_map(page)
    assert "Via Maqueda 214, 90134 Palermo" in address
    assert "Italy" in address
    assert address.count("Palermo") == 1  # the town is in the address already
    assert query == "Via Maqueda 214, 90134 Palermo, Italy"
    assert "Working days, 9:00–13:00<br>Tuesday and Thursday also 15:00–18:00" in page
    assert "Bus 101 to Via Maqueda, Ballarò stop." in page


def test_a_service_with_its_own_address_shows_that_one(client, palermo):
    service = publish(
        ServicePageFactory(
            parent=palermo,
            title="Italian for work",
            address="Ballarò youth centre, Piazza Ballarò 21, 90134 Palermo",
        )
    )
    address, query = address_and_map(client.get(service.url).content.decode())
    assert "Ballarò youth centre" in address
    assert "Piazza Ballarò 21" in address
    assert "Via Maqueda" not in address
    assert query == "Ballarò youth centre, Piazza Ballarò 21, 90134 Palermo, Italy"


def test_the_contact_actions_come_first_with_call_email_message_and_directions(client, palermo):
    service = publish(ServicePageFactory(parent=palermo, title="Job desk"))
    page = client.get(service.url).content.decode()
    actions = re.search(r'<ul class="contact-actions[^"]*"[^>]*>(.*?)</ul>', page, re.S).group(1)
    links = {
        label: href
        for href, label in re.findall(r'<a class="[^"]*" href="([^"]+)"[^>]*>([^<]+)</a>', actions)
    }
    assert links["Call"] == "tel:+390916124480"
    assert links["Email"] == f"mailto:{palermo.email}"
    assert links["Write a message"] == "#enquiry"
    assert 'id="enquiry"' in page
    assert map_query(links["Directions"]) == "Via Maqueda 214, 90134 Palermo, Italy"
    # Above the description, right under the title.
    assert page.index("contact-actions") < page.index('id="description"')


def test_a_service_without_a_phone_offers_no_call(client, no_country):
    _holder, _organisation, service = no_country
    page = client.get(service.url).content.decode()
    assert 'href="tel:' not in page
    assert ">Email</a>" in page


def test_opening_hours_and_the_way_there_are_translated_the_address_is_shared(palermo):
    service = publish(
        ServicePageFactory(
            parent=palermo,
            address="Piazza Ballarò 21, 90134 Palermo",
            opening_hours="Every Wednesday, 10:00–12:00.",
            getting_there="Bus 101 to Ballarò.",
        )
    )
    source, _created = TranslationSource.get_or_create_from_instance(service)
    segments = dict(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data")
    )
    assert segments["opening_hours"] == "Every Wednesday, 10:00–12:00."
    assert segments["getting_there"] == "Bus 101 to Ballarò."
    assert "address" not in segments  # the same street in every language


# Closed ---------------------------------------------------------------------------------------


@pytest.fixture
def opportunities(palermo):
    def make(title, **dates):
        return publish(OpportunityPageFactory(parent=palermo, title=title, **dates))

    return {
        "open": make("Bakery course", application_deadline=days(10)),
        "deadline passed": make("Past bakery course", application_deadline=days(-1)),
        "ended": make(
            "Finished internship",
            application_deadline=None,
            start_date=days(-60),
            end_date=days(-3),
        ),
    }


def test_closed_opportunities_are_not_among_the_homes_latest(client, portal, opportunities):
    home = client.get(portal.home.url).content.decode()
    latest = home[home.index('id="latest"') :]
    assert "Bakery course" in latest
    assert "Past bakery course" not in latest
    assert "Finished internship" not in latest


def test_a_closed_opportunity_reads_closed_on_its_card_and_page(client, portal, opportunities):
    services = services_listing(client, portal)
    past = card(services, "Past bakery course")
    assert '<span class="badge badge--closed">Closed</span>' in past
    assert re.search(r"</time> \(closed\)</dd>", past)
    assert '<span class="badge badge--closed">Closed</span>' in card(
        services, "Finished internship"
    )
    assert "Closed" not in card(services, "Bakery course")
    page = client.get(opportunities["deadline passed"].url).content.decode()
    assert '<span class="badge badge--closed">Closed</span>' in page
    assert "(closed)" in page
    assert "badge--closed" not in client.get(opportunities["open"].url).content.decode()
    profile = client.get(opportunities["open"].get_parent().url).content.decode()
    assert profile.count('<span class="badge badge--closed">Closed</span>') == 2


def test_a_call_past_its_deadline_reads_closed(client, palermo):
    call = make_call(palermo, title="Partners for a bakery", deadline=days(-2))
    page = text_of(client.get(call.url))
    assert re.search(r"Deadline\s+\d+ \w+ \d{4}\s+\(closed\)", page)
    open_call = make_call(palermo, title="Partners for a kitchen", deadline=days(5))
    assert "(closed)" not in text_of(client.get(open_call.url))

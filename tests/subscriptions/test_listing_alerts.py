"""Alerts for a saved search on every listing, not only the directory's search: the news, the
calls for collaboration, the good practices and a country's organisations each offer "Email me
new results", which saves that listing's search (its words, its filters as its own form reads
them, its language); the command runs it on that listing and links back to it."""

import datetime
import json
import re
from html import unescape
from urllib.parse import urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from collaboration.factories import CollaborationIndexPageFactory
from directory.factories import (
    ExpertiseCategoryFactory,
    GoodPracticesIndexPageFactory,
    OrganisationPageFactory,
)
from emails.models import OutboxEmail
from news.factories import NewsIndexPageFactory
from search.alerts import LISTINGS, search_link, send_search_alerts
from subscriptions import links
from subscriptions.models import Kind, Listing, Subscriber, Subscription
from tests.collaboration.calls import make_call
from tests.helpers import publish, translate
from tests.news.news import make_news
from tests.subscriptions.alerts import listed_long_ago, search_alert

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_settling")]


@pytest.fixture
def world(portal):
    """A news index and a collaboration index in every language, an Italian organisation, an
    old piece of news and an old call (listed before any alert)."""
    news_index = NewsIndexPageFactory(parent=portal.home)
    calls_index = CollaborationIndexPageFactory(parent=portal.home)
    practices_index = GoodPracticesIndexPageFactory(parent=portal.home)
    for code in ("it", "el", "ar"):
        translate(news_index, code)
        translate(calls_index, code)
        translate(practices_index, code)
    training = ExpertiseCategoryFactory(name="Training", slug="training")
    italy = portal.localized(portal.countries["IT"], "it")
    faro = publish(
        OrganisationPageFactory(parent=italy, title="Cooperativa Il Faro", city="Palermo")
    )
    make_news(italy, title="Sportello lavoro a Palermo", summary="Un vecchio sportello.")
    make_call(faro, title="Partner per una cucina sociale", expertise=[training])
    listed_long_ago()
    greece = portal.localized(portal.countries["GR"], "it")
    return {"italy": italy, "greece": greece, "faro": faro, "training": training}


def alerts():
    return OutboxEmail.objects.filter(template_key="search_alert").order_by("pk")


def followed(client, link):
    """The page the email's link opens, as its HTML."""
    url = urlparse(link)
    response = client.get(f"{url.path}?{url.query}")
    assert response.status_code == 200
    return unescape(response.content.decode())


def email_link(body):
    return re.search(r"(?:result of this search|risultati di questa ricerca): (\S+)", body)[1]


def test_a_news_search_sends_a_digest_when_matching_news_is_published(client, world):
    alert = search_alert("it", query="sportello", filters={"country": ["it"]}, listing="news")
    assert send_search_alerts() == 0, "the old news is not new"

    make_news(world["greece"], title="Sportello ad Atene", summary="Uno sportello in Grecia.")
    make_news(world["italy"], title="Corso di pasticceria", summary="Dolci.")
    assert send_search_alerts() == 0, "new, but another country's, or without the words"

    make_news(world["italy"], title="Nuovo sportello a Catania", summary="Aperto il lunedì.")
    assert send_search_alerts() == 1
    email = alerts().get()
    assert email.to == [alert.subscriber.email]
    assert "Nuovo sportello a Catania" in email.body_text
    assert "Sportello lavoro a Palermo" not in email.body_text, "listed before: not new"
    assert "Sportello ad Atene" not in email.body_text
    assert "Notizie" in email.subject or "News" in email.subject, "the listing is named"
    assert send_search_alerts() == 0, "nothing new since"

    link = email_link(email.body_text)
    assert urlparse(link).path == "/it/news/", "the news, in the search's language"
    html = followed(client, link)
    assert "Nuovo sportello a Catania" in html and "Sportello lavoro a Palermo" in html
    assert "Sportello ad Atene" not in html and "Corso di pasticceria" not in html


def test_a_call_search_sends_a_digest_when_a_matching_call_is_published(client, world):
    training = world["training"]
    alert = search_alert(
        "en", filters={"expertise": ["training"], "kind": ["new_service"]}, listing="calls"
    )
    assert send_search_alerts() == 0, "the old call is not new"

    make_call(world["faro"], title="Partners for an IT course", kind="co_design")
    assert send_search_alerts() == 0, "another kind, no expertise sought"

    make_call(world["faro"], title="Trainers for a job club", expertise=[training])
    assert send_search_alerts() == 1
    email = alerts().get()
    assert email.to == [alert.subscriber.email]
    assert "Trainers for a job club — Cooperativa Il Faro" in email.body_text
    assert "Partners for an IT course" not in email.body_text
    assert "Partner per una cucina sociale" not in email.body_text
    assert send_search_alerts() == 0

    link = email_link(email.body_text)
    url = urlparse(link)
    assert url.path == "/en/collaboration/"
    assert "expertise=training" in url.query and "kind=new_service" in url.query
    html = followed(client, link)
    assert "Trainers for a job club" in html
    assert "Partners for an IT course" not in html


def test_a_country_search_links_to_the_country_page(client, world):
    alert = search_alert("it", filters={"country": ["it"]}, listing="country")
    publish(OrganisationPageFactory(parent=world["italy"], title="Cooperativa La Rete"))
    assert send_search_alerts() == 1
    body = alerts().get().body_text
    assert "Cooperativa La Rete" in body and "Cooperativa Il Faro" not in body
    url = urlparse(search_link(alert))
    assert url.path == "/it/organisations/italy/" and url.query == "", "the page says the country"
    assert "Cooperativa La Rete" in followed(client, search_link(alert))


def test_every_listing_has_its_engine_form_and_address():
    assert set(LISTINGS) == set(Listing.values)


def hidden_fields(html):
    """The hidden fields of the "Email me new results" form of a page."""
    form = html[html.index('id="alert"') :]
    form = form[: form.index("</form>")]
    return {
        name: unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form)
    }


@pytest.mark.parametrize(
    ("path", "query", "listing", "words", "filters"),
    [
        (
            "/it/news/",
            "q=sportello&country=it&category=training&page=1&utm_source=x",
            "news",
            "sportello",
            {"country": ["it"], "category": ["training"]},
        ),
        (
            "/en/collaboration/",
            "kind=new_service&deadline=31&country=nowhere",
            "calls",
            "",
            {"kind": ["new_service"], "deadline": ["31"]},
        ),
        ("/el/good-practices/", "q=job&scope=local", "good_practices", "job", {"scope": ["local"]}),
        (
            "/it/organisations/italy/",
            "category=training&page=1&sort=newest",
            "country",
            "",
            {"country": ["it"], "category": ["training"]},
        ),
        (
            "/ar/search/",
            "q=job&kind=all-services&sort=newest",
            "search",
            "job",
            {"kind": ["all-services"]},
        ),
    ],
)
def test_each_listing_offers_to_email_its_new_results(
    client, world, path, query, listing, words, filters
):
    """The form sits in the page's main content, saving the listing's own reading of the
    search: the filters it has in force (not the page, the order, or a value it refuses)."""
    html = client.get(f"{path}?{query}").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert 'id="alert"' in main and 'action="/' in main
    hidden = hidden_fields(main)
    assert hidden["listing"] == listing
    assert hidden.get("q", "") == words
    assert json.loads(hidden["filters"]) == filters
    assert hidden["search_language"] == path.split("/")[1]


def test_the_news_pages_form_saves_the_news_search_and_says_so(client, world, on_commit):
    html = client.get("/it/news/", {"q": "sportello", "country": "it"}).content.decode()
    hidden = hidden_fields(html)
    with on_commit():
        response = client.post(
            "/it/subscriptions/subscribe/search/",
            {**hidden, "email": "lucia@example.org", "language": "it", "consent": "on"},
        )
    assert response.status_code == 303
    confirmation = OutboxEmail.objects.get(template_key="subscription_confirm")
    path = urlparse(re.search(r"https?://\S+/confirm/\S+/", confirmation.body_text)[0]).path
    page = unescape(client.get(path).content.decode())
    # What will be sent, before confirming: the words and the country's name, in Italian.
    assert "sportello · Italia" in page and "country: it" not in page, page
    client.post(path)
    alert = Subscription.objects.get(kind=Kind.SEARCH)
    assert (alert.listing, alert.query, alert.filters, alert.search_language) == (
        "news",
        "sportello",
        {"country": ["it"]},
        "it",
    )
    manage = unescape(
        client.get(urlparse(links.manage_url(alert.subscriber)).path).content.decode()
    )
    assert "sportello · Italia" in manage

    make_news(world["italy"], title="Nuovo sportello a Catania", summary="Aperto il lunedì.")
    Subscription.objects.filter(pk=alert.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert send_search_alerts() == 1
    assert "Nuovo sportello a Catania" in alerts().get().body_text


def queries_for(world, per_search):
    """The queries of one run for `per_search` subscribers of a news search and of a calls
    search, every one with something new; and of a second run, with nothing new."""
    Subscriber.objects.all().delete()
    OutboxEmail.objects.all().delete()
    for _ in range(per_search):
        search_alert("it", query="sportello", listing="news")
        search_alert("en", filters={"expertise": ["training"]}, listing="calls")
    with CaptureQueriesContext(connection) as run:
        assert send_search_alerts() == 2 * per_search
    with CaptureQueriesContext(connection) as again:
        assert send_search_alerts() == 0
    return len(run), len(again)


def test_the_cost_of_a_run_does_not_grow_with_the_subscribers_but_by_their_emails(world):
    make_news(world["italy"], title="Nuovo sportello a Catania")
    make_call(world["faro"], title="Trainers for a job club", expertise=[world["training"]])
    queries_for(world, 1)  # the per-process caches
    one, nothing_one = queries_for(world, 1)
    three, nothing_three = queries_for(world, 3)
    six, nothing_six = queries_for(world, 6)
    assert nothing_one == nothing_three == nothing_six
    per_email = (six - three) / 6
    assert per_email == (three - one) / 4
    assert per_email <= 4


def manage_page(client, subscriber):
    return client.get(urlparse(links.manage_url(subscriber)).path)


def test_the_manage_page_names_each_search_and_its_filters_in_the_readers_language(client, world):
    alert = search_alert("it", query="sportello", filters={"country": ["it"]}, listing=Listing.NEWS)
    Subscription.objects.create(
        subscriber=alert.subscriber,
        kind=Kind.SEARCH,
        listing=Listing.CALLS,
        filters={"expertise": ["training"], "gone": ["x"]},
        search_language="it",
    )
    page = unescape(manage_page(client, alert.subscriber).content.decode())
    assert "sportello · Italia" in page
    assert ": tutto · Training" in page  # no words; the category has no Italian name here
    assert "country: it" not in page and "expertise" not in page and "gone" not in page


def test_the_manage_page_costs_the_same_queries_with_three_or_nine_searches(client, world):
    counts = []
    for total in (3, 9):  # each size with the same three listings
        alert = search_alert("it", query="lavoro", filters={"country": ["it"]})
        for n in range(total - 1):
            listing = (Listing.NEWS, Listing.CALLS, Listing.SEARCH)[n % 3]
            Subscription.objects.create(
                subscriber=alert.subscriber,
                kind=Kind.SEARCH,
                listing=listing,
                query=f"parola {n}",
                filters={"country": ["gr" if n % 2 else "it"]},
                search_language="it",
            )
        manage_page(client, alert.subscriber)  # the caches warm
        with CaptureQueriesContext(connection) as queries:
            response = manage_page(client, alert.subscriber)
        assert response.status_code == 200
        assert unescape(response.content.decode()).count("Ricerca di servizi") >= 1
        counts.append(len(queries))
    assert counts[0] == counts[1], counts

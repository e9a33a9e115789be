"""Alerts for a saved search: a digest of what became listed since the last one, only when
something new matches, in the subscriber's language, at most ten results and the link to the
search, to confirmed and unsuppressed subscribers only; once, however often the command runs."""

import datetime
import json
import re
from html import unescape
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory import listing_rows
from directory.factories import OrganisationPageFactory, ServicePageFactory
from directory.models import ListingRow
from emails.models import OutboxEmail
from search.alerts import MAX_RESULTS, send_search_alerts
from subscriptions.mail import suppress
from subscriptions.models import Kind, Subscriber, Subscription, Suppression
from tests.helpers import publish
from tests.subscriptions.alerts import listed_long_ago, search_alert

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_settling")]

COOKING = {"country": ["it"]}


@pytest.fixture
def faro(portal):
    italy = portal.localized(portal.countries["IT"], "it")
    organisation = publish(
        OrganisationPageFactory(parent=italy, title="Cooperativa Il Faro", city="Palermo")
    )
    publish(
        ServicePageFactory(
            parent=organisation,
            title="Corso di cucina per giovani",
            summary="Cucina professionale per ragazzi.",
        )
    )
    listed_long_ago()
    return organisation


def service(organisation, title, **fields):
    return publish(ServicePageFactory(parent=organisation, title=title, **fields))


def alerts():
    return OutboxEmail.objects.filter(template_key="search_alert").order_by("pk")


def test_a_digest_when_a_matching_service_is_published_and_none_when_nothing_new(faro):
    alert = search_alert("it", query="cucina", filters=COOKING)
    assert send_search_alerts() == 0, "the old course is not new"

    service(faro, "Sportello legale per migranti", summary="Consulenza gratuita.")
    assert send_search_alerts() == 0, "new, but not matching the words"

    service(faro, "Cucina sociale al porto", summary="Un ristorante che forma cuochi.")
    assert send_search_alerts() == 1
    email = alerts().get()
    assert email.to == [alert.subscriber.email]
    assert "Cucina sociale al porto — Cooperativa Il Faro, Palermo" in email.body_text
    assert "Corso di cucina per giovani" not in email.body_text
    assert "Sportello legale" not in email.body_text
    assert "cucina · " in email.subject, "the search named by its words and its filters"
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/subscriptions/unsubscribe/" in email.body_text
    alert.refresh_from_db()
    assert alert.last_sent_at is not None

    assert send_search_alerts() == 0, "twice: nothing more"
    publish(faro)  # the organisation's services' rows are worked out again: nothing new
    assert send_search_alerts() == 0
    assert alerts().count() == 1


def test_the_command_sends_once_in_the_subscribers_language(faro, monkeypatch):
    monkeypatch.setattr("subscriptions.digests.SETTLE", datetime.timedelta(minutes=5))
    alert = search_alert("el", query="cucina", filters=COOKING, search_language="it")
    service(faro, "Cucina sociale al porto")
    call_command("send_search_alerts", stdout=StringIO())
    assert not alerts().exists(), "listed a moment ago: left to the next run, as it settles"

    # The next run, some minutes later.
    ListingRow.objects.filter(listed_at__gt=timezone.now() - datetime.timedelta(hours=1)).update(
        listed_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    call_command("send_search_alerts", stdout=StringIO())
    call_command("send_search_alerts", stdout=StringIO())
    email = alerts().get()
    assert email.language == "el"
    assert email.subject.startswith("Νέα αποτελέσματα"), "the Greek template"
    assert "Cucina sociale al porto" in email.body_text, "the result in its own language"
    assert alert.subscriber.email in email.to


def test_at_most_ten_results_and_a_link_that_gives_the_search_again(client, faro):
    search_alert("it", query="cucina", filters=COOKING)
    for number in range(MAX_RESULTS + 2):
        service(faro, f"Cucina numero {number}")
    assert send_search_alerts() == 1
    body = alerts().get().body_text
    listed = re.findall(r"^- (Cucina numero \d+) — ", body, re.M)
    assert len(listed) == MAX_RESULTS
    assert "Cucina numero 11" in listed, "the newest first"

    link = re.search(r"https?://\S+/search/\?\S+", body).group(0)
    assert "q=cucina" in link and "country=it" in link
    url = urlparse(link)
    assert url.path == "/it/search/"
    html = unescape(client.get(f"{url.path}?{url.query}").content.decode())
    for title in listed:
        assert title in html
    assert "Sportello" not in html


def test_unconfirmed_and_suppressed_subscribers_get_nothing(faro):
    search_alert("it", query="cucina", confirmed=False)
    stopped = search_alert("it", query="cucina", email="bounced@example.org")
    suppress("bounced@example.org", Suppression.Reason.BOUNCED)
    received = search_alert("it", query="cucina")
    service(faro, "Cucina sociale al porto")
    assert send_search_alerts() == 1
    assert alerts().get().to == [received.subscriber.email]
    stopped.refresh_from_db()
    assert stopped.last_sent_at is None


def test_the_search_pages_form_saves_what_the_alerts_run(client, faro, on_commit):
    page = client.get("/it/search/", {"q": "cucina", "country": "it", "sort": "newest"})
    html = page.content.decode()
    form = html[html.index('id="alert"') :]
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    with on_commit():
        response = client.post(
            "/it/subscriptions/subscribe/search/",
            {
                "email": "lucia@example.org",
                "language": "it",
                "consent": "on",
                "website": "",
                "q": unescape(hidden["q"]),
                "filters": unescape(hidden["filters"]),
                "search_language": hidden["search_language"],
            },
        )
    assert response.status_code == 303
    confirmation = OutboxEmail.objects.get(template_key="subscription_confirm")
    path = urlparse(re.search(r"https?://\S+/confirm/\S+/", confirmation.body_text).group(0))
    client.post(path.path)
    alert = Subscription.objects.get(kind=Kind.SEARCH)
    assert (alert.query, alert.filters, alert.search_language) == ("cucina", COOKING, "it")
    assert json.loads(unescape(hidden["filters"])) == COOKING, "the order is not a filter"

    service(faro, "Cucina sociale al porto")
    Subscription.objects.filter(pk=alert.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert send_search_alerts() == 1
    assert "Cucina sociale al porto" in alerts().get().body_text


def queries_for(faro, per_search):
    """The queries of one run for `per_search` subscribers of each of two searches, every one
    with something new; and of a second run, with nothing new."""
    Subscriber.objects.all().delete()
    OutboxEmail.objects.all().delete()
    for _ in range(per_search):
        search_alert("it", query="cucina", filters=COOKING)
        search_alert("en", query="", filters={"kind": ["all-services"]}, search_language="it")
    listing_rows.current()
    with CaptureQueriesContext(connection) as run:
        sent = send_search_alerts()
    assert sent == 2 * per_search
    with CaptureQueriesContext(connection) as again:
        assert send_search_alerts() == 0
    return len(run), len(again)


def test_identical_searches_are_run_once_and_each_email_costs_its_writes(faro):
    service(faro, "Cucina sociale al porto")
    queries_for(faro, 1)  # the content types, read once per process
    one, nothing_one = queries_for(faro, 1)
    three, nothing_three = queries_for(faro, 3)
    six, nothing_six = queries_for(faro, 6)
    assert nothing_one == nothing_three == nothing_six, "reading costs the same at any size"
    per_email = (six - three) / 6
    assert per_email == (three - one) / 4, "each email costs the same"
    assert per_email <= 4, "its window and its outbox row (with their savepoints in tests)"

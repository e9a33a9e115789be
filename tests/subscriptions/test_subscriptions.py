"""Subscribing without an account: the form, the confirmation link, the subscriber's own page,
one-click unsubscribe, and the bulk email other apps send, which stops at an unsubscribe, a
bounce or a complaint."""

import base64
import json
import re
from html import unescape
from urllib.parse import urlparse

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from emails.models import OutboxEmail
from subscriptions import links
from subscriptions.mail import recipients, send_to_subscriber
from subscriptions.models import Kind, Subscriber, Subscription, Suppression
from tests.helpers import publish

pytestmark = pytest.mark.django_db

ADDRESS = "amina@example.org"


def valid(**changes):
    return {
        "email": "Amina@Example.org",
        "language": "it",
        "news": "on",
        "countries": ["IT"],
        "newsletter": "on",
        "consent": "on",
        "website": "",
        **changes,
    }


def subscribe(client, page_language="en", **changes):
    return client.post(f"/{page_language}/subscriptions/subscribe/", valid(**changes))


def link_in(email, name):
    """The path of the link named `name` (confirm, manage, unsubscribe) in an email's text."""
    found = re.search(rf"https?://\S+/subscriptions/{name}/[^/\s]+/", email.body_text)
    assert found, email.body_text
    return urlparse(found.group(0)).path


def confirmed(client, on_commit, **changes):
    with on_commit():
        subscribe(client, **changes)
    confirmation = OutboxEmail.objects.get(template_key="subscription_confirm")
    client.post(link_in(confirmation, "confirm"))
    return Subscriber.objects.get(email=ADDRESS)


def newsletter(subscriber, on_commit):
    """What the newsletter's sender does: one email per confirmed, unsuppressed subscriber."""
    with on_commit():
        return [
            send_to_subscriber(s, subject="Good practices", body="This month's practices.")
            for s in recipients(Kind.NEWSLETTER)
        ]


def test_the_footer_of_every_page_has_the_form_without_a_token(client, portal):
    html = client.get("/it/").content.decode()
    assert 'action="/it/subscriptions/subscribe/"' in html
    assert 'id="footer-subscribe"' in html
    assert 'data-csrf-url="/it/enquiry/token/"' in html
    assert 'value="IT"' in html and "Italia" in html, "the countries, named in Italian"
    assert re.search(r'aria-hidden="true">\s*<label for="footer-subscribe-website"', html)
    response = client.get("/it/")
    assert "csrftoken" not in response.cookies, "the page stays cacheable"


def footer_form(html):
    section = r'<section class="subscribe" id="footer-subscribe".*?</section>'
    return re.search(section, html, re.S)[0]


def test_the_footer_form_is_rendered_once_per_language_and_follows_the_countries(client, portal):
    english = footer_form(client.get("/en/search/").content.decode())
    with CaptureQueriesContext(connection) as queries:
        again = footer_form(client.get("/en/search/").content.decode())
    assert again == english
    assert not any("directory_countrypage" in query["sql"] for query in queries)
    italian = footer_form(client.get("/it/search/").content.decode())
    assert "Italia" in italian and "Italy" in english
    assert 'value="it" selected' in italian, "the emails' language is the visitor's"
    italy = portal.countries["IT"]
    italy.title = "Italy (mainland)"
    publish(italy)  # something public changed: the form is rendered again, with its new name
    assert "Italy (mainland)" in footer_form(client.get("/en/search/").content.decode())
    assert "Italy (mainland)" not in footer_form(client.get("/it/search/").content.decode())


def test_subscribe_confirm_and_receive_in_the_chosen_language(client, portal, on_commit):
    with on_commit():
        response = subscribe(client)
    assert response.status_code == 303
    assert response["Location"] == "/en/subscriptions/subscribe/sent/"

    subscriber = Subscriber.objects.get()
    assert subscriber.email == ADDRESS and subscriber.language == "it"
    assert subscriber.confirmed_at is None
    assert subscriber.consent_at is not None and subscriber.consent_version
    assert not Subscription.objects.exists(), "nothing is received before confirmation"

    confirmation = OutboxEmail.objects.get()
    assert confirmation.to == [ADDRESS]
    assert confirmation.language == "it", "the subscriber's language, not the page's"
    assert "/it/subscriptions/confirm/" in confirmation.body_text
    assert "Italia" in confirmation.body_text
    [message] = mail.outbox
    assert message.to == [ADDRESS]

    # Opening the link (as a link scanner would) changes nothing: a button confirms.
    path = link_in(confirmation, "confirm")
    page = client.get(path)
    assert page.status_code == 200 and b'method="post"' in page.content
    assert Subscriber.objects.get().confirmed_at is None

    response = client.post(path)
    assert response.status_code == 302
    assert "/it/subscriptions/manage/" in response["Location"]
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    news = subscriber.subscriptions.get(kind=Kind.NEWS)
    assert news.countries == ["IT"]
    assert subscriber.subscriptions.filter(kind=Kind.NEWSLETTER).exists()


def test_one_click_unsubscribe_stops_the_emails(portal, on_commit):
    client = Client()
    subscriber = confirmed(client, on_commit)
    [email] = newsletter(subscriber, on_commit)
    letter = subscriber.subscriptions.get(kind=Kind.NEWSLETTER)

    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = email.headers["List-Unsubscribe"].strip("<>")
    assert url.startswith("http") and "/it/subscriptions/unsubscribe/" in url
    visible = link_in(email, "unsubscribe")
    assert visible == urlparse(url).path
    assert "/it/subscriptions/manage/" in email.body_text
    sent = mail.outbox[-1]
    assert sent.extra_headers["List-Unsubscribe"] == email.headers["List-Unsubscribe"]

    # The visible link's page only shows a button.
    page = Client().get(visible)
    assert page.status_code == 200 and b"<form" in page.content
    assert subscriber.subscriptions.filter(kind=Kind.NEWSLETTER).exists()

    # The mail program's one-click POST: no cookie, no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        urlparse(url).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not subscriber.subscriptions.filter(kind=Kind.NEWSLETTER).exists()
    assert subscriber.subscriptions.filter(kind=Kind.NEWS).exists(), "only that list ends"

    sent_before = OutboxEmail.objects.count()
    assert newsletter(subscriber, on_commit) == []
    with on_commit():
        assert send_to_subscriber(letter, subject="Good practices", body="Again.") is None
    assert OutboxEmail.objects.count() == sent_before


def test_ending_everything_from_the_subscribers_page_deletes_the_address(client, portal, on_commit):
    subscriber = confirmed(client, on_commit)
    path = links.manage_url(subscriber)
    page = Client().get(urlparse(path).path)
    assert page.status_code == 200
    assert ADDRESS in page.content.decode()

    response = Client().post(urlparse(path).path, {"end_all": "1"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert Client().get(urlparse(path).path).status_code == 410


def test_changing_choices_from_the_subscribers_page(client, portal, on_commit):
    subscriber = confirmed(client, on_commit)
    path = urlparse(links.manage_url(subscriber)).path
    response = Client().post(path, {"language": "ar", "news": "on", "countries": ["GR"]})
    assert response.status_code == 303
    subscriber.refresh_from_db()
    assert subscriber.language == "ar"
    assert subscriber.subscriptions.get(kind=Kind.NEWS).countries == ["GR"]
    assert not subscriber.subscriptions.filter(kind=Kind.NEWSLETTER).exists()

    refused = Client().post(path, {"language": "xx", "countries": ["ZZ"]})
    assert refused.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.language == "ar"


def report_bounce(client, settings, address):
    """Postmark's tracking webhook reporting a hard bounce of `address`: its answer."""
    settings.ANYMAIL = {"WEBHOOK_SECRET": "postmark:s3cret"}
    auth = base64.b64encode(b"postmark:s3cret").decode()
    bounce = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": address,
        "BouncedAt": "2026-11-05T16:33:54Z",
        "Description": "mailbox not found",
        "Metadata": {},
    }
    return client.post(
        "/anymail/postmark/tracking/",
        json.dumps(bounce),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )


def test_a_bounce_reported_by_the_provider_stops_sending(client, portal, on_commit, settings):
    subscriber = confirmed(client, on_commit)
    response = report_bounce(client, settings, "AMINA@example.org")
    assert response.status_code == 200
    assert Suppression.objects.get().reason == "bounced"
    assert ADDRESS not in Suppression.objects.get().address_hash

    assert newsletter(subscriber, on_commit) == []
    news = subscriber.subscriptions.get(kind=Kind.NEWS)
    with on_commit():
        assert send_to_subscriber(news, subject="News", body="…") is None


def test_a_second_subscription_reveals_nothing_and_duplicates_nothing(client, portal, on_commit):
    confirmed(client, on_commit)
    first = subscribe(client, news="", newsletter="on")
    with on_commit():
        unknown = subscribe(client, email="someone.else@example.org")
    assert first.status_code == unknown.status_code == 303
    assert first["Location"] == unknown["Location"]
    assert Subscriber.objects.filter(email=ADDRESS).count() == 1
    assert Subscription.objects.filter(kind=Kind.NEWSLETTER).count() == 1

    # Confirming the second request again changes nothing more.
    for email in OutboxEmail.objects.filter(to=[ADDRESS], template_key="subscription_confirm"):
        client.post(link_in(email, "confirm"))
    assert Subscription.objects.filter(subscriber__email=ADDRESS).count() == 2


@pytest.mark.parametrize(
    "changes",
    [
        {"email": "not an address"},
        {"email": "a" * 250 + "@example.org"},
        {"consent": ""},
        {"news": "", "newsletter": ""},
        {"language": "xx"},
        {"countries": ["ZZ"]},
        {"email": "amina@example.org\r\nBcc: victim@example.org"},
    ],
)
def test_hostile_input_gets_form_errors_and_nothing_stored(client, portal, changes):
    response = subscribe(client, **changes)
    assert response.status_code == 400
    assert b'role="alert"' in response.content
    assert not Subscriber.objects.exists() and not OutboxEmail.objects.exists()


def test_a_robot_filling_the_hidden_field_is_refused(client, portal):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Subscriber.objects.exists() and not OutboxEmail.objects.exists()


def test_floods_are_limited(client, portal, on_commit, settings):
    settings.PORTAL_SUBSCRIBE_RATE_LIMIT = 2
    with on_commit():
        statuses = [subscribe(client).status_code for _ in range(3)]
    assert statuses == [303, 303, 429]
    assert OutboxEmail.objects.count() == 2


def test_a_form_sent_without_a_token_comes_back_filled(portal):
    client = Client(enforce_csrf_checks=True)
    response = subscribe(client)
    assert response.status_code == 403
    assert ADDRESS in response.content.decode() or "Amina@Example.org" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_expired_and_tampered_links_say_why(client, portal, on_commit, settings):
    with on_commit():
        subscribe(client)
    path = link_in(OutboxEmail.objects.get(), "confirm")
    token = path.rstrip("/").rsplit("/", 1)[1]

    tampered = client.get(path.replace(token, token[:-3] + "abc"))
    assert tampered.status_code == 400
    assert b"<h1>" in tampered.content

    settings.PORTAL_SUBSCRIPTION_LINK_DAYS = 0
    expired = client.post(path)
    assert expired.status_code == 410
    assert Subscriber.objects.get().confirmed_at is None

    forged = signing.dumps({"s": Subscriber.objects.get().pk, "k": "0" * 32}, salt=links.MANAGE)
    assert client.get(f"/en/subscriptions/manage/{forged}/").status_code == 410
    assert client.post("/en/subscriptions/unsubscribe/nonsense/").status_code == 400


def test_unconfirmed_addresses_are_purged_after_the_days(client, portal, on_commit, settings):
    confirmed(client, on_commit)
    with on_commit():
        subscribe(client, email="late@example.org")
    Subscriber.objects.filter(email="late@example.org").update(
        created_at=timezone.now() - timezone.timedelta(days=31)
    )
    call_command("purge_unconfirmed_subscribers")
    assert list(Subscriber.objects.values_list("email", flat=True)) == [ADDRESS]


def test_the_search_alert_form_saves_the_search(client, portal, on_commit):
    with on_commit():
        response = client.post(
            "/el/subscriptions/subscribe/search/",
            {
                "email": ADDRESS,
                "language": "el",
                "consent": "on",
                "website": "",
                "q": "  job   club ",
                "filters": json.dumps({"country": ["IT"], "target": []}),
                "search_language": "el",
            },
        )
    assert response.status_code == 303
    client.post(link_in(OutboxEmail.objects.get(), "confirm"))
    alert = Subscription.objects.get(kind=Kind.SEARCH)
    assert (alert.query, alert.filters, alert.search_language) == (
        "job club",
        {"country": ["IT"]},
        "el",
    )

    bad = client.post(
        "/el/subscriptions/subscribe/search/",
        {"email": ADDRESS, "language": "el", "consent": "on", "filters": "{not json"},
    )
    assert bad.status_code == 400


def test_pages_speak_the_subscribers_language(client, portal, on_commit):
    subscriber = confirmed(client, on_commit)
    path = urlparse(links.unsubscribe_url(subscriber)).path
    html = Client().get(path).content.decode()
    with translation.override("it"):
        assert gettext("Unsubscribe") in html
    assert '<html lang="it"' in html


def test_search_listings_offer_to_email_new_results(client, portal):
    html = client.get("/it/search/?q=corso&country=it&sort=relevance&page=1").content.decode()
    assert 'action="/it/subscriptions/subscribe/search/"' in html
    assert 'name="q" value="corso"' in html
    assert 'name="search_language" value="it"' in html
    filters = re.search(r'name="filters" value="([^"]*)"', html).group(1)
    assert json.loads(unescape(filters)) == {"country": ["it"]}, "the order and page are not kept"

"""The news digest: each news subscriber receives the news published since their last digest,
of their countries and the portal's own, in their language (else English), through the outbox
with the subscriptions' footer and one-click unsubscribe; nothing when there is no news."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emails.models import OutboxEmail
from news.digest import send_news_digest
from subscriptions.mail import suppress
from subscriptions.models import Subscriber, Suppression
from tests.helpers import days
from tests.news.conftest import build_news
from tests.news.news import make_news
from tests.subscriptions.alerts import news_subscription

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_settling")]


def digests():
    return OutboxEmail.objects.filter(template_key="news_digest")


def digest_to(subscription):
    return digests().get(to=[subscription.subscriber.email])


@pytest.fixture
def readers(portal):
    """Subscribed an hour ago: the news below is new to them."""
    return {
        "italy": news_subscription("it", ["IT"]),
        "everything": news_subscription("en"),
        "greece": news_subscription("el", ["GR"]),
    }


def test_each_reader_gets_the_news_of_their_countries_in_their_language(portal, readers):
    world = build_news(portal)
    assert send_news_digest() == 3

    italy = digest_to(readers["italy"])
    assert italy.language == "it"
    assert "Portale aperto in quattro lingue" in italy.body_text, "the Italian translation"
    assert "Sportello lavoro a Palermo" in italy.body_text, "news of the country"
    assert "Il Ponte apre un forno sociale" in italy.body_text, "news of its organisations"
    assert "Νέο κέντρο κατάρτισης" not in italy.body_text, "not another country's"
    assert "Draft news" not in italy.body_text
    assert italy.subject == "Le notizie di MoreThanAJob"

    greece = digest_to(readers["greece"])
    assert "Portal open in four languages" in greece.body_text, "no Greek version: English"
    assert "Νέο κέντρο κατάρτισης" in greece.body_text
    assert "Sportello lavoro a Palermo" not in greece.body_text

    everything = digest_to(readers["everything"])
    for title in ("Portal open in four languages", "Sportello lavoro", "Νέο κέντρο"):
        assert title in everything.body_text
    assert "/en/news/" in everything.body_text, "the link to every piece of news"
    assert everything.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/subscriptions/unsubscribe/" in everything.body_text

    assert send_news_digest() == 0, "nothing new: nothing sent"
    make_news(
        portal.localized(portal.countries["GR"], "el"),
        title="Δεύτερο κέντρο στη Θεσσαλονίκη",
        summary="Ακόμη ένα κέντρο.",
        date=days(0),
    )
    assert send_news_digest() == 2, "the Greek news: to Greece and to everything"
    newest = digests().order_by("-pk").first()
    assert "Δεύτερο κέντρο" in newest.body_text
    assert "Sportello lavoro" not in newest.body_text, "only what is new since the last one"
    assert world.news.draft.title not in newest.body_text


def test_no_news_no_email_and_only_confirmed_unsuppressed_readers(portal):
    news_subscription("en", confirmed=False)
    news_subscription("en", email="complained@example.org")
    suppress("complained@example.org", Suppression.Reason.COMPLAINED)
    received = news_subscription("en")
    call_command("send_news_digest", stdout=StringIO())
    assert not digests().exists(), "no news yet"
    build_news(portal)
    assert send_news_digest() == 1
    assert digests().get().to == [received.subscriber.email]


def test_the_digest_reads_the_same_whatever_the_number_of_readers(portal):
    build_news(portal)

    def queries(count):
        Subscriber.objects.all().delete()
        for _ in range(count):
            news_subscription("it", ["IT"])
            news_subscription("en")
        with CaptureQueriesContext(connection) as run:
            assert send_news_digest() == 2 * count
        with CaptureQueriesContext(connection) as again:
            assert send_news_digest() == 0
        return len(run), len(again)

    queries(1)  # what is read once per process
    one, nothing_one = queries(1)
    three, nothing_three = queries(3)
    six, nothing_six = queries(6)
    assert nothing_one == nothing_three == nothing_six
    per_email = (six - three) / 6
    assert per_email == (three - one) / 4
    assert per_email <= 4

"""The best-practice newsletter: an issue is sent once to each confirmed subscriber, in their
language, through the outbox, with one-click unsubscribe; the archive lists the issues sent."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from directory.factories import CountryFacilitatorFactory, UserFactory
from emails.models import OutboxEmail
from newsletter import sending
from newsletter.models import NewsletterDelivery, NewsletterSending
from subscriptions.mail import suppress
from subscriptions.models import Subscriber, Suppression
from tests.directory.organisations import refused
from tests.helpers import count_queries, signed_in, translate
from tests.newsletter.conftest import make_issue, subscriber
from tests.subscriptions.test_subscriptions import link_in, report_bounce, subscribe

pytestmark = pytest.mark.django_db


def issue_with_picks(letter, **fields):
    issue = make_issue(letter.archive, picks=[letter.practice, letter.news, letter.call], **fields)
    return issue


def send(issue, on_commit):
    with on_commit():
        assert sending.start(issue) is not None


def drain(on_commit):
    """What the scheduler does every minute: send the outbox's due rows."""
    with on_commit():
        call_command("send_queued_email", verbosity=0)


def copies(issue):
    return OutboxEmail.objects.filter(
        pk__in=NewsletterDelivery.objects.filter(
            sending__translation_key=issue.translation_key
        ).values("email_id")
    )


def test_subscribe_confirm_receive_in_italian_then_unsubscribe_in_one_click(
    client, letter, on_commit
):
    with on_commit():
        subscribe(client, email="amina@example.org", language="it")
    confirmation = OutboxEmail.objects.get(template_key="subscription_confirm")
    client.post(link_in(confirmation, "confirm"))
    assert Subscriber.objects.get(email="amina@example.org").is_confirmed

    issue = issue_with_picks(letter)
    translate(issue, "it", title="Buone pratiche di novembre")
    send(issue, on_commit)
    mail.outbox.clear()
    drain(on_commit)

    [message] = mail.outbox
    assert message.subject == "Buone pratiche di novembre"
    assert message.to == ["amina@example.org"]
    html = message.alternatives[0][0]
    assert 'lang="it"' in html
    assert "Forno sociale" in html and "Portale aperto in quattro lingue" in html, (
        "the picks, in Italian where translated"
    )
    assert "Cerchiamo formatori" in message.body
    unsubscribe = urlparse(message.extra_headers["List-Unsubscribe"].strip("<>")).path
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body and unsubscribe in html, "a visible link too"
    assert "/subscriptions/manage/" in message.body

    # A link scanner's GET changes nothing; the mail program's POST has no cookie, no token.
    assert client.get(unsubscribe).status_code == 200
    assert Subscriber.objects.get(email="amina@example.org").subscriptions.count() == 2

    one_click = Client(enforce_csrf_checks=True)
    response = one_click.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    amina = Subscriber.objects.get(email="amina@example.org")
    assert list(amina.subscriptions.values_list("kind", flat=True)) == ["news"], (
        "the newsletter ends; the news she also asked for stays"
    )

    second = issue_with_picks(letter, title="Good practices, December")
    send(second, on_commit)
    assert not copies(second).exists(), "nothing more is sent"


def test_english_when_the_issue_is_not_in_the_subscribers_language(letter, on_commit):
    subscriber("nikos@example.org", language="el")
    issue = issue_with_picks(letter)
    translate(issue, "it", title="Buone pratiche di novembre")
    send(issue, on_commit)
    [email] = copies(issue)
    assert email.subject == "Good practices, November"
    assert email.to == ["nikos@example.org"] and email.language == "el"
    assert 'lang="en"' in email.body_html
    assert "/el/subscriptions/unsubscribe/" in email.body_text, "its links in Greek"


def test_an_italian_draft_translation_is_not_sent(letter, on_commit):
    subscriber("amina@example.org", language="it")
    issue = issue_with_picks(letter)
    draft = translate(issue, "it", title="Bozza")
    draft.unpublish()
    send(issue, on_commit)
    assert copies(issue).get().subject == "Good practices, November"


def test_unconfirmed_and_suppressed_subscribers_get_nothing(letter, on_commit):
    subscriber("unconfirmed@example.org", confirmed=False)
    subscriber("bounced@example.org")
    subscriber("news-only@example.org", newsletter=False)
    subscriber("reader@example.org")
    suppress("Bounced@example.org", Suppression.Reason.BOUNCED)
    issue = issue_with_picks(letter)
    send(issue, on_commit)
    assert [email.to for email in copies(issue)] == [["reader@example.org"]]
    assert NewsletterSending.objects.get().status == "sent"


def test_an_interrupted_sending_resumes_without_duplicates(letter, on_commit, monkeypatch):
    people = [subscriber(f"reader{n}@example.org") for n in range(7)]
    issue = issue_with_picks(letter)
    real = sending.write_batch
    calls = []

    def stops_after_the_first_batch(sending_id, renderings, size=None):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the worker stopped")
        return real(sending_id, renderings, size=3)

    monkeypatch.setattr(sending, "write_batch", stops_after_the_first_batch)
    send(issue, on_commit)  # the task fails half way
    state = NewsletterSending.objects.get()
    assert (state.status, state.written, state.total) == ("sending", 3, 7)
    assert copies(issue).count() == 3

    monkeypatch.setattr(sending, "write_batch", lambda *args, **kw: real(*args, size=3))
    NewsletterSending.objects.update(updated_at=timezone.now() - sending.STALLED_AFTER * 2)
    with on_commit():
        call_command("send_due_newsletters", verbosity=0)
    state.refresh_from_db()
    assert (state.status, state.written) == ("sent", 7)
    received = sorted(address for email in copies(issue) for address in email.to)
    assert received == sorted(person.email for person in people), "each exactly once"

    send(issue, on_commit)  # "Send now" again: nothing more
    assert copies(issue).count() == 7


def test_a_bounce_stops_the_next_issue(client, letter, on_commit, settings):
    subscriber("amina@example.org", language="it")
    response = report_bounce(client, settings, "amina@example.org")
    assert response.status_code == 200
    issue = issue_with_picks(letter)
    send(issue, on_commit)
    assert not copies(issue).exists()


def test_a_copy_written_before_a_bounce_is_not_sent(letter, on_commit):
    """The provider reports a bounce while the issue's copies wait for their turn: that
    address's copy stays unsent and says why; the others go."""
    subscriber("amina@example.org", language="it")
    subscriber("reader@example.org")
    issue = issue_with_picks(letter)
    send(issue, on_commit)
    assert copies(issue).count() == 2
    suppress("amina@example.org", Suppression.Reason.BOUNCED)
    mail.outbox.clear()
    drain(on_commit)
    assert [message.to for message in mail.outbox] == [["reader@example.org"]]
    held = copies(issue).get(to=["amina@example.org"])
    assert held.status == OutboxEmail.Status.SUPPRESSED


def test_rows_come_due_at_the_outboxs_pace(letter, on_commit, settings):
    settings.PORTAL_NEWSLETTER_EMAILS_PER_MINUTE = 2
    for n in range(5):
        subscriber(f"reader{n}@example.org")
    issue = issue_with_picks(letter)
    send(issue, on_commit)
    mail.outbox.clear()
    drain(on_commit)
    assert len(mail.outbox) == 2, "the first minute's share; the rest wait for their turn"


# Staff ------------------------------------------------------------------------------------------


def send_url(issue):
    return f"/admin/newsletter/{issue.pk}/send/"


def test_staff_send_themselves_a_test_of_the_draft(client, letter, on_commit):
    issue = issue_with_picks(letter)
    issue.title = "Good practices, draft title"
    issue.save_revision()
    client = signed_in(letter.staff)
    mail.outbox.clear()
    with on_commit():
        response = client.post(send_url(issue), {"action": "test"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [letter.staff.email]
    assert "Good practices, draft title" in message.subject
    assert "Forno sociale" in message.body
    assert not NewsletterSending.objects.exists(), "a test sends nothing to subscribers"


def test_staff_send_now_and_see_the_progress(client, letter, on_commit):
    subscriber("reader@example.org")
    issue = issue_with_picks(letter)
    client = signed_in(letter.staff)
    with on_commit():
        response = client.post(send_url(issue), {"action": "send"})
    assert response.status_code == 302
    assert copies(issue).count() == 1
    page = client.get(send_url(issue)).content.decode()
    assert "1 email written" in page
    edit = client.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert send_url(issue) in edit and "1 email written" in edit


def test_an_unpublished_issue_is_not_sent(client, letter, on_commit):
    subscriber("reader@example.org")
    issue = make_issue(letter.archive, live=False)
    client = signed_in(letter.staff)
    with on_commit():
        client.post(send_url(issue), {"action": "send"})
    assert not NewsletterSending.objects.exists()


def test_schedule_then_the_periodic_command_sends_it(client, letter, on_commit):
    subscriber("reader@example.org")
    issue = issue_with_picks(letter)
    client = signed_in(letter.staff)
    past = client.post(send_url(issue), {"action": "schedule", "when": "2001-01-01T10:00"})
    assert past.status_code == 400, "a moment in the past is refused"
    when = timezone.localtime() + timezone.timedelta(hours=2)
    response = client.post(
        send_url(issue), {"action": "schedule", "when": when.strftime("%Y-%m-%dT%H:%M")}
    )
    assert response.status_code == 302
    assert NewsletterSending.objects.get().status == "scheduled"
    with on_commit():
        call_command("send_due_newsletters", verbosity=0)
    assert not copies(issue).exists(), "not before its time"
    NewsletterSending.objects.update(scheduled_for=timezone.now())
    with on_commit():
        call_command("send_due_newsletters", verbosity=0)
    assert copies(issue).count() == 1


@pytest.mark.parametrize("who", ["facilitator", "nobody", "anonymous"])
def test_only_those_who_may_publish_the_issue_may_send_it(client, letter, portal, who):
    subscriber("reader@example.org")
    issue = issue_with_picks(letter)
    if who == "facilitator":
        client.force_login(CountryFacilitatorFactory(country=portal.countries["IT"]))
    elif who == "nobody":
        client.force_login(UserFactory(is_staff=True))
    for action in ("send", "test", "schedule"):
        response = client.post(send_url(issue), {"action": action, "when": "2099-01-01T10:00"})
        assert refused(response)
    assert refused(client.get(send_url(issue)))
    assert not NewsletterSending.objects.exists()
    assert not OutboxEmail.objects.exists()


def test_the_email_preview_mode_shows_the_email(letter):
    issue = issue_with_picks(letter)
    assert ("email", "Email") in [(name, str(label)) for name, label in issue.preview_modes]
    html = issue.make_preview_request(preview_mode="email").content.decode()
    assert "Forno sociale" in html and "Cerchiamo formatori" in html
    assert "/subscriptions/unsubscribe/sample/" in html, "a link that unsubscribes nobody"


# The public pages -------------------------------------------------------------------------------


def test_the_archive_lists_sent_issues_newest_first_once_per_translation(client, letter, on_commit):
    first = issue_with_picks(letter, title="Good practices, October")
    translate(first, "it", title="Buone pratiche di ottobre")
    send(first, on_commit)
    second = issue_with_picks(letter, title="Good practices, November")
    send(second, on_commit)
    NewsletterSending.objects.filter(translation_key=first.translation_key).update(
        started_at=timezone.now() - timezone.timedelta(days=30)
    )
    issue_with_picks(letter, title="Not sent yet")
    html = client.get("/it/newsletter/").content.decode()
    titles = re.findall(r'class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Good practices, November", "Buone pratiche di ottobre"]
    page = client.get("/it/newsletter/buone-pratiche-di-ottobre/")
    if page.status_code == 404:
        page = client.get(translate_url(first))
    assert "Forno sociale" in page.content.decode()


def translate_url(page):
    from wagtail.models import Locale

    return page.get_translation(Locale.objects.get(language_code="it")).url


def test_the_archive_costs_the_same_queries_at_two_sizes(client, letter, on_commit, settings):
    settings.PORTAL_PAGE_SIZE = 3

    def sent(n):
        for i in range(n):
            send(make_issue(letter.archive, title=f"Issue {n}-{i}"), on_commit)

    sent(2)
    small, _ = count_queries(client, "/it/newsletter/")
    sent(6)
    large, _ = count_queries(client, "/it/newsletter/")
    assert small == large
    assert client.get("/it/newsletter/?page=9").status_code == 404

"""A newsletter archive in English and Italian, a good practice, a piece of news and a call to
pick, and helpers to make issues and subscribers."""

from types import SimpleNamespace

import pytest
from django.utils import timezone

from collaboration.factories import CollaborationCallPageFactory
from directory.factories import (
    CentralStaffFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
)
from news.factories import NewsIndexPageFactory
from newsletter.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from subscriptions.models import Kind, Subscriber, Subscription
from tests.helpers import publish, translate
from tests.news.news import make_news


def make_issue(archive, title="Good practices, November", picks=(), live=True, **fields):
    issue = NewsletterIssuePageFactory.build(title=title, **fields)
    issue.locale = archive.locale
    issue.live = live
    archive.add_child(instance=issue)
    for page in picks:
        issue.picks.create(page=page)
    if not live:
        issue.save_revision()
        return issue
    return publish(issue)


def subscriber(email, language="en", confirmed=True, newsletter=True):
    now = timezone.now()
    person = Subscriber.objects.create(
        email=email,
        language=language,
        consent_at=now,
        consent_version="test",
        confirmed_at=now if confirmed else None,
    )
    if newsletter:
        Subscription.objects.create(subscriber=person, kind=Kind.NEWSLETTER)
    return person


@pytest.fixture
def letter(portal):
    archive = NewsletterIndexPageFactory(parent=portal.home, show_in_menus=True)
    archive_it = translate(archive, "it", title="Newsletter")
    italy = portal.localized(portal.countries["IT"], "it")
    organisation = OrganisationPageFactory(parent=italy, title="Cooperativa Il Ponte")
    practice = PortfolioProjectPageFactory(
        parent=organisation,
        title="Forno sociale",
        summary="Dieci giovani formati come panettieri.",
        is_good_practice=True,
    )
    call = CollaborationCallPageFactory(parent=organisation, title="Cerchiamo formatori")
    news_index = NewsIndexPageFactory(parent=portal.home)
    news = make_news(
        news_index, title="Portal open in four languages", summary="Now in four languages."
    )
    news_it = translate(news, "it", title="Portale aperto in quattro lingue")
    return SimpleNamespace(
        archive=archive,
        archive_it=archive_it,
        practice=practice,
        call=call,
        news=news,
        news_it=news_it,
        staff=CentralStaffFactory(),
    )

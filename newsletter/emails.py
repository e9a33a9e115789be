"""The issue as an email, in one language: its subject, its text and its HTML.

An issue is rendered once per language (`render_issue`) and then given to each subscriber with
their own footer and links (`IssueEmail.for_subscriber`): the body is the same for every reader
of a language, so 50,000 copies cost 50,000 string replacements, not 50,000 template renderings.
The footer is the subscriptions' (subscriptions/mail.py): a visible unsubscribe link, whose page
only shows a button, and the link to manage every subscription.
"""

import re
from dataclasses import dataclass, replace
from functools import cached_property
from html import unescape

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from collaboration.models import CollaborationCallPage
from core.urls import absolute_admin_url
from directory.models import PortfolioProjectPage
from news.models import NewsPage
from subscriptions import links
from subscriptions.mail import footer
from subscriptions.models import Kind, Subscriber, Subscription

from .models import NewsletterIssuePage

#: Stand-ins for each subscriber's own links in the HTML rendered once per language.
UNSUBSCRIBE_MARK = "__newsletter_unsubscribe_url__"
MANAGE_MARK = "__newsletter_manage_url__"
#: What a preview or a test links to: a link that unsubscribes nobody.
SAMPLE_TOKEN = "sample"  # noqa: S105 (a link's path, not a secret)

KIND_LABELS = {
    PortfolioProjectPage: _("Good practice"),
    NewsPage: _("News"),
    CollaborationCallPage: _("Call for collaboration"),
}


#: Stands for a subscriber's own token in the addresses of their links.
TOKEN_MARK = "newsletter_token_mark"  # noqa: S105 (a mark in an address, not a secret)


@dataclass
class IssueEmail:
    language: str  # the issue's, as written
    reader_language: str  # the reader's: the footer's and the links'
    subject: str
    text: str  # with UNSUBSCRIBE_MARK and MANAGE_MARK
    html: str  # likewise

    def for_subscriber(self, unsubscribe_url, manage_url):
        """(text, html) of one subscriber's copy, with their own links."""
        text = self.text.replace(UNSUBSCRIBE_MARK, unsubscribe_url).replace(MANAGE_MARK, manage_url)
        html = self.html.replace(UNSUBSCRIBE_MARK, unsubscribe_url).replace(MANAGE_MARK, manage_url)
        return text, html

    @cached_property
    def _addresses(self):
        return (
            links.absolute_url("subscriptions_unsubscribe", TOKEN_MARK, self.reader_language),
            links.absolute_url("subscriptions_manage", TOKEN_MARK, self.reader_language),
        )

    def links_for(self, subscriber, subscription):
        """(unsubscribe, manage) addresses of `subscriber`, as `subscriptions.links` makes
        them, without resolving the addresses again for each subscriber."""
        unsubscribe, manage = self._addresses
        return (
            unsubscribe.replace(TOKEN_MARK, links.unsubscribe_token(subscriber, subscription)),
            manage.replace(TOKEN_MARK, links.manage_token(subscriber)),
        )


def live_version(translation_key, language):
    """The live issue in `language`, else in English (the default language), else None."""
    versions = {
        page.locale.language_code: page
        for page in NewsletterIssuePage.objects.live()
        .filter(
            translation_key=translation_key,
            locale__language_code__in=[language, settings.LANGUAGE_CODE],
        )
        .select_related("locale")
    }
    return versions.get(language) or versions.get(settings.LANGUAGE_CODE)


def picks_in(issue, language):
    """The live pages `issue` picks, in its order, each in `language` where translated, else in
    English, else as first written: a fixed number of queries."""
    page_ids = [pick.page_id for pick in issue.picks.all()]
    key_of = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    keys = list(dict.fromkeys(key_of[pk] for pk in page_ids if pk in key_of))
    if not keys:
        return []
    rank = {language: 0, settings.LANGUAGE_CODE: 1}
    best = {}
    for page in (
        Page.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("pk")
        .specific()
    ):
        current = best.get(page.translation_key)
        if current is None or rank.get(page.locale.language_code, 2) < rank.get(
            current.locale.language_code, 2
        ):
            best[page.translation_key] = page
    pages = [best[key] for key in keys if key in best]
    for page in pages:
        page.kind_label = next(
            (label for model, label in KIND_LABELS.items() if isinstance(page, model)), ""
        )
    return pages


def absolute_links(html):
    """Rich text's links to the site's own pages, made absolute for an email."""
    return re.sub(r'href="/(?!/)', f'href="{absolute_admin_url("/")}', html)


def render_issue(issue, language):
    """The email of `issue` (a version in some language) for readers of `language`: the issue
    as written, the footer in the reader's language."""
    own = issue.locale.language_code
    picks = picks_in(issue, own)
    sample = Subscription(kind=Kind.NEWSLETTER, subscriber=Subscriber(language=language))
    with translation.override(language):
        footer_html = render_to_string(
            "newsletter/email_footer.html",
            {
                "what": Kind.NEWSLETTER.label,
                "unsubscribe_url": UNSUBSCRIBE_MARK,
                "manage_url": MANAGE_MARK,
            },
        )
    footer_text = footer(sample, UNSUBSCRIBE_MARK, MANAGE_MARK)
    with translation.override(own):
        direction = "rtl" if translation.get_language_bidi() else "ltr"
        introduction = absolute_links(expand_db_html(issue.introduction))
        context = {
            "issue": issue,
            "issue_url": issue.get_full_url(),
            "language": own,
            "direction": direction,
            "introduction": introduction,
            "introduction_text": unescape(strip_tags(introduction)).strip(),
            "picks": picks,
            "footer_html": footer_html,
        }
        html = render_to_string("newsletter/email.html", context)
        text = render_to_string("newsletter/email.txt", context).rstrip() + "\n" + footer_text
    return IssueEmail(
        language=own,
        reader_language=language,
        subject=" ".join(issue.title.split()),
        text=text,
        html=html,
    )


def sample_email(issue, language=None):
    """The issue as its reader in its own language gets it, with links that unsubscribe nobody:
    for the preview and the test sent to staff."""
    language = language or issue.locale.language_code
    email = render_issue(issue, language)
    unsubscribe_url = links.absolute_url("subscriptions_unsubscribe", SAMPLE_TOKEN, language)
    manage_url = links.absolute_url("subscriptions_manage", SAMPLE_TOKEN, language)
    text, html = email.for_subscriber(unsubscribe_url, manage_url)
    return replace(email, text=text, html=html)

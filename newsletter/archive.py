"""The public side: the archive of the issues sent, and an issue's page."""

from django.conf import settings
from django.db.models import OuterRef, Subquery

from core.listing import paginate
from directory.addresses import attach_visitor_urls
from directory.listing import one_per_translation, request_locales

from .emails import picks_in
from .models import NewsletterIssuePage, NewsletterSending


def sent_issues(locales):
    """The live issues whose sending started, once per translation set (in the visitor's
    language, else English, else as written), the newest sent first."""
    sendings = NewsletterSending.objects.filter(started_at__isnull=False)
    sent_on = sendings.filter(translation_key=OuterRef("translation_key")).values("started_at")
    issues = NewsletterIssuePage.objects.live().filter(
        translation_key__in=sendings.values("translation_key")
    )
    return (
        one_per_translation(issues, locales.active, locales.default)
        .annotate(sent_on=Subquery(sent_on[:1]))
        .select_related("locale")
        .order_by("-sent_on", "-pk")
    )


def archive_context(request):
    locales = request_locales(request)
    issues = paginate(request, sent_issues(locales), settings.PORTAL_PAGE_SIZE)
    issues.object_list = attach_visitor_urls(issues.object_list, request)
    return {"issues": issues}


def issue_context(page, request):
    picks = picks_in(page, page.locale.language_code)
    sending = NewsletterSending.objects.filter(
        translation_key=page.translation_key, started_at__isnull=False
    ).first()
    return {
        "picks": attach_visitor_urls(picks, request),
        "sent_on": sending.started_at if sending else None,
        "archive": page.get_parent(),
    }

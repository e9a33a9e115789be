"""Demo freshness: in each language, a service checked 13 months ago (noted, ranked lower) and
one checked 19 months ago (out of the listings, its page marked, its organisation flagged on
the facilitators' panel); everything else was checked when the demo published it."""

import datetime

from django.db.models import Min
from django.utils import timezone
from wagtail.models import Locale

from directory.freshness import months_before, note_before, record_check
from directory.models import OrganisationPage, ServicePage


def ensure_demo_freshness():
    """Age two services per language, once (nothing is aged again once some content is old).
    Returns how many pieces of content were aged."""
    if ServicePage.objects.filter(checked_on__lt=note_before()).exists():
        return 0
    today = timezone.localdate()
    year_ago = months_before(today, 13) - datetime.timedelta(days=3)
    long_ago = months_before(today, 19) - datetime.timedelta(days=3)
    # Each piece of content by the language it was first written in.
    firsts = ServicePage.objects.live().values("translation_key").annotate(first=Min("pk"))
    by_language = {}
    firsts_pages = ServicePage.objects.filter(pk__in=firsts.values("first")).order_by("pk")
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    for key, locale_id in firsts_pages.values_list("translation_key", "locale_id"):
        by_language.setdefault(languages[locale_id], []).append(key)
    aged = 0
    for keys in by_language.values():
        if len(keys) < 3:
            continue
        record_check([keys[-2]], on=year_ago)
        record_check([keys[-1]], on=long_ago)
        aged += 2
    # And one organisation's profile, a year old, with a note on its page and card.
    organisation = OrganisationPage.objects.live().order_by("-pk").first()
    if organisation is not None:
        record_check([organisation.translation_key], on=year_ago)
        aged += 1
    return aged

"""How fresh a listed piece of content is: when it was last confirmed accurate (`checked_on`).

Past `PORTAL_FRESHNESS_NOTE_MONTHS` (12) without a check, its page and card say it was not
checked recently and listings rank it lower; past `PORTAL_FRESHNESS_HIDE_MONTHS` (18) it is left
out of the listings and the search (its page still answers, marked), and the facilitators'
panel flags its organisation. Nothing is deleted or unpublished for it.

A check is dated for all the language versions of the content at once (one translation key).
The listing rows carry the outcome (`ListingRow.checked_recently`, and no row once hidden); the
nightly `refresh_listings` works them out again as the dates cross the thresholds.
"""

import calendar

from django.conf import settings
from django.utils import timezone

from core import page_cache

RECENT, OLD, HIDDEN = "recent", "old", "hidden"


def today():
    return timezone.localdate()


def months_before(day, months):
    """The same day `months` calendar months earlier (the month's last day where it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def note_before(on=None):
    """Content checked before this day carries the "not checked recently" note."""
    return months_before(on or today(), settings.PORTAL_FRESHNESS_NOTE_MONTHS)


def hidden_before(on=None):
    """Content checked before this day is left out of listings and search."""
    return months_before(on or today(), settings.PORTAL_FRESHNESS_HIDE_MONTHS)


def freshness(checked_on, on=None):
    """RECENT, OLD or HIDDEN for content last checked on `checked_on` (never checked: RECENT,
    as content that is not yet published has no date and gets one when it is)."""
    if checked_on is None or checked_on >= note_before(on):
        return RECENT
    if checked_on >= hidden_before(on):
        return OLD
    return HIDDEN


def date_check(translation_keys, on=None):
    """Write the date of a check of the content with these keys (every language version): one
    update per page type, nothing else. Returns the number of pages dated."""
    from directory.models import OrganisationPage, ServicePage  # the models use this module

    keys = list(translation_keys)
    day = on or today()
    return sum(
        model.objects.filter(translation_key__in=keys).update(checked_on=day)
        for model in (OrganisationPage, ServicePage)
    )


def record_check(translation_keys, on=None):
    """Date a check of the content with these keys (every language version), and have its
    listing rows worked out again. Returns the number of pages dated."""
    from directory import listing_rows  # listing_rows reads the models this module serves
    from directory.search import content_changed  # as listing_rows

    keys = list(translation_keys)
    dated = date_check(keys, on)
    listing_rows.mark(keys)
    # Written around the pages' save: cached searches and pages are forgotten here.
    content_changed()
    page_cache.purge()
    return dated


def page_published(sender, instance, **kwargs):
    """Publishing a version of a service or an organisation is a check of it: its people or a
    facilitator have just read it through (Wagtail's `page_published`).

    Only the date is written here: the publication itself has already marked the content's
    listing rows stale (its save, `directory.signals`), forgotten cached searches (the save,
    `directory.search`) and emptied the page cache (`core.page_cache`), and the rows are worked
    out from the database when next read, this date included."""
    from directory.models import OrganisationPage, ServicePage  # see date_check

    if isinstance(instance, OrganisationPage | ServicePage):
        date_check([instance.translation_key])

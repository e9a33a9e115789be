"""Where each organisation stands (`OrganisationStanding`), kept in step with the page tree.

Completeness, services, last update, publication, verification and the latest email's delivery
are worked out from every language version of an organisation and its pages below: a fraction
of a second for one organisation, seconds for ten thousand. The facilitators' panel filters,
sorts and counts every organisation a user follows on each request, so it reads them from one
row per organisation instead (`current_standings`).

Keeping the rows in step costs one cheap query per change, never a recomputation:

- a change to anything a standing depends on marks the organisations concerned stale: a page
  saved (created, edited, published, unpublished, a draft saved), deleted or moved at, under or
  above an organisation (a country's national language, a move to another country); its
  expertise changed; its account (verified) or an email to it (delivered, bounced) changed; an
  image it uses deleted;
- a new organisation gets a stale row at once (`open_standing`); `current_standings()` first
  works out again, in a fixed number of queries, the stale ones, then reads.

The mark is written in the same transaction as the change, so it is undone with it. A standing
is only ever worked out from the database as it is (`refresh`), so a row refreshed too often is
merely wasted work, never wrong. Pages written around the portal's code (in bulk, or straight
in the database) need `manage.py refresh_standings`, which works every row out again.
"""

from types import SimpleNamespace

from django.db.models import OuterRef, Q, Subquery
from wagtail.models import Page

from directory.completeness import RULES_BY_CODE, Completeness, OrganisationTree, missing_items
from directory.models import OrganisationAccount, OrganisationPage, OrganisationStanding
from emails.models import OutboxEmail

#: What a standing reads of an organisation's first version.
PAGE_FIELDS = (
    "pk",
    "title",
    "acronym",
    "short_description",
    "email",
    "phone",
    "logo_id",
    "cover_image_id",
    "translation_key",
    "path",
    "depth",
)
REFRESHED_FIELDS = (
    "page",
    "title",
    "acronym",
    "country_code",
    "live",
    "verified",
    "complete",
    "share",
    "missing",
    "services",
    "projects",
    "last_update",
    "last_email_status",
    "stale",
    "refreshed_at",
)


def latest_email_status():
    """The status of the latest email written to the outer organisation (any language)."""
    emails = OutboxEmail.objects.filter(organisation__translation_key=OuterRef("translation_key"))
    return Subquery(emails.order_by("-created_at", "-pk").values("status")[:1])


def stored_completeness(missing, services, projects):
    """The `Completeness` a standing keeps (its `missing`, `services` and `projects`), as
    `missing_items` gives it."""
    codes = [code for code in missing.split(",") if code in RULES_BY_CODE]
    return Completeness([RULES_BY_CODE[code] for code in codes], services, projects)


def refresh(keys=None):
    """Work out again the standing of the organisations with these translation keys (every
    organisation when None), in a fixed number of queries; drop those without a page left."""
    pages = OrganisationPage.objects.all()
    standings = OrganisationStanding.objects.all()
    if keys is not None:
        keys = list(set(keys))
        if not keys:
            return 0
        pages = pages.filter(translation_key__in=keys)
        standings = standings.filter(translation_key__in=keys)
    firsts = [
        SimpleNamespace(**row)
        for row in pages.first_versions()
        .annotate(last_email_status=latest_email_status())
        .values(*PAGE_FIELDS, "last_email_status")
    ]
    tree = OrganisationTree(keys if keys is not None else pages.values("translation_key"))
    completeness = missing_items(firsts, tree)  # also sets each one's country_page
    updates = tree.last_updates()
    verified = set(
        OrganisationAccount.objects.filter(
            translation_key__in=[first.translation_key for first in firsts], verified=True
        ).values_list("translation_key", flat=True)
    )
    rows = []
    for first in firsts:
        key = first.translation_key
        state = completeness[first.pk]
        rows.append(
            OrganisationStanding(
                translation_key=key,
                page_id=first.pk,
                title=first.title,
                acronym=first.acronym or "",
                country_code=getattr(first.country_page, "code", "") or "",
                live=key in tree.live,
                verified=key in verified,
                complete=state.complete,
                share=state.share,
                missing=",".join(state.missing_codes),
                services=state.services,
                projects=state.projects,
                last_update=updates.get(key),
                last_email_status=first.last_email_status or "",
                stale=False,
            )
        )
    standings.exclude(translation_key__in=[row.translation_key for row in rows]).delete()
    # A first version that changed (the first one deleted) takes the row over.
    standings.exclude(page_id__in=[row.page_id for row in rows]).delete()
    OrganisationStanding.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["translation_key"],
        update_fields=REFRESHED_FIELDS,
    )
    return len(rows)


def refresh_outdated():
    """Work out again the stale standings (those of new organisations among them); the number
    worked out. One query when every standing is current."""
    stale = OrganisationStanding.objects.filter(stale=True).values_list(
        "translation_key", flat=True
    )
    keys = set(stale)
    return refresh(keys) if keys else 0


def open_standing(page):
    """A new organisation (`page` its first version) gets its standing, stale until worked out
    on first use; a new language version of one marks it stale. One query."""
    OrganisationStanding.objects.bulk_create(
        [
            OrganisationStanding(
                translation_key=page.translation_key, page=page, title=page.title, stale=True
            )
        ],
        ignore_conflicts=True,
    )


def current_standings():
    """Every organisation's standing, each one current (see the module's text)."""
    refresh_outdated()
    return OrganisationStanding.objects.all()


# Marking standings stale ------------------------------------------------------------------------


def _mark(keys):
    OrganisationStanding.objects.filter(translation_key__in=keys, stale=False).update(stale=True)


def mark_around(page):
    """Mark stale the organisations `page` is, sits under or sits above (a country, the
    directory): one query."""
    step = Page.steplen
    path = page.path or ""
    if not path:
        return
    ancestors = [path[:length] for length in range(step, len(path) + 1, step)]
    organisations = OrganisationPage.objects.filter(
        Q(path__in=ancestors) | Q(path__startswith=path)
    ).values("translation_key")
    _mark(organisations)


def mark_organisation(translation_key):
    """Mark stale the organisation with this translation key."""
    _mark([translation_key])


def mark_organisations(keys):
    """Mark stale the organisations with these keys (a list or a subquery)."""
    _mark(keys)


def mark_using_image(image_id):
    """Mark stale the organisations whose logo or cover is this image (about to be deleted)."""
    organisations = OrganisationPage.objects.filter(
        Q(logo_id=image_id) | Q(cover_image_id=image_id)
    ).values("translation_key")
    _mark(organisations)


def mark_email(email):
    """Mark stale the organisation an email was written to (its delivery status shows)."""
    if email.organisation_id is not None:
        _mark(OrganisationPage.objects.filter(pk=email.organisation_id).values("translation_key"))

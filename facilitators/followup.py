"""Which organisations need a facilitator's attention, and why.

One computation serves the dashboard panel, the monitoring report, `send_reminders` and the bench:
`follow_up(organisations)` gives a `Row` per organisation in a fixed number of queries, however many
organisations there are. An organisation is all its language versions together; its row is shown
through the page it was first written in (its own language).

"Days since contact" counts calendar days in the current time zone (the admin user's own): a call
made late in the evening in Beirut is that evening's day there, whatever the hour in UTC.

What counts as a contact (the "last contact" and its 40-day clock, `counted_contacts`):

- every contact a person logged by hand (a call, a meeting, an event, an email of their own);
- the portal's own emails that reach out to the organisation: the welcome, and the reminders
  facilitators send (`CONTACT_EMAIL_TEMPLATES`); other emails it relays (a citizen's enquiry, an
  expression of interest) are somebody else speaking to the organisation, not the facilitation;
- a feature on social media once it is posted, dated the day it was posted. Planning a feature is
  not a contact: nothing has reached the organisation yet, and a feature planned weeks ahead
  would stop the clock for an organisation nobody spoke to. The featured app writes the feature's
  row only while it is posted; the condition here holds even for a row written otherwise.

A contact's follow-up date (`ContactLog.follow_up_on`) is due when it is today or past and the
contact is still the organisation's last one: any later contact (a call, a reminder) is the
follow-up, and brings its own date or none.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Min, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber, TruncDate
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, WorkflowState

from core.roles import FACILITATORS_PREFIX, Role, country_code_of_group
from directory import freshness
from directory.completeness import OrganisationTree
from directory.countries import country_names
from directory.listing import attach_parents
from directory.models import (
    CountryPage,
    Enquiry,
    OrganisationAccount,
    OrganisationPage,
    PlaceNames,
    ServicePage,
)
from directory.standing import current_standings, latest_email_status, stored_completeness
from emails.models import OutboxEmail

from .models import CONTACT_EMAIL_TEMPLATES, ContactChannel, ContactLog, ContactOutcome

#: The statuses of an email that did not reach the organisation: a delivery problem on its row.
DELIVERY_PROBLEMS = (
    OutboxEmail.Status.FAILED,
    OutboxEmail.Status.BOUNCED,
    OutboxEmail.Status.COMPLAINED,
    OutboxEmail.Status.REJECTED,
)


def overdue_after_days():
    return settings.PORTAL_CONTACT_OVERDUE_DAYS


def days_since(moment, today=None):
    """Whole calendar days from `moment` to `today`, in the current time zone; None for never."""
    if moment is None:
        return None
    today = today or timezone.localdate()
    return (today - timezone.localtime(moment).date()).days


def is_overdue(days):
    """Never contacted, or not contacted for more than the limit (40 days: day 41 is late)."""
    return days is None or days > overdue_after_days()


# Who looks after which organisations ------------------------------------------------------------


def can_follow_up(user):
    """Central staff and facilitators have a follow-up list; nobody else does."""
    return Role.of(user).follows_up


def organisations_for(user):
    """One page per organisation the user looks after: its first version."""
    return OrganisationPage.objects.followed_by(user).first_versions()


def followed_country_codes(user):
    """The codes of the countries whose organisations the user follows ("": country not set)."""
    role = Role.of(user)
    if role.is_central_staff:
        return set(CountryPage.objects.values_list("code", flat=True))
    return set(role.country_codes)


def follows(user, organisation):
    """Whether `user` looks after `organisation` (any of its language versions)."""
    return organisations_for(user).filter(translation_key=organisation.translation_key).exists()


# The rows ---------------------------------------------------------------------------------------


class Organisation:
    """What the follow-up shows of an organisation, read with `values()`: thousands of these
    cost a fraction of as many page objects. `page()` loads the real page when one is needed."""

    FIELDS = (
        "pk",
        "title",
        "acronym",
        "short_description",
        "email",
        "phone",
        "contact_person",
        "place_id",
        "logo_id",
        "cover_image_id",
        "translation_key",
        "path",
        "depth",
        "locale_id",
        "live",
        "first_published_at",
    )

    def __init__(self, values, locale):
        self.__dict__.update(values)
        self.locale = locale
        self.country_page = None

    def __eq__(self, other):
        return isinstance(other, OrganisationPage | Organisation) and other.pk == self.pk

    def __hash__(self):
        return hash(self.pk)

    def __str__(self):
        return self.title

    def page(self):
        return OrganisationPage.objects.select_related("locale").get(pk=self.pk)


@dataclass
class LastContact:
    pk: int
    contacted_at: datetime.datetime
    channel: str
    by_id: int | None
    by_name: str  # empty for the emails the portal sends by itself
    email_id: int | None
    outcome: str = ""
    follow_up_on: datetime.date | None = None

    # The labels are translated when shown: the panel shows 25 of thousands of contacts.
    @property
    def channel_label(self):
        return str(dict(ContactChannel.choices).get(self.channel, self.channel))

    @property
    def outcome_label(self):
        return str(dict(ContactOutcome.choices).get(self.outcome, "")) if self.outcome else ""


@dataclass
class Row:
    page: Organisation
    completeness: object
    country: CountryPage | None = None
    languages: list = field(default_factory=list)
    live: bool = False
    approved_at: datetime.datetime | None = None
    registered_at: datetime.datetime | None = None
    last_contact: LastContact | None = None
    days_since_contact: int | None = None
    pending_approvals: int = 0
    late_enquiries: int = 0
    unchecked: int = 0  # its pages left out of the listings, not checked for too long
    last_update: datetime.datetime | None = None
    facilitators: list = field(default_factory=list)
    verified: bool = False
    last_email_status: str = ""  # of the latest email the portal wrote to the organisation
    follow_up_due: bool = False

    @property
    def delivery_problem(self):
        """The latest email to the organisation did not reach it (bounced, failed, ...)."""
        return self.last_email_status in DELIVERY_PROBLEMS

    @property
    def last_email_status_label(self):
        return str(dict(OutboxEmail.Status.choices).get(self.last_email_status, ""))

    @property
    def follow_up_on(self):
        return self.last_contact.follow_up_on if self.last_contact else None

    @property
    def pk(self):
        return self.page.pk

    @property
    def country_code(self):
        return getattr(self.country, "code", "") or ""

    @property
    def overdue(self):
        return is_overdue(self.days_since_contact)

    @property
    def incomplete(self):
        return not self.completeness.complete

    @property
    def needs_attention(self):
        return (
            self.incomplete
            or self.overdue
            or self.pending_approvals
            or self.late_enquiries
            or self.unchecked
            or self.follow_up_due
            or self.delivery_problem
        )


def facilitators_by_country():
    """{country code: [names]} of the people in each country's facilitators' group."""
    names = {}
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__startswith=FACILITATORS_PREFIX)
        .values_list("groups__name", "first_name", "last_name", "username")
        .order_by("first_name", "last_name", "username")
    )
    for group, first, last, username in users:
        code = country_code_of_group(group)
        if code is None:
            continue
        names.setdefault(code, []).append(f"{first} {last}".strip() or username)
    return names


def counted_contacts():
    """The contacts that count for the "last contact" and its clock (see the module's text):
    those logged by hand, the welcome and reminder emails, features once posted."""
    by_hand = Q(email__isnull=True, featured__isnull=True)
    outreach = Q(email__template_key__in=CONTACT_EMAIL_TEMPLATES)
    posted = Q(featured__status="posted")  # the featured app's FeaturedOrganisation.Status
    return ContactLog.objects.filter(by_hand | outreach | posted)


def _latest_contact():
    """The id of the outer organisation's latest counted contact, as an SQL expression."""
    contacts = counted_contacts().filter(organisation_key=OuterRef("translation_key"))
    return Subquery(contacts.order_by("-contacted_at", "-pk").values("pk")[:1])


def _organisations(organisations):
    """The organisations as light `Organisation` objects, with their latest contact's id and the
    status of the latest email sent to them."""
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    rows = (
        organisations.order_by("title", "pk")
        .annotate(last_contact_id=_latest_contact(), last_email_status=latest_email_status())
        .values(*Organisation.FIELDS, "last_contact_id", "last_email_status")
    )
    places = PlaceNames()
    found = [Organisation(row, locales.get(row["locale_id"])) for row in rows]
    for organisation in found:
        organisation.place_name = places.name(organisation.place_id)
    return found


def _last_contact(row):
    pk, contacted_at, channel, by_id, first, last, username, email_id, outcome, follow_up = row
    name = f"{first or ''} {last or ''}".strip() or (username or "")
    return LastContact(
        pk, contacted_at, channel, by_id, name, email_id, outcome=outcome, follow_up_on=follow_up
    )


CONTACT_VALUES = (
    "pk", "contacted_at", "channel", "by_id", "by__first_name", "by__last_name", "by__username",
    "email_id", "outcome", "follow_up_on",
)  # fmt: skip


def _last_contacts(pages):
    """{contact id: LastContact} of each organisation's latest contact (its id read already
    with the organisation: the subquery that finds it runs once)."""
    latest = [page.last_contact_id for page in pages if page.last_contact_id is not None]
    rows = ContactLog.objects.filter(pk__in=latest).values_list(*CONTACT_VALUES)
    return {row[0]: _last_contact(row) for row in rows}


def pending_approvals():
    """{organisation key: pages of it waiting for approval}, in any language, in two queries."""
    waiting = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    ids = [int(object_id) for object_id in waiting if object_id.isdigit()]
    paths = list(Page.objects.filter(pk__in=ids).values_list("path", flat=True))
    step = Page.steplen
    ancestors = {path[:length] for path in paths for length in range(step, len(path) + 1, step)}
    owners = dict(
        OrganisationPage.objects.filter(path__in=ancestors).values_list("path", "translation_key")
    )
    pending = {}
    for path in paths:
        for length in range(len(path), 0, -step):
            if (key := owners.get(path[:length])) is not None:
                pending[key] = pending.get(key, 0) + 1
                break
    return pending


def long_unchecked(now):
    """{organisation key: how many of its live pieces of content (its profile, its services) are
    not checked for PORTAL_FRESHNESS_HIDE_MONTHS, and so left out of the listings}: three
    queries, whatever the number of organisations."""
    before = freshness.hidden_before(timezone.localdate(now))
    organisations = OrganisationPage.objects.live().filter(checked_on__lt=before)
    unchecked = {key: {key} for key in organisations.values_list("translation_key", flat=True)}
    services = list(
        ServicePage.objects.live()
        .filter(checked_on__lt=before)
        .values_list("path", "translation_key")
    )
    step = Page.steplen
    owners = dict(
        OrganisationPage.objects.filter(
            path__in={path[:-step] for path, _key in services}
        ).values_list("path", "translation_key")
    )
    for path, key in services:
        if (owner := owners.get(path[:-step])) is not None:
            unchecked.setdefault(owner, set()).add(key)
    return {owner: len(keys) for owner, keys in unchecked.items()}


def late_enquiries(now):
    """{organisation key: its messages still unanswered after the allowed days}: they are few."""
    late = now - datetime.timedelta(days=settings.PORTAL_ENQUIRY_OVERDUE_DAYS)
    return dict(
        Enquiry.objects.filter(status=Enquiry.Status.NEW, created_at__lt=late)
        .order_by()
        .values_list("organisation_key")
        .annotate(n=Count("pk"))
    )


def follow_up(organisations, now=None):
    """A Row for each organisation of `organisations` (a queryset of one page per organisation),
    in a fixed number of queries."""
    now = now or timezone.now()
    pages = _organisations(organisations)
    if not pages:
        return []
    keys = organisations.values("translation_key")
    tree = OrganisationTree(keys)
    # Completeness and the last update as the panel filters on them: the stored standings.
    standings = {
        standing.translation_key: standing
        for standing in current_standings().filter(translation_key__in=keys)
    }
    attach_parents(pages, CountryPage, "country_page")
    pending = pending_approvals()
    contacts = _last_contacts(pages)
    # There is one account at most per organisation: they are read whole and kept for these
    # organisations here, cheaper than a second pass of the database over the pages.
    followed = {page.translation_key for page in pages}
    late = late_enquiries(now)
    unchecked = long_unchecked(now)
    accounts = [
        account
        for account in OrganisationAccount.objects.values_list(
            "translation_key", "created_at", "verified"
        )
        if account[0] in followed
    ]
    registered = {key: created for key, created, _verified in accounts}
    verified = {key for key, _created, is_verified in accounts if is_verified}
    facilitators = facilitators_by_country()

    today = timezone.localdate(now)
    rows = []
    for page in pages:
        key = page.translation_key
        contact = contacts.get(page.last_contact_id)
        country = page.country_page
        code = getattr(country, "code", "") or ""
        rows.append(
            Row(
                page=page,
                completeness=stored_completeness(
                    standings[key].missing, standings[key].services, standings[key].projects
                ),
                country=country,
                languages=sorted(tree.languages.get(key, ())),
                live=key in tree.live,
                approved_at=tree.first_published.get(key),  # approved when first published
                registered_at=registered.get(key) or page.first_published_at,
                last_contact=contact,
                days_since_contact=days_since(contact.contacted_at, today) if contact else None,
                pending_approvals=pending.get(key, 0),
                late_enquiries=late.get(key, 0),
                unchecked=unchecked.get(key, 0),
                last_update=standings[key].last_update,
                facilitators=facilitators.get(code, []),
                verified=key in verified,
                last_email_status=page.last_email_status or "",
                follow_up_due=is_due(contact, today),
            )
        )
    return rows


# The whole list at once, light: what the panel filters, sorts and counts -----------------------


class StoredCompleteness:
    """What the panel's filters, sorts and summary read of a stored completeness."""

    __slots__ = ("complete", "share", "services")

    def __init__(self, complete, share, services):
        self.complete, self.share, self.services = complete, share, services


class Standing:
    """An organisation as the panel filters, sorts and counts it: its stored standing
    (`directory.standing`) and its latest counted contact. It answers the filters' and sorts'
    questions as a `Row` does; the panel builds full rows for the organisations it shows.
    Thousands are made per request: slotted, they cost little to make and to collect."""

    FIELDS = (
        "page_id", "translation_key", "title", "acronym", "country_code", "live", "verified",
        "complete", "share", "services", "last_update", "last_email_status",
    )  # fmt: skip
    __slots__ = (
        "pk", "title", "acronym", "country_code", "live", "verified", "completeness",
        "last_update", "last_email_status", "follow_up_on", "days_since_contact",
        "follow_up_due", "pending_approvals", "late_enquiries", "unchecked", "facilitators",
    )  # fmt: skip
    country = None  # only its code is read: the summary names countries by code

    def __init__(self, values, today, contacts, pending, late, facilitators, unchecked=None):
        (
            self.pk, key, self.title, self.acronym, self.country_code, self.live, self.verified,
            complete, share, services, self.last_update, self.last_email_status,
        ) = values  # fmt: skip
        self.completeness = StoredCompleteness(complete, share, services)
        day, self.follow_up_on = contacts.get(key, (None, None))
        self.days_since_contact = (today - day).days if day is not None else None
        self.follow_up_due = bool(self.follow_up_on and self.follow_up_on <= today)
        self.pending_approvals = pending.get(key, 0)
        self.late_enquiries = late.get(key, 0)
        self.unchecked = (unchecked or {}).get(key, 0)
        self.facilitators = facilitators.get(self.country_code, [])

    @property
    def page(self):
        """What the filters read of the page (its title and acronym) is on the standing."""
        return self

    delivery_problem = Row.delivery_problem
    overdue = Row.overdue
    incomplete = Row.incomplete
    needs_attention = Row.needs_attention


def latest_contact_days():
    """{organisation key: (day of its latest counted contact, the follow-up it planned)}, in one
    query over the contacts, whatever the number of organisations."""
    latest = (
        counted_contacts()
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("organisation_key")],
                order_by=[F("contacted_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank=1)
        .annotate(day=TruncDate("contacted_at"))  # in the current time zone, as days_since
        .values_list("organisation_key", "day", "follow_up_on")
    )
    return {key: (day, follow_up_on) for key, day, follow_up_on in latest}


def standings_for(user, now=None):
    """A `Standing` for every organisation `user` follows, in a fixed number of queries (six
    when every standing is current), whatever the number of organisations."""
    now = now or timezone.now()
    role = Role.of(user)
    standings = current_standings()
    if not role.is_central_staff:
        standings = standings.filter(country_code__in=role.country_codes if role.follows_up else [])
    rows = standings.values_list(*Standing.FIELDS)
    today = timezone.localdate(now)
    contacts = latest_contact_days()
    pending = pending_approvals()
    late = late_enquiries(now)
    unchecked = long_unchecked(now)
    facilitators = facilitators_by_country()
    return [
        Standing(values, today, contacts, pending, late, facilitators, unchecked) for values in rows
    ]


def is_due(contact, today):
    """Whether the follow-up planned at `contact` (the last one) is due on `today`."""
    return bool(contact and contact.follow_up_on and contact.follow_up_on <= today)


# Follow-ups due, for whoever needs them (the panel's filter, a digest) -------------------------


@dataclass
class FollowUpDue:
    organisation: OrganisationPage  # its first version
    contact: ContactLog  # its last contact, which planned the follow-up
    due_on: datetime.date

    @property
    def days_late(self):
        return (timezone.localdate() - self.due_on).days


def followups_due(user_or_countries, today=None):
    """The follow-ups due on `today` (or earlier) for a user's organisations, or for those of
    the countries with these codes ("": country not set), oldest first, in three queries.

    A follow-up is the date planned on an organisation's last counted contact; a later contact
    replaces it (see the module's text)."""
    today = today or timezone.localdate()
    if isinstance(user_or_countries, str | list | tuple | set | frozenset):
        codes = [user_or_countries] if isinstance(user_or_countries, str) else user_or_countries
        organisations = OrganisationPage.objects.in_countries(list(codes)).first_versions()
    else:
        organisations = organisations_for(user_or_countries)
    latest = organisations.order_by().annotate(last=_latest_contact()).values("last")
    contacts = (
        ContactLog.objects.filter(pk__in=latest, follow_up_on__lte=today)
        .select_related("by")
        .order_by("follow_up_on", "pk")
    )
    contacts = list(contacts)
    pages = organisations.filter(
        translation_key__in=[contact.organisation_key for contact in contacts]
    ).select_related("locale")
    by_key = {page.translation_key: page for page in pages}
    return [
        FollowUpDue(by_key[contact.organisation_key], contact, contact.follow_up_on)
        for contact in contacts
        if contact.organisation_key in by_key
    ]


# When an organisation registered, for the contact form's bounds ------------------------------


def registered_at(organisation):
    """When the organisation registered: its account's creation or its people's joining,
    whichever came first; for an organisation without an account (written by staff), the first
    revision of any of its pages. None when nothing says."""
    key = organisation.translation_key
    account = OrganisationAccount.objects.filter(translation_key=key).first()
    if account is not None:
        joined = (
            get_user_model()
            .objects.filter(groups=account.group_id)
            .aggregate(first=Min("date_joined"))["first"]
        )
        return _earliest(account.created_at, joined)
    pages = Page.objects.filter(translation_key=key).values_list("pk", flat=True)
    first = (
        Revision.objects.page_revisions()
        .filter(object_id__in=[str(pk) for pk in pages])
        .aggregate(first=Min("created_at"))["first"]
    )
    return first or getattr(organisation, "first_published_at", None)


def _earliest(*moments):
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None


# Summary per country, for central staff -------------------------------------------------------


@dataclass
class CountrySummary:
    code: str
    name: str
    facilitators: list
    registered: int = 0
    approved: int = 0
    complete: int = 0
    with_service: int = 0
    contacted: int = 0
    awaiting_approval: int = 0
    follow_ups_due: int = 0


def summary_by_country(rows):
    """Counts per country, over every organisation given (not only those shown on a page)."""
    names = country_names()
    summaries = {}
    for row in rows:
        code = row.country_code
        summary = summaries.get(code)
        if summary is None:
            name = names.get(code) or getattr(row.country, "title", "")
            summary = summaries[code] = CountrySummary(code, name, row.facilitators)
        summary.registered += 1
        summary.approved += row.live
        summary.complete += row.completeness.complete
        summary.with_service += row.completeness.services > 0
        summary.contacted += not row.overdue
        summary.awaiting_approval += row.pending_approvals > 0
        summary.follow_ups_due += row.follow_up_due
    # Countries by name; organisations whose country is not set yet come last.
    return sorted(summaries.values(), key=lambda summary: (not summary.code, summary.name))

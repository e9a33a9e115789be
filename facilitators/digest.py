"""The weekly digest: for the facilitators who chose it instead of an email for each event, what
happened this ISO week with the organisations they are told about, and what waits for them.

    manage.py send_facilitator_digests             # this week's digests, once a week each
    manage.py send_facilitator_digests --dry-run   # who would get one, and what it says

A facilitator gets at most one digest per ISO week (`Facilitator.digest_week`), however often the
command runs: a cron line that runs it again after a failure sends only the missing ones.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.roles import Role
from core.urls import absolute_admin_url
from directory.countries import country_names
from directory.emails import admin_language
from directory.models import OrganisationPage
from emails.mail import send_templated_email
from emails.models import OutboxEmail, TemplateKey

from . import followup
from .models import Facilitator, Notifications
from .notifications import organisation_link

WELCOME_TEMPLATES = (TemplateKey.WELCOME, TemplateKey.WELCOME_COUNTRY_MISSING)
#: The longest list in a section; the rest are counted, and found on the dashboard.
SECTION_LIMIT = 25


def iso_week(day):
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(day):
    """The first moment of the ISO week of `day` and of the next one, in the current time zone."""
    monday = day - datetime.timedelta(days=day.weekday())
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    return start, start + datetime.timedelta(days=7)


def digest_country_codes(user):
    """The countries whose events `user` is told about: their own; for central staff, the
    organisations whose country is not set too (see facilitators/notifications.py)."""
    role = Role.of(user)
    codes = set(role.country_codes)
    if role.is_central_staff:
        codes.add("")
    return codes


def followups_due(codes, today):
    """The follow-ups due in these countries: (organisation, due date) pairs."""
    return [
        (item.organisation, item.due_on) for item in followup.followups_due(sorted(codes), today)
    ]


@dataclass
class Digest:
    registered: list = field(default_factory=list)  # (organisation, when)
    confirmed: list = field(default_factory=list)  # (organisation, when)
    waiting: list = field(default_factory=list)  # (organisation, pages waiting)
    overdue: list = field(default_factory=list)  # (organisation, days since contact or None)
    followups: list = field(default_factory=list)  # (organisation, due date)
    country_codes: dict = field(default_factory=dict)  # {organisation pk: its country's code}


def build_digest(codes, today):
    """What the digest of the countries `codes` says for the ISO week of `today`."""
    digest = Digest()
    if not codes:
        return digest
    start, end = week_bounds(today)
    organisations = OrganisationPage.objects.in_countries(sorted(codes)).first_versions()
    rows = followup.follow_up(organisations)
    by_pk = {row.pk: row for row in rows}
    digest.country_codes = {row.pk: row.country_code for row in rows}
    for row in rows:
        if row.registered_at and start <= row.registered_at < end:
            digest.registered.append((row.page, row.registered_at))
        if row.pending_approvals:
            digest.waiting.append((row.page, row.pending_approvals))
        if row.overdue:
            digest.overdue.append((row.page, row.days_since_contact))
    welcomes = (
        OutboxEmail.objects.filter(
            template_key__in=WELCOME_TEMPLATES,
            created_at__gte=start,
            created_at__lt=end,
            organisation_id__in=list(by_pk),
        )
        .order_by("created_at")
        .values_list("organisation_id", "created_at")
    )
    seen = set()
    for pk, when in welcomes:
        if pk not in seen:
            seen.add(pk)
            digest.confirmed.append((by_pk[pk].page, when))
    digest.registered.sort(key=lambda item: item[1])
    digest.overdue.sort(key=lambda item: (item[1] is not None, -(item[1] or 0)))
    digest.followups = followups_due(codes, today)
    return digest


def _date(moment):
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment).date()
    return formats.date_format(moment, "DATE_FORMAT")


def _section(title, items, line):
    lines = [f"{title} ({len(items)})"]
    if not items:
        lines.append(_("None this week."))
    for organisation, value in items[:SECTION_LIMIT]:
        lines.append(f"- {line(organisation, value)}\n  {organisation_link(organisation)}")
    if len(items) > SECTION_LIMIT:
        lines.append(
            _("… and %(count)s more on your dashboard.") % {"count": len(items) - SECTION_LIMIT}
        )
    return "\n".join(lines)


def digest_text(digest):
    """The digest's sections as text, in the active language."""
    names = country_names()

    def name(organisation):
        code = digest.country_codes.get(organisation.pk, "")
        country = names.get(code) if code else _("Country not set")
        return f"{organisation.title} ({country})" if country else organisation.title

    def waiting(organisation, count):
        return _("%(name)s: %(count)s page(s) waiting") % {
            "name": name(organisation),
            "count": count,
        }

    def overdue(organisation, days):
        if days is None:
            return _("%(name)s: never contacted") % {"name": name(organisation)}
        return _("%(name)s: last contact %(days)s days ago") % {
            "name": name(organisation),
            "days": days,
        }

    sections = [
        _section(
            _("New registrations"),
            digest.registered,
            lambda organisation, when: f"{name(organisation)}, {_date(when)}",
        ),
        _section(
            _("Email addresses confirmed"),
            digest.confirmed,
            lambda organisation, when: f"{name(organisation)}, {_date(when)}",
        ),
        _section(_("Pages waiting for approval"), digest.waiting, waiting),
        _section(_("Organisations to contact"), digest.overdue, overdue),
        _section(
            _("Follow-ups due"),
            digest.followups,
            lambda organisation, due: (
                _("%(name)s: due on %(date)s") % {"name": name(organisation), "date": _date(due)}
            ),
        ),
    ]
    return "\n\n".join(sections)


def digest_recipients():
    """The facilitators who chose the weekly digest, with an address to send it to."""
    return (
        Facilitator.objects.filter(notifications=Notifications.DIGEST, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )


def send_digest(facilitator, today=None):
    """Queue this week's digest for `facilitator`, unless it already has it. Returns the outbox
    row, or None when this week's digest was already sent."""
    today = today or timezone.localdate()
    week = iso_week(today)
    user = facilitator.user
    with transaction.atomic():
        claimed = (
            Facilitator.objects.filter(pk=facilitator.pk)
            .exclude(digest_week=week)
            .update(digest_week=week)
        )
        if not claimed:
            return None
        language = admin_language(user, settings.LANGUAGE_CODE)
        with override(language):
            digest = build_digest(digest_country_codes(user), today)
            text = digest_text(digest)
            week_label = _("week %(week)s of %(year)s") % {
                "week": today.isocalendar()[1],
                "year": today.isocalendar()[0],
            }
        return send_templated_email(
            TemplateKey.FACILITATOR_DIGEST,
            to=[user.email],
            language=language,
            context={
                "facilitator_name": facilitator.name,
                "week": week_label,
                "digest": text,
                "dashboard_link": absolute_admin_url(reverse("wagtailadmin_home")),
            },
        )

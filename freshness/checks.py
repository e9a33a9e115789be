"""The yearly check of each organisation's services.

Once every PORTAL_CHECK_EVERY_MONTHS, each published organisation is sent one email
(`send_yearly_checks`, at most PORTAL_CHECK_EMAILS_PER_RUN a run), in its language, through the
outbox, listing its profile and its published services, each with signed links: "still
accurate", "needs changes" (the editor) and, for a service, "no longer offered" (unpublished
after a confirmation page). A link names the check, the content and the answer; it works once
and for PORTAL_CHECK_LINK_DAYS days. Each answer is a contact in the facilitators' log.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from core.urls import absolute_admin_url
from directory import freshness
from directory.emails import organisation_placeholders
from directory.models import OrganisationPage, ServicePage
from emails import mail
from emails.models import TemplateKey
from facilitators.models import ContactChannel, ContactLog
from facilitators.reminders import recipients

from .models import Answer, CheckAnswer, CheckRequest

SALT = "freshness.yearly-check"


class LinkRefused(Exception):
    """A link that changes nothing, with the status and the message that say why."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def link_days():
    return settings.PORTAL_CHECK_LINK_DAYS


def token(check, key, answer):
    return signing.dumps({"c": check.pk, "k": str(key), "a": answer}, salt=SALT, compress=True)


def answer_url(check, key, answer):
    """The absolute address of one answer, in the organisation's language."""
    with translation.override(check.language):
        path = reverse("freshness_answer", args=[token(check, key, answer)])
    return absolute_admin_url(path)


# Who is asked, and what ---------------------------------------------------------------------


def due_organisations(limit, now=None):
    """Up to `limit` published organisations not asked within PORTAL_CHECK_EVERY_MONTHS, the
    longest unchecked first: their pages in the language they were first written in."""
    now = now or timezone.now()
    since = freshness.months_before(timezone.localdate(now), settings.PORTAL_CHECK_EVERY_MONTHS)
    asked = CheckRequest.objects.filter(sent_at__date__gte=since).values("organisation_key")
    live_keys = OrganisationPage.objects.live().values("translation_key")
    firsts = (
        OrganisationPage.objects.first_versions()
        .filter(translation_key__in=live_keys)
        .exclude(translation_key__in=asked)
        .select_related("locale")
        .order_by("checked_on", "pk")
    )
    return list(firsts[:limit])


def items_of(organisation, language):
    """[(translation key, title, is a service)]: the organisation, then its published services,
    each in `language` where it is translated, else in the version written first."""
    versions = OrganisationPage.objects.filter(translation_key=organisation.translation_key)
    own = {page.locale_id: page for page in versions.select_related("locale")}
    chosen = next((p for p in own.values() if p.locale.language_code == language), organisation)
    items = [(organisation.translation_key, chosen.title, False)]
    services = ServicePage.objects.none()
    for version in own.values():
        services |= ServicePage.objects.live().child_of(version)
    by_key = {}
    for service in services.select_related("locale").order_by("pk"):
        current = by_key.get(service.translation_key)
        if current is None or service.locale.language_code == language:
            by_key[service.translation_key] = service
    items += [(key, page.title, True) for key, page in by_key.items()]
    return items


def check_list(check, items):
    """The email's list: each item with its links, in the organisation's language."""
    with translation.override(check.language):
        lines = []
        for key, title, is_service in items:
            lines.append(
                title if is_service else gettext("Your organisation's profile: %s") % title
            )
            answers = [Answer.ACCURATE, Answer.CHANGES] + ([Answer.GONE] if is_service else [])
            for answer in answers:
                lines.append(f"  {Answer(answer).label}: {answer_url(check, key, answer)}")
            lines.append("")
        return "\n".join(lines).rstrip()


def send_check(organisation, now=None):
    """Ask `organisation` (its first version) to check its content: one email through the
    outbox, in its language. None when it has no address to write to."""
    to = recipients(organisation)
    if not to:
        return None
    language = organisation.locale.language_code
    with transaction.atomic():
        check = CheckRequest.objects.create(
            organisation_key=organisation.translation_key,
            organisation=organisation,
            language=language,
            sent_at=now or timezone.now(),
        )
        expires = timezone.localdate(check.sent_at) + timezone.timedelta(days=link_days())
        with translation.override(language):
            until = date_format(expires, "DATE_FORMAT")
        context = {
            **organisation_placeholders(organisation),
            "check_list": check_list(check, items_of(organisation, language)),
            "check_until": until,
        }
        check.email = mail.send_templated_email(
            TemplateKey.YEARLY_CHECK,
            to=to,
            language=language,
            context=context,
            organisation=organisation,
        )
        check.save(update_fields=["email"])
    return check


def send_due(limit=None, now=None):
    """Send the checks that are due, at most `limit` (PORTAL_CHECK_EMAILS_PER_RUN)."""
    limit = settings.PORTAL_CHECK_EMAILS_PER_RUN if limit is None else limit
    sent = []
    for organisation in due_organisations(limit, now=now):
        check = send_check(organisation, now=now)
        if check is not None:
            sent.append(check)
    return sent


# Answering ----------------------------------------------------------------------------------


class Link:
    """What a link says, once its signature, age, use and content are checked."""

    def __init__(self, value):
        try:
            data = signing.loads(value, salt=SALT, max_age=link_days() * 24 * 60 * 60)
            check_id, key, answer = int(data["c"]), str(data["k"]), str(data["a"])
        except signing.SignatureExpired:
            raise LinkRefused(
                410,
                gettext(
                    "This link has expired: the links of the yearly check work for %(days)s "
                    "days. Sign in to update your pages, or write to your facilitator."
                )
                % {"days": link_days()},
            ) from None
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise LinkRefused(
                400,
                gettext(
                    "This link is not complete or has been changed. Copy the whole link from "
                    "the email."
                ),
            ) from None
        self.check = CheckRequest.objects.filter(pk=check_id).first()
        if self.check is None or answer not in Answer.values:
            raise LinkRefused(404, gettext("This check no longer exists."))
        self.answer = answer
        self.key = key
        self.page = self._content()

    def _content(self):
        """The version of the content the link is about, checked to belong to the organisation."""
        organisation_key = self.check.organisation_key
        if self.key == str(organisation_key):
            if self.answer == Answer.GONE:
                raise LinkRefused(
                    400, gettext("An organisation's profile cannot be withdrawn here.")
                )
            return self._version(OrganisationPage.objects.filter(translation_key=organisation_key))
        services = ServicePage.objects.filter(translation_key=self.key)
        page = self._version(services)
        owner = page.get_parent().specific_deferred if page else None
        if page is None or getattr(owner, "translation_key", None) != organisation_key:
            raise LinkRefused(
                403, gettext("This service is not one of the services of the organisation asked.")
            )
        return page

    def _version(self, pages):
        pages = list(pages.select_related("locale").order_by("pk"))
        for page in pages:
            if page.locale.language_code == self.check.language:
                return page
        return pages[0] if pages else None

    def used(self):
        return CheckAnswer.objects.filter(
            request=self.check, translation_key=self.key, answer=self.answer
        ).first()

    def refuse_if_used(self):
        previous = self.used()
        if previous is not None:
            day = timezone.localdate(previous.answered_at)
            raise LinkRefused(
                409,
                gettext("This answer was already given on %(day)s: nothing was changed.")
                % {"day": date_format(day, "DATE_FORMAT")},
            )

    @transaction.atomic
    def record(self, by=None):
        """Record the answer (once: a second use raises LinkRefused) and do what it says."""
        CheckRequest.objects.select_for_update().filter(pk=self.check.pk).first()
        self.refuse_if_used()
        with translation.override(settings.LANGUAGE_CODE):  # the facilitators' log
            note = gettext("Yearly check: %(title)s: %(answer)s") % {
                "title": self.page.title,
                "answer": Answer(self.answer).label,
            }
        contact = ContactLog.objects.create(
            organisation_key=self.check.organisation_key,
            organisation_id=self.check.organisation_id,
            channel=ContactChannel.EMAIL,
            note=note,
            email=self.check.email,
            by=by if by is not None and by.is_authenticated else None,
        )
        CheckAnswer.objects.create(
            request=self.check, translation_key=self.key, answer=self.answer, contact=contact
        )
        if self.answer == Answer.ACCURATE:
            freshness.record_check([self.key])
        elif self.answer == Answer.GONE:
            for version in ServicePage.objects.live().filter(translation_key=self.key):
                version.unpublish()

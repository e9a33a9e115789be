"""Writing a mentor or a mentee from their form (or an organisation's enrolment of a young
person), and the first email with their link.

A mentor's address is theirs alone: registering again with it changes nothing and emails the
link to their page, so that the answer ("check your email") says nothing about who is a mentor.
A mentor's profile, link and keywords are what young people read: changed after a facilitator
approved (or rejected) them, the profile goes back to waiting for approval, and the facilitators
are told of it with the new registrations.

A mentee may register again (a new search after a mentorship ended): each registration is a
mentee of its own, reached by its own link.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .forms import CONSENT_VERSION
from .mail import send_mentee_link, send_mentor_link
from .models import (
    Approval,
    Mentee,
    MentorKeyword,
    MentorLanguage,
    MentorProfile,
    split_keywords,
)
from .requests import MentoringRefused, active_count, lock_mentor

#: The mentor's fields young people read, beside their name: changing one after a facilitator's
#: decision sends the profile back for approval.
READ_BY_MENTEES = ("profile", "link", "keywords")


def register_mentor(data, language, now=None, user=None):
    """The mentor written as waiting for approval (or the one with this address), emailed.
    `user`: the portal user registering from their organisation's account."""
    now = now or timezone.now()
    existing = MentorProfile.objects.filter(email=data["email"]).first()
    if existing is None:
        try:
            with transaction.atomic():
                mentor = MentorProfile.objects.create(
                    name=data["name"],
                    email=data["email"],
                    profile=data["profile"],
                    link=data.get("link", ""),
                    keywords=data.get("keywords", ""),
                    country=data["country"],
                    city=data.get("city", ""),
                    delivery=data["delivery"],
                    capacity=data["capacity"],
                    language=language,
                    consent_at=now,
                    consent_version=CONSENT_VERSION,
                    submitted_at=now,
                    user=user,
                )
                mentor.expertise.set(data["sectors"])
                set_keywords(mentor)
                MentorLanguage.objects.bulk_create(
                    MentorLanguage(mentor=mentor, code=code) for code in data["languages"]
                )
                send_mentor_link(mentor)
                return mentor
        except IntegrityError:  # the same address registered at the same moment
            existing = MentorProfile.objects.get(email=data["email"])
    send_mentor_link(existing)
    return existing


@transaction.atomic
def update_mentor(mentor, data, now=None):
    """The mentor's profile as they changed it. Their row is locked as an acceptance locks it, so
    the capacity is never set below the mentorships going on, even while one is accepted.
    A change to what young people read, after a facilitator's decision, sends the profile back
    for approval: until then the mentor is not proposed (their requests and mentorships go on)."""
    locked = lock_mentor(mentor)
    active = active_count(locked)
    if data["capacity"] < active:
        raise MentoringRefused(
            _("You mentor %(count)d young people now: your capacity cannot be lower.")
            % {"count": active}
        )
    fields = ["profile", "link", "keywords", "delivery", "capacity"]
    changed = any(
        _tidy(getattr(locked, field)) != _tidy(data.get(field, "")) for field in READ_BY_MENTEES
    )
    for field in fields:
        setattr(locked, field, data.get(field, ""))
    if changed:
        # The version a facilitator decides on (admin.MentorApprovalView compares it), also
        # while the profile still waits.
        locked.submitted_at = now or timezone.now()
        fields.append("submitted_at")
    if changed and locked.approval != Approval.PENDING:
        locked.approval = Approval.PENDING
        locked.approval_reason = ""
        locked.approved_at = None
        fields += ["approval", "approval_reason", "approved_at"]
    locked.save(update_fields=fields)
    locked.expertise.set(data["sectors"])
    set_keywords(locked)
    MentorLanguage.objects.filter(mentor=locked).delete()
    MentorLanguage.objects.bulk_create(
        MentorLanguage(mentor=locked, code=code) for code in data["languages"]
    )
    return locked


def _tidy(text):
    """A text as compared for changes: spaces and line ends do not count."""
    return " ".join((text or "").split())


def set_keywords(mentor):
    """The mentor's keyword rows, as their keywords text lists them."""
    MentorKeyword.objects.filter(mentor=mentor).delete()
    MentorKeyword.objects.bulk_create(
        MentorKeyword(mentor=mentor, word=word) for word in split_keywords(mentor.keywords)
    )


@transaction.atomic
def register_mentee(data, language, now=None):
    """The mentee, old enough to consent (the form checked it), emailed their link."""
    mentee = Mentee.objects.create(
        first_name=data["first_name"],
        email=data["email"],
        country=data["country"],
        language=language,
        keywords=data.get("keywords", ""),
        delivery=data["delivery"],
        message=data.get("message", ""),
        age_confirmed=True,
        consent_at=now or timezone.now(),
        consent_version=CONSENT_VERSION,
    )
    mentee.expertise.set(data["sectors"])
    send_mentee_link(mentee)
    return mentee


@transaction.atomic
def enrol_mentee(data, organisation_key, under_age, language=None, now=None):
    """A young person enrolled by an organisation (`organisation_key`, its translation key),
    emailed their link. Below the age of digital consent (`under_age`, as the form worked it
    out) with their guardian's consent, recorded with its time and the text's version; the
    organisation is kept either way."""
    mentee = Mentee.objects.create(
        first_name=data["first_name"],
        email=data["email"],
        country=data["country"],
        language=language or data["language"],
        keywords=data.get("keywords", ""),
        delivery=data["delivery"],
        message=data.get("message", ""),
        age_confirmed=not under_age,
        enrolled_by_key=organisation_key,
        guardian_consent=bool(data.get("guardian_consent")),
        guardian_name=data.get("guardian_name", "").strip() if data.get("guardian_consent") else "",
        consent_at=now or timezone.now(),
        consent_version=CONSENT_VERSION,
    )
    mentee.expertise.set(data["sectors"])
    send_mentee_link(mentee)
    return mentee

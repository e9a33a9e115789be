"""Demo content of mentoring: mentors and mentees, and their requests in every state.

The content is demo/content/mentoring.json:

- "mentors": professionals in Italy, Greece, Lebanon, Jordan and Palestine, each with their
  profile written in the language they would use (Italian, Greek, Arabic or English), their
  sectors (expertise categories' slugs, taken in the mentor's language), keywords, the languages
  they speak, their capacity, and their approval: most approved (one of them paused), one waiting
  for approval and one rejected with the reason.
- "mentees": young people (example.org addresses), each with their requests, dated some days
  before the build: still waiting, accepted (a mentorship with the meetings the mentor logged,
  and the mentee's other request superseded), declined with a reason, withdrawn, expired, and a
  mentorship completed.

The states are reached through mentoring/requests.py, as the pages reach them; no email is sent.
Mentors are looked up by address and mentees by address before they are made, so building again
adds nothing.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from directory.models import ExpertiseCategory
from mentoring import links, requests
from mentoring.forms import CONSENT_VERSION
from mentoring.models import (
    Approval,
    EndedBy,
    Mentee,
    MentoringRequest,
    MentorLanguage,
    MentorProfile,
)
from mentoring.registration import set_keywords

MENTORING_FILE = Path(__file__).parent / "content" / "mentoring.json"
#: What the file gives of each mentor and mentee as it is (their sectors are looked up).
MENTOR_FIELDS = ("name", "email", "profile", "keywords", "country", "city", "delivery", "capacity",
                 "language")  # fmt: skip
MENTEE_FIELDS = ("first_name", "email", "country", "language", "keywords", "delivery", "message")


def _read():
    with open(MENTORING_FILE, encoding="utf-8") as file:
        return json.load(file)


def demo_mentors():
    return _read()["mentors"]


def demo_mentees():
    return _read()["mentees"]


def _sectors(slugs, language):
    """The expertise categories `slugs` in `language` (else in English)."""
    found = []
    for slug in slugs:
        term = ExpertiseCategory.objects.filter(slug=slug, locale__language_code="en").first()
        if term is None:
            continue
        own = term.get_translations(inclusive=True).filter(locale__language_code=language)
        found.append(own.first() or term)
    return found


@transaction.atomic
def ensure_demo_mentoring(now=None):
    """Add the demo mentors and mentees that are missing. Returns {what: how many added}."""
    now = now or timezone.now()
    data = _read()
    added = {}
    mentors = {}
    for spec in data["mentors"]:
        mentor = MentorProfile.objects.filter(email=spec["email"]).first()
        if mentor is None:
            mentor = _mentor(spec, now)
            added["mentors"] = added.get("mentors", 0) + 1
        mentors[spec["email"]] = mentor
    for spec in data["mentees"]:
        if Mentee.objects.filter(email=spec["email"]).exists():
            continue
        _mentee(spec, mentors, now)
        added["mentees"] = added.get("mentees", 0) + 1
        added["mentoring requests"] = added.get("mentoring requests", 0) + len(spec["requests"])
    if added:
        requests.expire_due(now)  # the requests left unanswered too long
    return added


def _ago(now, days):
    return now - datetime.timedelta(days=days)


def _mentor(spec, now):
    registered = _ago(now, 60)
    mentor = MentorProfile.objects.create(
        **{name: spec[name] for name in MENTOR_FIELDS},
        paused=spec.get("paused", False),
        consent_at=registered,
        consent_version=CONSENT_VERSION,
        submitted_at=registered,
    )
    MentorProfile.objects.filter(pk=mentor.pk).update(created_at=registered)
    mentor.expertise.set(_sectors(spec["sectors"], spec["language"]))
    set_keywords(mentor)
    MentorLanguage.objects.bulk_create(
        MentorLanguage(mentor=mentor, code=code) for code in spec["spoken"]
    )
    if spec["approval"] != Approval.PENDING:
        requests.set_approval(
            mentor, spec["approval"], spec.get("approval_reason", ""), now=_ago(now, 58)
        )
    return mentor


def _mentee(spec, mentors, now):
    registered = _ago(now, spec["days_ago"])
    mentee = Mentee.objects.create(
        **{name: spec[name] for name in MENTEE_FIELDS},
        age_confirmed=True,
        consent_at=registered,
        consent_version=CONSENT_VERSION,
        confirmed_at=registered,
    )
    Mentee.objects.filter(pk=mentee.pk).update(created_at=registered)
    mentee.expertise.set(_sectors(spec["sectors"], spec["language"]))
    sent = [
        (
            entry,
            requests.send_request(
                mentee,
                mentors[entry["mentor"]],
                entry["message"],
                now=_ago(now, entry["days_ago"]),
            ),
        )
        for entry in spec["requests"]
    ]
    for entry, mentoring_request in sent:
        _answer(entry, MentoringRequest.objects.get(pk=mentoring_request.pk), now)


def _answer(entry, mentoring_request, now):
    """What became of the request, as its entry says (left waiting, or to expire, else)."""
    if "accepted_days_ago" in entry:
        mentorship, _others = requests.accept(
            mentoring_request, now=_ago(now, entry["accepted_days_ago"])
        )
        for session in entry.get("sessions", []):
            requests.log_session(
                mentorship,
                _ago(now, session["days_ago"]).date(),
                session["minutes"],
                session["delivery"],
                session["note"],
            )
        if "completed_days_ago" in entry:
            requests.end(
                mentorship,
                EndedBy.MENTOR,
                completed=True,
                now=_ago(now, entry["completed_days_ago"]),
            )
    elif "declined_days_ago" in entry:
        requests.decline(
            mentoring_request, entry["reason"], now=_ago(now, entry["declined_days_ago"])
        )
    elif "withdrawn_days_ago" in entry:
        requests.withdraw(mentoring_request, now=_ago(now, entry["withdrawn_days_ago"]))


#: Whose pages seed_demo prints: a mentor with a request waiting, a mentee with proposals.
DEMO_MENTOR = "marco.bellini.mentor@example.org"
DEMO_MENTEE = "sara.demo.mentee@example.org"


def demo_mentor_link():
    return links.mentor_url(MentorProfile.objects.get(email=DEMO_MENTOR))


def demo_mentee_link():
    return links.mentee_url(Mentee.objects.filter(email=DEMO_MENTEE).earliest("created_at"))

"""Italian mentoring emails to one mentor or mentee say "tu", like the mentoring pages."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from emails.default_templates import (
    MENTOR_APPROVAL_TEMPLATES,
    MENTORING_CONTACT_TEMPLATES,
    MENTORING_ENDED_MENTOR_TEMPLATES,
    MENTORING_REMINDER_TEMPLATES,
    MENTORING_TEMPLATES,
)
from emails.models import EmailTemplate

pytestmark = pytest.mark.django_db

MIGRATION = "0020_italian_mentoring_templates_tu"
tu_migration = importlib.import_module(f"emails.migrations.{MIGRATION}")

#: Mentoring emails to the facilitators of several countries, who are rightly addressed as "voi".
TO_FACILITATORS = {"mentoring_approvals_digest", "mentoring_requests_digest"}

ITALIAN = {
    key: texts
    for group in (
        MENTORING_TEMPLATES,
        MENTOR_APPROVAL_TEMPLATES,
        MENTORING_REMINDER_TEMPLATES,
        MENTORING_CONTACT_TEMPLATES,
        MENTORING_ENDED_MENTOR_TEMPLATES,
    )
    for key, texts in group["it"].items()
}
TO_ONE_PERSON = sorted(set(ITALIAN) - TO_FACILITATORS)

VOI = re.compile(r"\b(vostr\w*|voi|vi|potete|avete)\b", re.IGNORECASE)


def test_the_facilitators_emails_are_still_mentoring_emails():
    """A renamed digest would otherwise slip out of the emails checked for "voi"."""
    assert set(ITALIAN) >= TO_FACILITATORS


@pytest.mark.parametrize("key", TO_ONE_PERSON)
def test_the_default_text_says_tu(key):
    subject, body = ITALIAN[key]
    assert VOI.findall(subject) == []
    assert VOI.findall(body) == []


def test_the_installed_rows_say_tu():
    rows = EmailTemplate.objects.filter(key__in=TO_ONE_PERSON, locale__language_code="it")
    assert rows.count() == len(TO_ONE_PERSON)
    for row in rows:
        assert (row.key, VOI.findall(row.subject + row.body)) == (row.key, [])


def test_the_migration_freezes_the_current_default_texts():
    assert set(tu_migration.NEW) == set(tu_migration.OLD)
    assert set(tu_migration.NEW) <= set(TO_ONE_PERSON)
    for key, texts in tu_migration.NEW.items():
        assert texts == ITALIAN[key]


def test_the_migration_changes_unedited_rows_and_keeps_edited_ones():
    apps = MigrationExecutor(connection).loader.project_state(("emails", MIGRATION)).apps
    schema_editor = SimpleNamespace(connection=connection)
    rows = EmailTemplate.objects.filter(locale__language_code="it")
    unedited, edited = "mentoring_request", "mentoring_checkin"
    rows.filter(key=unedited).update(
        subject=tu_migration.OLD[unedited][0], body=tu_migration.OLD[unedited][1]
    )
    edited_body = tu_migration.OLD[edited][1].replace("Buongiorno", "Gentile")
    rows.filter(key=edited).update(subject=tu_migration.OLD[edited][0], body=edited_body)
    english = EmailTemplate.objects.get(key=unedited, locale__language_code="en")

    def text(key):
        row = rows.get(key=key)
        return row.subject, row.body

    tu_migration.to_tu(apps, schema_editor)

    assert text(unedited) == tu_migration.NEW[unedited]
    assert text(edited) == (tu_migration.OLD[edited][0], edited_body)
    unchanged_english = EmailTemplate.objects.get(pk=english.pk)
    assert (unchanged_english.subject, unchanged_english.body) == (english.subject, english.body)

    tu_migration.to_voi(apps, schema_editor)

    assert text(unedited) == tu_migration.OLD[unedited]
    assert text(edited) == (tu_migration.OLD[edited][0], edited_body)
    assert text("mentoring_accepted") == tu_migration.OLD["mentoring_accepted"]
    # Emails already in "tu" before the migration are not its to swap back.
    assert text("mentoring_accepted_mentor") == ITALIAN["mentoring_accepted_mentor"]

"""The scheduler runs the periodic commands at the times the README's crontab did."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from core.schedule import Entry, entries


def due_at(moment):
    return [" ".join(e.command) for e in entries(settings.PORTAL_SCHEDULE) if e.is_due(moment)]


def test_the_outbox_is_drained_every_minute():
    assert "send_queued_email" in due_at(datetime.datetime(2026, 12, 8, 14, 37))


def test_reminders_go_on_the_first_monday_of_the_month_only():
    first_monday = datetime.datetime(2026, 12, 7, 9, 0)
    second_monday = datetime.datetime(2026, 12, 14, 9, 0)
    first_tuesday = datetime.datetime(2026, 12, 1, 9, 0)

    assert "send_reminders --send" in due_at(first_monday)
    assert "send_reminders --send" not in due_at(second_monday)
    assert "send_reminders --send" not in due_at(first_tuesday)


def test_digests_go_on_monday_morning():
    assert "send_facilitator_digests" in due_at(datetime.datetime(2026, 12, 14, 8, 0))
    assert "send_facilitator_digests" not in due_at(datetime.datetime(2026, 12, 15, 8, 0))


def test_standings_are_worked_out_every_night():
    assert "refresh_standings" in due_at(datetime.datetime(2026, 12, 15, 3, 30))
    assert "refresh_standings" not in due_at(datetime.datetime(2026, 12, 15, 3, 31))


def test_unanswered_mentoring_requests_are_expired_every_hour():
    assert "expire_mentoring_requests" in due_at(datetime.datetime(2026, 12, 15, 13, 10))
    assert "expire_mentoring_requests" not in due_at(datetime.datetime(2026, 12, 15, 13, 11))


def test_steps_lists_and_sunday_as_seven():
    entry = Entry.parse("*/20 8-9,18 * * 7", "x")

    assert entry.is_due(datetime.datetime(2026, 12, 13, 18, 40))  # a Sunday
    assert not entry.is_due(datetime.datetime(2026, 12, 13, 18, 41))
    assert not entry.is_due(datetime.datetime(2026, 12, 14, 8, 0))  # a Monday


@pytest.mark.parametrize(
    "when", ["* * * *", "60 * * * *", "* 24 * * *", "*/0 * * * *", "a * * * *"]
)
def test_a_wrong_schedule_is_refused(when):
    with pytest.raises(ValueError):
        Entry.parse(when, "send_queued_email")


def test_the_command_lists_what_runs_in_a_given_minute(capsys):
    call_command("run_schedule", at="2026-12-07T08:00")

    assert capsys.readouterr().out.split("\n")[:-1] == [
        "send_queued_email",
        "publish_scheduled",
        "send_facilitator_digests",
        "send_due_newsletters",
    ]


def test_a_wrong_schedule_stops_the_scheduler(settings):
    settings.PORTAL_SCHEDULE = [("* * *", "send_queued_email")]

    with pytest.raises(CommandError, match="PORTAL_SCHEDULE"):
        call_command("run_schedule", "--list")


def test_the_yearly_checks_go_out_on_weekday_mornings():
    assert "send_yearly_checks" in due_at(datetime.datetime(2026, 12, 14, 10, 0))  # a Monday
    assert "send_yearly_checks" not in due_at(datetime.datetime(2026, 12, 13, 10, 0))  # Sunday


def test_newsletters_due_are_started_every_five_minutes():
    assert "send_due_newsletters" in due_at(datetime.datetime(2026, 12, 8, 14, 35))
    assert "send_due_newsletters" not in due_at(datetime.datetime(2026, 12, 8, 14, 36))

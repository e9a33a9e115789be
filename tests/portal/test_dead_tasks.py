"""Database tasks a dead worker left "running" are put back in line, or given up, by the
scheduled `reap_dead_tasks`; a task still within its time is left alone."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.schedule import entries
from directory.indexing import reindex_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PORTAL_TASK_TIMEOUT_MINUTES = 60


def taken_by_workers(*workers, minutes_ago):
    """A task enqueued, then taken by each of `workers` in turn (the last one still 'running')."""
    result = reindex_pages.enqueue([1])
    row = DBTaskResult.objects.get(pk=result.id)
    for worker in workers:
        row.claim(worker)  # what db_worker does when it takes the task
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return row


def test_a_task_whose_worker_died_runs_again(database_tasks):
    dead = taken_by_workers("worker-1", minutes_ago=61)
    alive = taken_by_workers("worker-2", minutes_ago=5)

    call_command("reap_dead_tasks", verbosity=0)

    assert list(DBTaskResult.objects.ready()) == [DBTaskResult.objects.get(pk=dead.pk)]
    alive.refresh_from_db()
    assert alive.status == "RUNNING"


def test_a_task_that_lost_three_workers_is_given_up(database_tasks):
    row = taken_by_workers("worker-1", "worker-2", "worker-3", minutes_ago=61)

    call_command("reap_dead_tasks", verbosity=0)

    row.refresh_from_db()
    assert row.status == "FAILED"
    assert row.exception_class_path.endswith("WorkerLost")
    assert row.task_result.errors[0].traceback.strip().endswith("3 times.")


def test_dry_run_changes_nothing(database_tasks, capsys):
    row = taken_by_workers("worker-1", minutes_ago=61)

    call_command("reap_dead_tasks", dry_run=True)

    assert "would put back 1 task(s)" in capsys.readouterr().out
    row.refresh_from_db()
    assert row.status == "RUNNING"


def test_the_scheduler_reaps_every_ten_minutes(settings):
    due = [
        minute
        for minute in range(60)
        for entry in entries(settings.PORTAL_SCHEDULE)
        if entry.command == ("reap_dead_tasks",)
        and entry.is_due(datetime.datetime(2026, 12, 8, 14, minute))
    ]
    assert due == [5, 15, 25, 35, 45, 55]

"""Tasks a dead worker left "running" forever (django-tasks-db marks a task running when a
worker takes it, and nothing else ever changes it if that worker is killed: its issue #46, open
in 0.13, with no facility of its own).

A task running for longer than PORTAL_TASK_TIMEOUT_MINUTES is taken to have lost its worker: it
is put back in line to run again, or marked failed once it has been taken MAX_RUNS times (a task
that kills its worker every time). The portal's tasks may run again safely: an outbox email is
guarded by its own lease (emails/mail.py), a search reindex rewrites the same documents.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

#: A task taken by this many workers, each of which died, is given up.
MAX_RUNS = 3


class WorkerLost(Exception):
    """What a reaped task's result records as its error."""


def database_backends():
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    return [backend for backend in task_backends.all() if isinstance(backend, DatabaseBackend)]


def reap(timeout, now=None, dry_run=False):
    """(retried, failed): the running tasks started before `now - timeout`, put back or failed."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    aliases = [backend.alias for backend in database_backends()]
    retried = failed = 0
    with transaction.atomic():
        dead = (
            DBTaskResult.objects.running()
            .filter(backend_name__in=aliases, started_at__lt=now - timeout)
            .select_for_update(skip_locked=True)
        )
        for result in dead:
            if len(result.worker_ids) >= MAX_RUNS:
                failed += 1
                if not dry_run:
                    result.set_failed(
                        WorkerLost(f"Its worker stopped while running it, {MAX_RUNS} times.")
                    )
            else:
                retried += 1
                if not dry_run:
                    result.status = TaskResultStatus.READY
                    result.started_at = None
                    result.save(update_fields=["status", "started_at"])
    return retried, failed


class Command(BaseCommand):
    help = (
        "Put back in line the database tasks left 'running' by a worker that died (running for "
        "more than PORTAL_TASK_TIMEOUT_MINUTES), or mark them failed after "
        f"{MAX_RUNS} lost workers. Nothing to do without django-tasks-db."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done; change nothing."
        )

    def handle(self, *, dry_run, verbosity, **options):
        if not database_backends():
            return
        timeout = timedelta(minutes=settings.PORTAL_TASK_TIMEOUT_MINUTES)
        retried, failed = reap(timeout, dry_run=dry_run)
        if verbosity > 1 or (verbosity and (retried or failed or dry_run)):
            verb = "would put back" if dry_run else "put back"
            self.stdout.write(f"{verb} {retried} task(s) left running; {failed} failed")

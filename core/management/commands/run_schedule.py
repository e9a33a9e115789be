"""The scheduler process: runs the periodic management commands (settings.PORTAL_SCHEDULE).

One process of it runs beside the web and worker processes (Procfile), in place of crontab
lines. Each command runs in a process of its own, so that a slow one (the monthly reminders)
never holds back the outbox, and one that fails takes nothing else down; an entry still running
from its previous minute is not started again.
"""

import logging
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.schedule import entries

logger = logging.getLogger("core.schedule")


class Command(BaseCommand):
    help = (
        "Run the portal's periodic commands (PORTAL_SCHEDULE) at their times, until stopped. "
        "--list shows what runs when; --at shows what would run in a given minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", dest="show", help="List the schedule and stop."
        )
        parser.add_argument(
            "--at",
            metavar="YYYY-MM-DDTHH:MM",
            help="List the commands due in that minute (the portal's time) and stop.",
        )

    def handle(self, *, show, at, **options):
        try:
            schedule = entries(settings.PORTAL_SCHEDULE)
        except ValueError as error:
            raise CommandError(f"PORTAL_SCHEDULE: {error}") from error
        if show:
            for entry in schedule:
                self.stdout.write(f"{entry.when:<16} {' '.join(entry.command)}")
            return
        if at:
            try:
                moment = datetime.fromisoformat(at)
            except ValueError as error:
                raise CommandError(f"--at: {error}") from error
            for entry in schedule:
                if entry.is_due(moment):
                    self.stdout.write(" ".join(entry.command))
            return
        self.run_forever(schedule)

    def run_forever(self, schedule):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *args: stopping.append(True))
        signal.signal(signal.SIGINT, lambda *args: stopping.append(True))
        running = {}
        logger.info("scheduler started with %d entries", len(schedule))
        while not stopping:
            now = timezone.localtime()
            for entry in schedule:
                if entry.is_due(now):
                    self.start(entry, running)
            next_minute = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
            while not stopping and timezone.localtime() < next_minute:
                time.sleep(1)
        logger.info("scheduler stopping; waiting for %d command(s)", len(running))
        for process in running.values():
            process.wait()

    def start(self, entry, running):
        previous = running.get(entry)
        if previous is not None and previous.poll() is None:
            logger.warning("%s is still running: not started again", " ".join(entry.command))
            return
        if previous is not None and previous.returncode:
            logger.error("%s exited with %s", " ".join(entry.command), previous.returncode)
        logger.info("starting %s", " ".join(entry.command))
        running[entry] = subprocess.Popen(  # noqa: S603 (the portal's own settings)
            [sys.executable, str(settings.BASE_DIR / "manage.py"), *entry.command]
        )

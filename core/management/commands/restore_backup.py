"""Restores a backup (README "Deploy"): a `pg_dump --format=custom` file and the media's copy.

Into an empty database only: a restore over live data would mix two states of the portal, so
the operator creates a new database (createdb) and points DATABASE_URL at it. Afterwards, the
commands of settings.PORTAL_AFTER_RESTORE run (migrations the dump predates, the summaries kept
in step with the data), and the cache is emptied.
"""

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = (
        "Restore a pg_dump (custom format) into the empty database of DATABASE_URL, and the "
        "media from a .tar.gz or a folder into MEDIA_ROOT; then migrate and work out the "
        "organisations' standings again."
    )

    def add_arguments(self, parser):
        parser.add_argument("dump", help="The database dump (pg_dump --format=custom).")
        parser.add_argument("--media", help="The media: a .tar.gz of MEDIA_ROOT, or a folder.")

    def handle(self, *, dump, media, verbosity, **options):
        dump = Path(dump)
        if not dump.is_file():
            raise CommandError(f"No dump at {dump}.")
        if connection.vendor != "postgresql":
            raise CommandError("A dump restores into PostgreSQL only: set DATABASE_URL.")
        if connection.introspection.table_names():
            raise CommandError(
                f"The database {connection.settings_dict['NAME']} is not empty: restore into a "
                "new one (createdb) and point DATABASE_URL at it."
            )
        if media and not isinstance(default_storage, FileSystemStorage):
            raise CommandError(
                "Media are not on this machine's disk (MEDIA_STORAGE=s3): copy the bucket "
                "with your storage's own tools."
            )
        self.restore_database(dump)
        if media:
            self.restore_media(Path(media))
        connection.close()  # the restored schema, read afresh
        for command in settings.PORTAL_AFTER_RESTORE:
            call_command(*command.split(), verbosity=verbosity)
        cache.clear()
        self.stdout.write(self.style.SUCCESS(f"Restored {dump.name}."))

    def restore_database(self, dump):
        db = connection.settings_dict
        env = {**os.environ}
        if db.get("PASSWORD"):
            env["PGPASSWORD"] = db["PASSWORD"]
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if db.get(key):
                command += [flag, str(db[key])]
        command += ["--dbname", db["NAME"], str(dump)]
        connection.close()
        try:
            result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
        except FileNotFoundError as error:
            raise CommandError("pg_restore is not installed (postgresql-client).") from error
        if result.returncode:
            raise CommandError(f"pg_restore failed: {result.stderr.strip()}")

    def restore_media(self, media):
        root = Path(settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        if media.is_dir():
            shutil.copytree(media, root, dirs_exist_ok=True)
        elif tarfile.is_tarfile(media):
            with tarfile.open(media) as archive:
                # "data": no absolute paths, no links or files outside MEDIA_ROOT.
                archive.extractall(root, filter="data")
        else:
            raise CommandError(f"{media} is neither a folder nor a tar archive.")

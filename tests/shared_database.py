"""One migrated test database for all of pytest-xdist's workers, on PostgreSQL.

Migrating the test database (data migrations included) takes the better part of two minutes of
CPU; each worker doing it on its own, at the same time, doubles that on a two-core machine.
Instead the first worker to need a database migrates a template, under a file lock shared by
the run's workers, and every worker then copies it (`CREATE DATABASE … TEMPLATE …`, a matter of
seconds). The controller drops the template when the run ends.

Anywhere else (one process, `-n 0`; SQLite; `--reuse-db`) the test database is made as
pytest-django always makes it.
"""

import fcntl
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

TEMPLATE_SUFFIX = "_template"


def is_postgres(settings_dict):
    return settings_dict["ENGINE"] == "django.db.backends.postgresql"


def _run_files(testrunuid):
    """The lock the run's workers take turns with, and the note that the template is made."""
    base = Path(tempfile.gettempdir()) / f"portal-tests-{testrunuid}"
    return base.with_suffix(".lock"), base.with_suffix(".template")


@contextmanager
def _locked(path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _execute(connection, *statements):
    """Statements outside any transaction, from the server's `postgres` database."""
    with connection._nodb_cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def shared_database(workerid, testrunuid, verbosity):
    """Give this worker its own copy of the run's migrated template; returns a teardown."""
    from django.db import connections

    connection = connections["default"]
    worker_name = connection.settings_dict["TEST"]["NAME"]
    suffix = f"_{workerid}"
    template = worker_name.removesuffix(suffix) + TEMPLATE_SUFFIX
    quote = connection.ops.quote_name
    lock, made = _run_files(testrunuid)
    with _locked(lock):
        if not made.exists():
            # The first worker here: migrate the template (create_test_db names the connection
            # after it), then let it go, as PostgreSQL copies only databases nobody is using.
            connection.settings_dict["TEST"]["NAME"] = template
            connection.creation.create_test_db(
                verbosity=verbosity, autoclobber=True, serialize=False, keepdb=False
            )
            connection.close()
            made.write_text(template)
        # One copy at a time: a copy is refused while another session reads the template.
        _execute(
            connection,
            f"DROP DATABASE IF EXISTS {quote(worker_name)} WITH (FORCE)",
            f"CREATE DATABASE {quote(worker_name)} TEMPLATE {quote(template)}",
        )
    connection.settings_dict["TEST"]["NAME"] = worker_name
    connection.settings_dict["NAME"] = worker_name
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = worker_name
    connection.close()

    def teardown():
        connection.close()
        _execute(connection, f"DROP DATABASE IF EXISTS {quote(worker_name)} WITH (FORCE)")

    return teardown


def drop_template(testrunuid):
    """At the end of the run (the controller): the template and the workers' lock go."""
    from django.db import connections

    lock, made = _run_files(testrunuid)
    if made.exists():
        connection = connections["default"]
        quote = connection.ops.quote_name
        _execute(connection, f"DROP DATABASE IF EXISTS {quote(made.read_text())} WITH (FORCE)")
        made.unlink()
    if lock.exists():
        os.unlink(lock)

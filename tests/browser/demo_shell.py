"""`manage.py shell -c` for the browser tests, started once instead of once per look inside.

Run as `python -m tests.browser.demo_shell` with the demo server's environment: it sets Django up
once, then reads requests from stdin, one JSON line each ({"code": "..."}), runs each through the
`shell` command as `manage.py shell --no-imports -c code` would, and answers on stdout with one JSON
line ({"out": what the code printed, "error": the traceback or null}). Starting Django costs more
than most of the looks inside the demo's database that the journeys make.
"""

import contextlib
import io
import json
import os
import sys
import traceback


def main():
    # The answers get the real stdout to themselves; anything else printed goes to stderr.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())

    import django

    django.setup()
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache
    from django.core.management import call_command
    from django.db import close_old_connections

    for line in sys.stdin:
        code = json.loads(line)["code"]
        # As in a new `manage.py shell`: an empty cache of the process's own, a fresh connection.
        for cache in caches.all():
            if isinstance(cache, LocMemCache):
                cache.clear()
        close_old_connections()
        out, error = io.StringIO(), None
        try:
            with contextlib.redirect_stdout(out):
                call_command("shell", "--no-imports", "-c", code)
        except (Exception, SystemExit):  # the test that sent the code reports it
            error = traceback.format_exc()
        answers.write(json.dumps({"out": out.getvalue(), "error": error}) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()

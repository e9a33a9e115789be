"""The web process (Procfile): `python -m portal.serve`, granian serving portal.wsgi.

granian's HTTP server is written in Rust: reading requests, keeping connections open and
writing answers cost no Python, so a page kept in memory (portal/cached_pages.py) is served
many times faster than by a Python server, with the same Django behind it for everything else.

Each setting can be changed from the environment: PORT and HOST; WEB_CONCURRENCY (worker
processes, 2), WEB_THREADS (threads running Django in each, 4); WEB_MAX_RSS (MiB: a worker
using more is replaced by a fresh one, so that a slow leak never grows for long; 0: never).
One JSON line a request (portal.logs.AccessLog) and granian's own messages as JSON lines too.
"""

import os

from granian.constants import Interfaces
from granian.server import Server

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "portal.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {"_granian": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}


def server():
    max_rss = int(os.environ.get("WEB_MAX_RSS", "512"))
    return Server(
        "portal.wsgi:application",
        address=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
        interface=Interfaces.WSGI,
        workers=int(os.environ.get("WEB_CONCURRENCY", "2")),
        blocking_threads=int(os.environ.get("WEB_THREADS", "4")),
        log_dictconfig=LOGGING,
        log_access=False,  # written by the application itself, with the request's id
        respawn_failed_workers=True,
        workers_max_rss=max_rss or None,
        websockets=False,
    )


if __name__ == "__main__":
    server().serve()

"""The web process's gunicorn settings (Procfile): `gunicorn portal.wsgi -c python:portal.gunicorn`.

Each can be changed from the environment: PORT and HOST, WEB_CONCURRENCY (worker processes),
WEB_THREADS, WEB_TIMEOUT.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("WEB_THREADS", "1"))
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
# The app is loaded once, before the workers fork: they share its memory (see portal/wsgi.py).
preload_app = True
# Restarted now and then, so that a slow leak never grows for long.
max_requests = 2000
max_requests_jitter = 200
# The proxy in front is trusted for X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# One JSON line per request, with its id; the address without its query (searches are typed by
# people) and no client address.
accesslog = "-"
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "request_id": "%({x-request-id}o)s", '
    '"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", '
    '"duration_ms": %(M)s}'
)
errorlog = "-"
# gunicorn's own messages as JSON lines too (its access lines are JSON already, written as such).
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "portal.logs.JsonFormatter"},
        "as_is": {"format": "%(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        },
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "as_is",
            "stream": "ext://sys.stdout",
        },
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}

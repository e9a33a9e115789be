"""Logs a machine can read: one JSON object a line, each carrying the id of its request.

`RequestIdMiddleware` gives each request an id (the proxy's X-Request-ID when it sent a sane
one, else a new one), returns it in the response's X-Request-ID header and keeps it for the
request's logs, so that a person's report ("request 3f2a... failed") finds its lines, in the
proxy's log as in the portal's and in the error report.
"""

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime

import sentry_sdk

HEADER = "X-Request-ID"
#: A proxy's id is kept only when it cannot smuggle anything into a log line or a header.
SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")

request_id = contextvars.ContextVar("request_id", default="")

#: LogRecord's own attributes; anything else on a record was passed as `extra`.
RECORD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "request_id",
    "request",  # Django's request object: its address may carry what a person typed.
}


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        rid = given if SANE_ID.match(given) else uuid.uuid4().hex
        request.request_id = rid
        token = request_id.set(rid)
        sentry_sdk.get_isolation_scope().set_tag("request_id", rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response[HEADER] = rid
        return response


class RequestIdFilter(logging.Filter):
    """Puts the current request's id (empty outside a request) on every record."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
        }
        entry.update(
            (key, value) for key, value in vars(record).items() if key not in RECORD_ATTRIBUTES
        )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class AccessLog:
    """One JSON line on standard output for each request the WSGI application `application`
    answers, with its id, method, path (without its query: searches are typed by people), status,
    bytes and duration; no client address. Written as is, without the logging machinery: it is
    on every request, kept pages included."""

    def __init__(self, application, stream=None):
        self.application = application
        self.stream = stream

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        sent = []

        def noted(status, headers, exc_info=None):
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        try:
            return self.application(environ, noted)
        finally:
            status, headers = sent or ("500", [])
            rid = size = ""
            for name, value in headers:
                lowered = name.lower()
                if lowered == "x-request-id":
                    rid = value
                elif lowered == "content-length":
                    size = value
            path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
            line = json.dumps(
                {
                    "time": datetime.now(UTC).isoformat(),
                    "logger": "portal.access",
                    "request_id": rid,
                    "method": environ.get("REQUEST_METHOD", ""),
                    "path": path.encode("latin-1", "replace").decode("utf-8", "replace"),
                    "status": int(status[:3]),
                    "bytes": size or "-",
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
                ensure_ascii=False,
            )
            (self.stream or sys.stdout).write(line + "\n")

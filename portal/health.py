"""/healthz: may this process take traffic? For the load balancer, the container and monitoring.

It checks what every page needs (the database, the shared cache) and that email leaves (the
outbox drains: a dead worker or scheduler shows as a backlog, or as an email "sending" past its
lease; one marked "unknown – check" is staff's to settle in the outbox screen, not a backlog).
200 with {"status": "ok"} when all is well, 503 naming what fails. It says nothing about anyone,
is never cached, and lives outside the language prefixes and the HTTPS redirect
(SECURE_REDIRECT_EXEMPT) so that a health probe on the bare address gets its answer.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from emails.mail import overdue_emails

logger = logging.getLogger(__name__)


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def shared_cache():
    key, value = "healthz", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    return cache.get(key) == value


def outbox():
    late_after = timedelta(minutes=settings.PORTAL_HEALTH_OUTBOX_MINUTES)
    return not overdue_emails(late_after).exists()


CHECKS = {"database": database, "cache": shared_cache, "outbox": outbox}


def run(check):
    try:
        return bool(check())
    except Exception:  # A failing service is the answer, not an error of this page.
        logger.exception("health check failed")
        return False


@never_cache
@require_safe
def healthz(request):
    results = {name: "ok" if run(check) else "failing" for name, check in CHECKS.items()}
    failing = [name for name, result in results.items() if result != "ok"]
    body = {"status": "failing" if failing else "ok", "checks": results}
    return JsonResponse(body, status=503 if failing else 200)

"""What production cannot do without, read from the settings alone.

One list of rules serves twice: `portal.settings.production` refuses to start when one fails
(ImproperlyConfigured), and `manage.py check --deploy` reports each as an error (core/checks.py),
so a half-configured production is stopped before it serves, and shown by the checks of any
settings module. Each rule names the environment variable that sets it right.

Without them production fails open rather than closed: the console email backend marks every
outbox row sent while nothing leaves, the immediate task backend sends email inside requests,
a per-process cache lets every worker count its own limits, and an unauthenticated tracking
webhook lets anyone rewrite delivery statuses.
"""

import os
from dataclasses import dataclass
from pathlib import Path

#: Email backends that keep mail on this machine: fine for development and tests, not production.
LOCAL_EMAIL_BACKENDS = (
    "anymail.backends.console.",
    "anymail.backends.test.",
    "django.core.mail.backends.",
)
#: Django's EMAIL_BACKEND: every message through the outbox.
OUTBOX_BACKEND = "emails.backends.OutboxBackend"
TASKS_WITH_WORKER = "django_tasks_db.DatabaseBackend"
REDIS_CACHES = ("core.cache.ResilientRedisCache", "django.core.cache.backends.redis.RedisCache")
LOCAL_MEDIA = "django.core.files.storage.FileSystemStorage"
S3_MEDIA = "storages.backends.s3.S3Storage"
#: Keys anyone can read in the portal's source.
PUBLIC_SECRET_KEYS = ("dev-only-not-secret", "test-only-not-secret")


@dataclass(frozen=True)
class Problem:
    number: int  # the rule's place in RULES: its check's id, core.E<number>
    variable: str
    reason: str

    def __str__(self):
        return f"The environment variable {self.variable} must be set in production: {self.reason}"


def problems(settings):
    """Every rule `settings` (django.conf.settings or a namespace of them) breaks, in order."""
    found = []
    for number, (variable, rule) in enumerate(RULES, start=1):
        reason = rule(settings)
        if reason:
            found.append(Problem(number, variable, reason))
    return found


def _secret_key(settings):
    key = getattr(settings, "SECRET_KEY", "") or ""
    if key in PUBLIC_SECRET_KEYS or len(key) < 50:
        return "a random secret of at least 50 characters (not the development key)."
    return None


def _allowed_hosts(settings):
    hosts = getattr(settings, "ALLOWED_HOSTS", [])
    if not hosts or "*" in hosts:
        return "the site's host names, comma-separated (not '*')."
    return None


def _database(settings):
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql":
        return f"a PostgreSQL address (postgres://...), not {engine}."
    return None


def _email_backend(settings):
    """The provider behind the outbox (the EMAIL_BACKEND variable sets
    PORTAL_EMAIL_PROVIDER_BACKEND), and the outbox in front of it."""
    backend = getattr(settings, "PORTAL_EMAIL_PROVIDER_BACKEND", "")
    if not backend.startswith("anymail.backends.") or backend.startswith(LOCAL_EMAIL_BACKENDS):
        return (
            f"an anymail provider's backend (e.g. anymail.backends.postmark.EmailBackend), "
            f"not {backend}, which sends nothing."
        )
    if settings.EMAIL_BACKEND != OUTBOX_BACKEND:
        return (
            f"the provider's backend, with Django's EMAIL_BACKEND left to {OUTBOX_BACKEND}: "
            f"{settings.EMAIL_BACKEND} would send around the outbox."
        )
    return None


def _tasks_backend(settings):
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != TASKS_WITH_WORKER:
        return f"{TASKS_WITH_WORKER}, run by `manage.py db_worker`, not {backend}."
    return None


def _cache(settings):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in REDIS_CACHES or not settings.CACHES["default"].get("LOCATION"):
        return (
            "a Redis address (redis://host:6379/0): the cache is shared by every process, "
            f"not {backend}."
        )
    return None


def _webhook_secret(settings):
    if not getattr(settings, "PORTAL_EMAIL_TRACKING", False):
        return None
    if not (getattr(settings, "ANYMAIL", None) or {}).get("WEBHOOK_SECRET"):
        return (
            "'user:password' while the email tracking webhook is on (PORTAL_EMAIL_TRACKING): "
            "without it anyone can rewrite the outbox's delivery statuses."
        )
    return None


def _media_storage(settings):
    storage = settings.STORAGES["default"]
    backend = storage["BACKEND"]
    if backend == S3_MEDIA:
        bucket = storage.get("OPTIONS", {}).get("bucket_name")
        bucket = bucket or getattr(settings, "AWS_STORAGE_BUCKET_NAME", None)
        return None if bucket else "s3 with AWS_STORAGE_BUCKET_NAME, the media's bucket."
    if backend == LOCAL_MEDIA:
        root = Path(settings.MEDIA_ROOT)
        existing = root if root.exists() else root.parent
        if root.is_absolute() and existing.is_dir() and os.access(existing, os.W_OK):
            return None
        return f"local with MEDIA_ROOT, a directory the portal can write; {root} is not."
    return f"local (with MEDIA_ROOT) or s3 (with AWS_STORAGE_BUCKET_NAME), not {backend}."


RULES = [
    ("SECRET_KEY", _secret_key),
    ("ALLOWED_HOSTS", _allowed_hosts),
    ("DATABASE_URL", _database),
    ("EMAIL_BACKEND", _email_backend),
    ("TASKS_BACKEND", _tasks_backend),
    ("REDIS_URL", _cache),
    ("ANYMAIL_WEBHOOK_SECRET", _webhook_secret),
    ("MEDIA_STORAGE", _media_storage),
]

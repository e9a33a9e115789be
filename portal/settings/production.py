"""Production: every security setting comes from the environment, and none has a default."""

from pathlib import Path
from types import SimpleNamespace

from django.core.exceptions import ImproperlyConfigured

from core.deployment import problems

from .base import *  # noqa: F403
from .env import env_bool, env_choice, env_int, env_list, env_prefixed, env_required, env_str

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in env_required("ALLOWED_HOSTS").split(",") if h.strip()]
env_required("DATABASE_URL")  # base.py reads it; here its absence is an error, not SQLite.
# Each thread keeps its database connection between requests, for DATABASE_CONN_MAX_AGE seconds
# (checked before it is reused after a request): opening one costs every page a new PostgreSQL
# process, which reads the catalogue again for each table it touches: 9 to 27 ms more for each
# search and the home page of `make bench`'s 10,000 services, each asked on a new connection and
# on a kept one in turn. Each thread of each process (portal/serve.py, WEB_CONCURRENCY x
# WEB_THREADS) keeps one; `make loadtest` already ran with it.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [f"https://{h}" for h in ALLOWED_HOSTS])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# ----------------------------------------------------------------------------------------------
# Production that fails closed: email, tasks, cache, media, logs and error reports. Every service
# production needs is required here; core/deployment.py says why, and the end of this file
# refuses to start when one is missing (the same rules fail `manage.py check --deploy`).

# Email: an anymail provider, e.g. EMAIL_BACKEND=anymail.backends.postmark.EmailBackend, with its
# settings as ANYMAIL_<NAME> (ANYMAIL_POSTMARK_SERVER_TOKEN, ANYMAIL_WEBHOOK_SECRET...).
# EMAIL_BACKEND itself stays the outbox (base.py); the variable names the provider.
PORTAL_EMAIL_PROVIDER_BACKEND = env_required("EMAIL_BACKEND")
ANYMAIL = env_prefixed("ANYMAIL_")

# Background tasks are run by `manage.py db_worker`, never inside a request.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# One cache shared by every process: rate limits, cached searches and pages hold across
# workers. Should Redis be unreachable, pages are still served without it (core/cache.py), each
# request waiting at most REDIS_TIMEOUT seconds for it.
CACHES = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": env_required("REDIS_URL"),
        "OPTIONS": {
            "socket_connect_timeout": float(env_str("REDIS_TIMEOUT", "0.5")),
            "socket_timeout": float(env_str("REDIS_TIMEOUT", "0.5")),
        },
    }
}

# Uploaded media: MEDIA_STORAGE=local (MEDIA_ROOT, served by the portal at /media/, see
# portal/media.py) or s3 (any S3-compatible storage through django-storages).
MEDIA_STORAGE = env_choice("MEDIA_STORAGE", ("local", "s3"))
if MEDIA_STORAGE == "local":
    MEDIA_ROOT = Path(env_required("MEDIA_ROOT"))
else:
    AWS_STORAGE_BUCKET_NAME = env_required("AWS_STORAGE_BUCKET_NAME")
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN"),
            # Images are public and cached pages keep their addresses: no expiring signatures.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
# A health probe asks over plain HTTP, on the bare address (portal/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Documents always go through Wagtail's view, which checks their collection's privacy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Logs: one JSON object a line on standard error, each with the request's id (portal/logs.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "portal.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Error reports to Sentry (or a compatible service) when SENTRY_DSN is set, with no personal
# data: no user, address, cookies, request bodies or local variables.
if env_str("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(
        dsn=env_str("SENTRY_DSN"),
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=0.0,
    )

# Keep this last: it refuses to start without what production needs (core/deployment.py), read
# from every setting above, whichever block set it.
_missing = problems(SimpleNamespace(**{k: v for k, v in globals().items() if k.isupper()}))
if _missing:
    raise ImproperlyConfigured("\n".join(str(problem) for problem in _missing))

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PORTAL_EMAIL_PROVIDER_BACKEND = "anymail.backends.test.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files are served by the test server itself; whitenoise needs a collectstatic first.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
# Abuse controls: the second factor is required only by the tests about it.
PORTAL_SECOND_FACTOR_REQUIRED = False
# Pages are rendered afresh for every request; the page cache's own tests turn it on.
PORTAL_PAGE_CACHE_SECONDS = 0
# Each test starts from an empty cache: no page copies kept in the process's memory across tests.
PORTAL_PAGE_CACHE_LOCAL_SECONDS = 0

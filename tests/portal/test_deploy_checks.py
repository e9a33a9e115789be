"""`manage.py check --deploy` fails for each setting production cannot do without.

Whatever the settings module: production's own refuses to start first (test_settings.py); these
are the checks an operator runs against any settings before going live.
"""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")

IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"
PROCESS_CACHE = "django.core.cache.backends.locmem.LocMemCache"
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
    }
}


@pytest.fixture
def production(settings, tmp_path):
    """Settings with everything production needs: each test takes one away."""
    settings.SECRET_KEY = "k3y-f0r-tests-only-9f8a7sd6f5g4h3j2k1l0qwertyuiopzxcvbnm"
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {**settings.DATABASES["default"], "ENGINE": "django.db.backends.postgresql"},
    }
    settings.PORTAL_EMAIL_PROVIDER_BACKEND = "anymail.backends.postmark.EmailBackend"
    settings.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "token", "WEBHOOK_SECRET": "user:s3cret"}
    settings.PORTAL_EMAIL_TRACKING = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CACHES = REDIS
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return settings


def deploy_check_errors():
    try:
        call_command("check", deploy=True, tags=["security"], stdout=None)
    except SystemCheckError as error:
        return str(error)
    return ""


def test_a_complete_production_passes(production):
    assert deploy_check_errors() == ""


def broken(production, name):
    """Take away or spoil the setting behind one environment variable."""
    if name == "SECRET_KEY":
        production.SECRET_KEY = "dev-only-not-secret"
    elif name == "ALLOWED_HOSTS":
        production.ALLOWED_HOSTS = ["*"]
    elif name == "DATABASE_URL":
        production.DATABASES = {
            "default": {**production.DATABASES["default"], "ENGINE": "django.db.backends.sqlite3"}
        }
    elif name == "EMAIL_BACKEND":
        production.PORTAL_EMAIL_PROVIDER_BACKEND = "anymail.backends.console.EmailBackend"
    elif name == "TASKS_BACKEND":
        production.TASKS = {"default": {"BACKEND": IMMEDIATE_TASKS}}
    elif name == "REDIS_URL":
        production.CACHES = {"default": {"BACKEND": PROCESS_CACHE}}
    elif name == "ANYMAIL_WEBHOOK_SECRET":
        production.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "token"}
    elif name == "MEDIA_STORAGE":
        production.STORAGES = {
            **production.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        }


@pytest.mark.parametrize(
    "name",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "EMAIL_BACKEND",
        "TASKS_BACKEND",
        "REDIS_URL",
        "ANYMAIL_WEBHOOK_SECRET",
        "MEDIA_STORAGE",
    ],
)
def test_the_deploy_check_fails_without(production, name):
    broken(production, name)

    errors = deploy_check_errors()

    assert f"{name} must be set in production" in errors
    assert errors.count("must be set in production") == 1, errors


def test_local_media_must_be_writable(production, tmp_path):
    production.MEDIA_ROOT = tmp_path / "not-there" / "media"

    assert "MEDIA_STORAGE must be set in production" in deploy_check_errors()


def test_s3_media_needs_a_bucket(production):
    production.STORAGES = {
        **production.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {}},
    }

    assert "AWS_STORAGE_BUCKET_NAME" in deploy_check_errors()


def test_tracking_off_needs_no_webhook_secret(production):
    production.PORTAL_EMAIL_TRACKING = False
    production.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "token"}

    assert deploy_check_errors() == ""

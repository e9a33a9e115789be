"""Production settings refuse to start half-configured, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "k3y-f0r-tests-only-9f8a7sd6f5g4h3j2k1l0qwertyuiopzxcvbnm",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/unused",
    "EMAIL_BACKEND": "anymail.backends.postmark.EmailBackend",
    "ANYMAIL_POSTMARK_SERVER_TOKEN": "postmark-token",
    "ANYMAIL_WEBHOOK_SECRET": "postmark:s3cret-webhook",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "MEDIA_STORAGE": "local",
    "MEDIA_ROOT": "/tmp/morethanajob-media",  # noqa: S108
}
#: What production is started with instead of each missing variable, when it has a default.
WRONG = {
    "EMAIL_BACKEND": "anymail.backends.console.EmailBackend",
    "DATABASE_URL": "sqlite:///unused.sqlite3",
    "SECRET_KEY": "dev-only-not-secret",
}


def manage(*args, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION and not k.startswith(("ANYMAIL_", "AWS_", "TASKS_", "SENTRY_"))
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**base, "DJANGO_SETTINGS_MODULE": "portal.settings.production", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def without(name, **more):
    return {**{k: v for k, v in PRODUCTION.items() if k != name}, **more}


@pytest.mark.parametrize(
    "missing",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "EMAIL_BACKEND",
        "REDIS_URL",
        "ANYMAIL_WEBHOOK_SECRET",
        "MEDIA_STORAGE",
        "MEDIA_ROOT",
    ],
)
def test_production_refuses_to_start_without(missing):
    result = manage("check", **without(missing))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} must be set in production" in result.stderr


@pytest.mark.parametrize("name", sorted(WRONG))
def test_production_refuses_a_development_value_of(name):
    result = manage("check", **without(name, **{name: WRONG[name]}))
    assert result.returncode != 0
    assert f"{name} must be set in production" in result.stderr


def test_production_refuses_tasks_run_without_a_worker():
    env = {**PRODUCTION, "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "TASKS_BACKEND must be set in production" in result.stderr
    assert "db_worker" in result.stderr


def test_s3_media_needs_its_bucket():
    result = manage("check", **without("MEDIA_ROOT", MEDIA_STORAGE="s3"))
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME must be set in production" in result.stderr


def test_an_unknown_media_storage_is_refused():
    result = manage("check", **{**PRODUCTION, "MEDIA_STORAGE": "ftp"})
    assert result.returncode != 0
    assert "MEDIA_STORAGE must be one of local, s3" in result.stderr


def test_tracking_off_needs_no_webhook_secret():
    result = manage("check", **without("ANYMAIL_WEBHOOK_SECRET", PORTAL_EMAIL_TRACKING="off"))
    assert result.returncode == 0, result.stderr


def test_production_passes_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_s3_media_passes_the_deployment_checks():
    env = without(
        "MEDIA_ROOT",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_error_reports_carry_no_personal_data():
    script = (
        "import sentry_sdk; o = sentry_sdk.get_client().options; "
        "print(o['dsn'], o['send_default_pii'], o['include_local_variables'], "
        "o['max_request_body_size'])"
    )
    env = {**PRODUCTION, "SENTRY_DSN": "https://public@errors.example.org/1"}
    result = manage("shell", "-v", "0", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    dsn, *options = result.stdout.split()
    assert dsn == "https://public@errors.example.org/1"
    assert options == ["False", "False", "never"]


def test_the_app_servers_default_to_production():
    for module in ("portal.wsgi", "portal.asgi"):
        result = subprocess.run(
            [sys.executable, "-c", f"import {module}"],
            env={
                k: v
                for k, v in os.environ.items()
                if k not in PRODUCTION and k != "DJANGO_SETTINGS_MODULE"
            },
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0
        assert "SECRET_KEY must be set in production" in result.stderr


def test_production_keeps_each_database_connection_between_requests():
    script = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = manage("shell", "-v", "0", "-c", script, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["60", "True"]
    result = manage("shell", "-v", "0", "-c", script, **PRODUCTION, DATABASE_CONN_MAX_AGE="0")
    assert result.stdout.split() == ["0", "True"]


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="production is PostgreSQL"
)
def test_a_production_process_answers_its_requests_on_one_database_connection():
    # The WSGI application itself (not the test client, which never closes connections), each
    # answer closed as a server closes it: what would close a connection that is not kept.
    script = """
import io
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
app = WSGIHandler()
for _ in range(3):
    host = "portal.example.org"
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/healthz", "SERVER_NAME": host,
               "SERVER_PORT": "443", "HTTP_HOST": host, "wsgi.url_scheme": "https",
               "wsgi.input": io.BytesIO()}
    answer = app(environ, lambda status, headers: print(status.split()[0]))
    answer.close()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        print(cursor.fetchone()[0])
"""
    env = {**PRODUCTION, "DATABASE_URL": os.environ["DATABASE_URL"]}

    def database_processes(**more):
        result = manage("shell", "-v", "0", "-c", script, **env, **more)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.split()
        assert len(lines) == 6 and all(status.isdigit() for status in lines[0::2])
        return set(lines[1::2])

    assert len(database_processes()) == 1  # the same PostgreSQL process answered each request
    assert len(database_processes(DATABASE_CONN_MAX_AGE="0")) == 3  # each its own

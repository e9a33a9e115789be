"""Browser tests: the real portal, served by its own process with the demo content, in Chromium.

The server runs on a database of its own (a sibling PostgreSQL database when DATABASE_URL points at
PostgreSQL, else a temporary SQLite file), so the browser sees exactly what `make run` shows.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRED = os.environ.get("PORTAL_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _unavailable(reason):
    if REQUIRED:
        pytest.fail(f"Browser tests are required here but {reason}.")
    pytest.skip(reason)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _browser_database():
    """A database URL for the demo server, and a function that removes it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        name = (parts.path.lstrip("/") or "morethanajob") + "_browser"
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')

        def drop():
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return urlunsplit(parts._replace(path=f"/{name}")), drop
    directory = tempfile.mkdtemp(prefix="portal-browser-")
    return f"sqlite:///{directory}/db.sqlite3", lambda: shutil.rmtree(directory, True)


class DemoServer:
    """The running demo portal: its address, and its own manage.py for looking inside."""

    def __init__(self, url, env):
        self.url = url
        self.env = env
        self._shell = None

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def python(self, code):
        """Run `code` in the server's Django (its database) and return what it prints.

        As `manage.py shell --no-imports -c code`, in one process kept for the session
        (tests/browser/demo_shell.py): Django starts once, not at every look inside.
        """
        if self._shell is None or self._shell.poll() is not None:
            self._shell = subprocess.Popen(
                [sys.executable, "-m", "tests.browser.demo_shell"],
                env=self.env,
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        self._shell.stdin.write(json.dumps({"code": code}) + "\n")
        self._shell.stdin.flush()
        line = self._shell.stdout.readline()
        assert line, "the demo's shell stopped (its error is above)"
        answer = json.loads(line)
        assert answer["error"] is None, answer["error"]
        return answer["out"]

    def close(self):
        if self._shell is not None:
            self._shell.stdin.close()
            self._shell.wait(10)


@pytest.fixture(scope="session")
def demo_server():
    """The portal with its demo content, served by `manage.py runserver` on a free port."""
    database_url, drop = _browser_database()
    media = tempfile.mkdtemp(prefix="portal-media-")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": media,
        # The address of the server, as `make run` gives it: the links the portal writes use it.
        "WAGTAILADMIN_BASE_URL": base,
        "PYTHONUNBUFFERED": "1",
        # The journeys, all from this one address, send more enquiries and registrations in an
        # hour than one visitor may: the limits themselves are tested in tests/portal.
        "PORTAL_ENQUIRY_RATE_LIMIT": "1000",
        "PORTAL_REGISTRATION_RATE_LIMIT": "1000",
        "PORTAL_RESEND_RATE_LIMIT": "1000",
        "PORTAL_MENTORING_RATE_LIMIT": "1000",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "seed_demo", "--quiet"], env=env, check=True, cwd=ROOT)
    try:
        with serving(env, port):
            server = DemoServer(base, env)
            try:
                yield server
            finally:
                server.close()
    finally:
        drop()
        shutil.rmtree(media, True)


@contextlib.contextmanager
def serving(env, port):
    """`manage.py runserver` on `port` with `env`, from its first answer until the block ends."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    base = f"http://127.0.0.1:{port}"
    # The server's log goes to a file: a pipe nobody reads fills up (about 64 KB of request
    # lines) and then blocks the server mid-request.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/en/", timeout=2)  # noqa: S310
                    break
                except OSError:
                    if server.poll() is not None:
                        log.seek(0)
                        raise RuntimeError(log.read().decode()) from None
                    time.sleep(0.2)
            yield
        finally:
            server.terminate()
            server.wait(10)


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium):
    """A phone-sized page."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()

"""`make loadtest`: the production stack on this machine under wrk, on the loopback only.

The web process with production settings (the Procfile's `web`, granian) on PostgreSQL and Redis, seeded with
the demo content, then:

1. a mix of what visitors ask (demo/loadtest/mix.lua): the home page, searches with filters (a
   popular one, kept in the page cache, and ones nobody asked before, never cached), an
   organisation's page, a service's page, the sitemap, and messages to the organisation, for
   LOADTEST_SECONDS with LOADTEST_CONNECTIONS connections: requests per second, latency
   percentiles, errors, and the 429s of the message limit counted apart;
2. one anonymous page served from the page cache, then the same bytes served by nginx from a
   file, each for LOADTEST_CACHED_SECONDS: the portal's throughput against nginx's.

The figures go to bench-results/loadtest.json. Every process started here is stopped at the end.

Only the web process runs: the worker that sends email does not, so the messages sent are
written to the outbox and stay there. Production settings refuse a local email backend, so the
provider's backend is set, with no token and its API address on a closed loopback port:
nothing could leave the machine even if something tried to send.
"""

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable

PORT = int(os.environ.get("LOADTEST_PORT", "8090"))
NGINX_PORT = int(os.environ.get("LOADTEST_NGINX_PORT", "8091"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
CACHED_SECONDS = int(os.environ.get("LOADTEST_CACHED_SECONDS", "15"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "50"))
THREADS = int(os.environ.get("LOADTEST_THREADS", "2"))
POST_EVERY = int(os.environ.get("LOADTEST_POST_EVERY", "20"))
DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/morethanajob_loadtest"
)
REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/14")
OUTPUT = Path(os.environ.get("LOADTEST_JSON", ROOT / "bench-results" / "loadtest.json"))
BASE = f"http://127.0.0.1:{PORT}"

DISCOVER = """
import json
from directory.models import ExpertiseCategory, ServicePage
from wagtail.models import Locale
english = Locale.objects.get(language_code="en")
service = ServicePage.objects.live().filter(locale=english).first()
organisation = service.get_parent().specific
category = ExpertiseCategory.objects.filter(locale=english).first()
print(json.dumps({
    "organisation": organisation.get_url(), "service": service.get_url(),
    "service_id": service.pk, "category": category.slug,
}))
"""


def production_env(media):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DATABASE_URL": DATABASE_URL,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        # A secret of this run only, never written anywhere.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ANYMAIL_WEBHOOK_SECRET": f"loadtest:{secrets.token_urlsafe(24)}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": BASE,
        "SECURE_SSL_REDIRECT": "off",
        "SECURE_HSTS_SECONDS": "0",
        # See the module's docstring: a provider's backend that cannot reach any provider.
        "EMAIL_BACKEND": "anymail.backends.postmark.EmailBackend",
        "ANYMAIL_POSTMARK_SERVER_TOKEN": "loadtest-no-token",
        "ANYMAIL_POSTMARK_API_URL": "http://127.0.0.1:9/",
        "MEDIA_STORAGE": "local",
        "MEDIA_ROOT": str(media),
        "HOST": "127.0.0.1",
        "PORT": str(PORT),
        "LOG_LEVEL": "WARNING",
    }


def create_database():
    """The load test's own database, made afresh (its media are in this run's folder)."""
    import psycopg

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args, capture=False):
    result = subprocess.run(  # noqa: S603 - this interpreter, the portal's manage.py
        [PYTHON, "manage.py", *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout


def get(path, base=BASE):
    with urllib.request.urlopen(f"{base}{path}", timeout=30) as response:  # noqa: S310
        return response.status, response.headers, response.read()  # names in any case


def wait_until_up(process, base, path="/healthz"):
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"the server at {base} stopped (exit {process.returncode})")
        try:
            get(path, base)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server at {base} did not answer")


def start(command, env=None, log=None):
    """A process in a session of its own, so that it and its children can be stopped at once."""
    return subprocess.Popen(  # noqa: S603 - the commands of this file only
        command,
        env=env,
        cwd=ROOT,
        stdout=log or subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process):
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def wrk(url, seconds, **variables):
    env = {**os.environ, **{f"LOADTEST_{k.upper()}": str(v) for k, v in variables.items()}}
    command = [
        shutil.which("wrk"),
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(HERE / "mix.lua"),
        url,
    ]
    output = subprocess.run(  # noqa: S603 - wrk, with this file's arguments
        command, env=env, capture_output=True, text=True, check=True
    ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    seconds_measured = figures["duration_us"] / 1_000_000
    statuses = {int(code): count for code, count in figures.pop("statuses").items()}
    too_many = statuses.get(429, 0)
    errors = sum(count for code, count in statuses.items() if code >= 400 and code != 429)
    errors += sum(figures["socket_errors"].values())
    return {
        **figures,
        "requests_per_second": round(figures["requests"] / seconds_measured, 1),
        "statuses": {str(code): statuses[code] for code in sorted(statuses)},
        "rate_limited_429": too_many,
        "errors": errors,
    }


NGINX_CONF = """
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {dir};
        location / {{ try_files /page.html =404; }}
    }}
}}
"""


def main():
    # Stopped from outside (Ctrl-C, a timeout): the cleanup below still runs.
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(143))
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install -y wrk nginx")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="portal-loadtest-"))
    work.chmod(0o755)  # nginx's worker, an unprivileged user, reads the page from it
    env = production_env(work / "media")
    web = nginx = log = None
    try:
        create_database()
        print("Loading the demo content into", DATABASE_URL, flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "seed_demo", "--quiet")
        pages = json.loads(manage(env, "shell", "--no-imports", "-c", DISCOVER, capture=True))

        log = open(work / "web.log", "w")  # noqa: SIM115 - closed once the web process stops
        web = start([PYTHON, "-m", "portal.serve"], env, log)
        wait_until_up(web, BASE)

        _status, headers, _body = get("/en/enquiry/token/")
        token = json.loads(_body)["token"]
        cookie = headers["Set-Cookie"].split(";")[0]
        searches = [
            f"/en/search/?q=training&country=IT&category={pages['category']}",
            f"/en/search/?q=youth+{{n}}&kind=all-services&category={pages['category']}",
        ]
        paths = [
            "/en/",
            searches[0],
            searches[1],
            pages["organisation"],
            pages["service"],
            "/en/",
            searches[0],
            pages["organisation"],
            pages["service"],
            "/sitemap.xml",
        ]
        for path in paths:  # each once, as the first visitor of the day would
            try:
                get(path.replace("{n}", "0"))
            except urllib.error.HTTPError as error:
                raise RuntimeError(f"{path}: {error}") from error

        print(f"Mix: {CONNECTIONS} connections for {SECONDS} s on {BASE}", flush=True)
        mix = wrk(
            BASE,
            SECONDS,
            paths="|".join(paths),
            post_path=f"/en/enquiry/{pages['service_id']}/",
            post_every=POST_EVERY,
            token=token,
            cookie=cookie,
        )

        cached_path = pages["organisation"]
        get(cached_path)
        _status, headers, body = get(cached_path)
        if headers.get("X-Page-Cache") != "hit":
            raise RuntimeError(f"{cached_path} is not served from the page cache: {headers}")
        (work / "page.html").write_bytes(body)
        print(f"Cached page: {cached_path}, {CACHED_SECONDS} s each", flush=True)
        portal_cached = wrk(BASE, CACHED_SECONDS, paths=cached_path)

        (work / "nginx.conf").write_text(NGINX_CONF.format(dir=work, port=NGINX_PORT))
        nginx = start([shutil.which("nginx"), "-c", str(work / "nginx.conf"), "-p", str(work)])
        nginx_base = f"http://127.0.0.1:{NGINX_PORT}"
        wait_until_up(nginx, nginx_base, cached_path)
        if get(cached_path, nginx_base)[2] != body:
            raise RuntimeError("nginx does not serve the page's bytes")
        nginx_file = wrk(nginx_base, CACHED_SECONDS, paths=cached_path)

        ratio = portal_cached["requests_per_second"] / nginx_file["requests_per_second"]
        result = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
            "stack": {
                "server": "granian (python -m portal.serve)",
                "web_workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
                "web_threads": int(os.environ.get("WEB_THREADS", "4")),
                "database": "PostgreSQL",
                "cache": "Redis",
                "connections": CONNECTIONS,
                "threads": THREADS,
            },
            "mix": {"seconds": SECONDS, "paths": paths, "post_every": POST_EVERY, **mix},
            "cached_page": {
                "path": cached_path,
                "bytes": len(body),
                "seconds": CACHED_SECONDS,
                "portal": portal_cached,
                "nginx_file": nginx_file,
                "portal_to_nginx": round(ratio, 3),
                "target": 0.1,
                "meets_target": ratio >= 0.1,
            },
        }
        OUTPUT.write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result, indent=2))
    except Exception:
        if log:
            log.flush()
            print("".join((work / "web.log").read_text().splitlines(True)[-30:]))
        raise
    finally:
        stop(nginx)
        stop(web)
        if log:
            log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

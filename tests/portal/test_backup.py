"""A backup (pg_dump and a copy of the media) restores into an empty database with its pages."""

import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from wagtail.models import Page

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="pg_dump and pg_restore work on PostgreSQL (DATABASE_URL)",
    ),
]


def conninfo(name):
    db = connection.settings_dict
    return f"host={db['HOST']} port={db['PORT'] or 5432} user={db['USER']} dbname={name}"


def url(name):
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def empty_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_dump(path):
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    subprocess.run(
        [
            shutil.which("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            str(path),
            url(db["NAME"]),
        ],
        check=True,
        env=env,
    )


def media_archive(path):
    with tarfile.open(path, "w:gz") as archive:
        data = b"\x89PNG\r\n\x1a\n cover"
        member = tarfile.TarInfo("original_images/cover.png")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))


def restore(database, *args, media_root):
    env = {
        **os.environ,
        "DATABASE_URL": url(database),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "restore_backup", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(not shutil.which("pg_dump"), reason="postgresql-client")
def test_a_dump_restores_into_an_empty_database_with_its_pages(tmp_path, empty_database):
    pages = sorted(Page.objects.values_list("url_path", "title", "locale__language_code"))
    assert len(pages) > 4
    pg_dump(tmp_path / "portal.dump")
    media_archive(tmp_path / "media.tar.gz")
    media_root = tmp_path / "media"

    result = restore(
        empty_database,
        str(tmp_path / "portal.dump"),
        "--media",
        str(tmp_path / "media.tar.gz"),
        media_root=media_root,
    )

    assert result.returncode == 0, result.stderr
    with psycopg.connect(conninfo(empty_database)) as restored:
        rows = restored.execute(
            "SELECT p.url_path, p.title, l.language_code FROM wagtailcore_page p "
            "JOIN wagtailcore_locale l ON l.id = p.locale_id"
        ).fetchall()
    assert sorted(rows) == pages
    assert (media_root / "original_images" / "cover.png").read_bytes().endswith(b"cover")

    again = restore(empty_database, str(tmp_path / "portal.dump"), media_root=media_root)
    assert again.returncode != 0
    assert "is not empty" in again.stderr


def test_a_missing_dump_is_a_clear_error(tmp_path):
    result = restore("unused", str(tmp_path / "nothing.dump"), media_root=tmp_path)

    assert result.returncode != 0
    assert "No dump at" in result.stderr

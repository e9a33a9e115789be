"""Uploaded media are served by the portal when they are on its disk (MEDIA_STORAGE=local)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def local_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def test_an_image_is_served_with_a_long_cache_life(client, local_media):
    name = default_storage.save("images/logo.width-400.png", ContentFile(PNG))

    response = client.get(f"/media/{name}")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=2592000"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_missing_file_is_a_404(client, local_media):
    assert client.get("/media/images/nothing.png").status_code == 404


def test_nothing_outside_the_media_folder_is_served(client, local_media):
    (local_media.parent / "secret.txt").write_text("not for the public")

    assert client.get("/media/../secret.txt").status_code == 404
    assert client.get("/media/%2e%2e/secret.txt").status_code == 404


def test_documents_are_left_to_wagtails_view_which_checks_their_privacy(client, local_media):
    name = default_storage.save("documents/minutes.pdf", ContentFile(b"%PDF-1.4 private"))

    assert client.get(f"/media/{name}").status_code == 404


def test_media_in_memory_or_elsewhere_are_not_served_from_disk(client):
    default_storage.save("images/logo.png", ContentFile(PNG))

    assert client.get("/media/images/logo.png").status_code == 404

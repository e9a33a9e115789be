"""Bad input gets a message and a 4xx, never a server error: names without a letter, NUL bytes
in any public form, damaged images and images too large to render."""

import io
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from directory.factories import ServicePageFactory, UserFactory
from directory.models import Enquiry, OrganisationPage
from tests.directory.organisations import registered
from tests.helpers import publish, registration_form

pytestmark = pytest.mark.django_db
User = get_user_model()
Image = get_image_model()


# Public forms ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["🌍", "{}", "— ! —", "🌍 🇮🇹"])
def test_an_organisation_name_without_a_letter_or_digit_is_asked_again(client, portal, name):
    response = client.post("/en/register/", registration_form(organisation_name=name))
    assert response.status_code == 400
    errors = response.context["form"].errors["organisation_name"]
    assert "with letters or numbers" in " ".join(errors)
    assert not User.objects.exists() and not OrganisationPage.objects.exists()


@pytest.mark.parametrize("name", ["Ελληνική Συνεργασία 🌍", "جمعية التضامن", "{Il Ponte}"])
def test_a_name_with_letters_in_any_script_registers_with_an_address_of_its_own(
    client, portal, name
):
    response = client.post("/en/register/", registration_form(organisation_name=name))
    assert response.status_code == 302
    page = OrganisationPage.objects.get()
    assert page.title == name and page.slug


@pytest.mark.parametrize("field", ["first_name", "place", "organisation_name", "email"])
def test_a_nul_byte_in_registration_is_a_form_error(client, portal, field):
    value = registration_form()[field] + "\x00"
    response = client.post("/en/register/", registration_form(**{field: value}))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.parametrize("email", ["giulia\x00@ponte.example.org", "\x00", "not an address"])
def test_a_nul_byte_or_nonsense_in_the_new_link_form_is_a_form_error(client, portal, email):
    response = client.post("/en/register/resend/", {"email": email})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="form-errors"' in html
    assert "Please write a valid email address" in html


@pytest.mark.parametrize("path", ["/en/search/", "/en/search/suggest/"])
@pytest.mark.parametrize("words", ["\x00", "corso\x00italiano", "\x00" * 300])
def test_a_nul_byte_in_the_search_is_no_error(client, portal, path, words):
    response = client.get(path, {"q": words})
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("field", ["name", "message", "email"])
def test_a_nul_byte_in_a_message_to_an_organisation_is_a_form_error(client, portal, field):
    _user, page, _account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    page = publish(page)
    service = publish(ServicePageFactory(parent=page, title="Corso di italiano"))
    data = {
        "name": "Amina Haddad",
        "email": "amina@example.org",
        "message": "Buongiorno, is the course still open?",
        "consent": "on",
        "website": "",
    }
    data[field] = data[field][:5] + "\x00" + data[field][5:]
    response = client.post(f"/it/enquiry/{service.pk}/", data)
    assert response.status_code == 400
    assert field in response.context["enquiry_form"].errors
    assert not Enquiry.objects.exists()


# Images ---------------------------------------------------------------------------------------


def png(size=(64, 48)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def huge_png(width, height):
    """A PNG of width × height pixels that weighs a few kilobytes (one colour, compressed)."""
    import struct

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + b"\x00" * width  # filter byte, then grey pixels
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def jpeg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (400, 300), "orange").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def editor():
    client = Client()
    client.force_login(UserFactory(is_superuser=True))
    return client


def upload(client, name, content, url="/admin/images/add/"):
    return client.post(
        url,
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


def test_a_whole_image_is_accepted(editor):
    assert upload(editor, "logo.png", png()).status_code == 302
    assert Image.objects.get().width == 64


@pytest.mark.parametrize(
    "name,content",
    [
        ("truncated.png", png((300, 300))[:200]),
        ("truncated.jpg", jpeg()[:400]),
        ("damaged.png", png()[:40] + b"\xff" * 200 + png()[240:]),
        ("header-only.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("text.jpg", b"\xff\xd8\xff\xe0 this is not an image at all"),
    ],
)
def test_a_damaged_or_truncated_image_is_refused_with_a_message(editor, name, content):
    response = upload(editor, name, content)
    assert response.status_code == 200
    html = response.content.decode()
    assert "damaged or incomplete" in html or "Upload a valid image" in html
    assert not Image.objects.exists()


def test_a_damaged_image_is_refused_by_the_multiple_upload_and_the_chooser(editor):
    response = editor.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("truncated.png", png((300, 300))[:200])},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    response = upload(
        editor, "truncated.png", png((300, 300))[:200], "/admin/images/chooser/create/"
    )
    assert response.status_code == 200
    assert not Image.objects.exists()


def test_an_image_of_too_many_pixels_is_refused(editor):
    content = huge_png(11_000, 11_000)
    assert len(content) < 200_000, "small on disk, huge in memory"
    response = upload(editor, "huge.png", content)
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not Image.objects.exists()


def test_an_image_of_too_many_bytes_is_refused(editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = upload(editor, "big.png", png((400, 400)) + b"\x00" * 2000)
    assert response.status_code == 200
    assert "too big" in response.content.decode()
    assert not Image.objects.exists()

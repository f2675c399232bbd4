"""Uploaded photos keep no EXIF location, and what an upload carries is served as an image only."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from filer.models import File
from PIL import Image

from news.models import Status
from tests.news.factories import make_article, make_editor
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

UPLOAD = "/en/admin/filer/clipboard/operations/upload/no_folder/"
GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo_with_gps(size=(1600, 900), orientation=6):
    """A JPEG as a phone writes it: GPS position (Chongqing), camera, and rotated 90° by EXIF."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"  # camera make
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (29.0, 33.0, 50.0), 3: "E", 4: (106.0, 30.0, 20.0)})
    buffer = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "JPEG", exif=exif.tobytes())
    data = buffer.getvalue()
    assert Image.open(BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the test photo has a position
    return data


def stored_path(file_obj):
    return Path(settings.MEDIA_ROOT) / file_obj.file.name


def upload(client, name, content):
    response = client.post(UPLOAD, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200, response.content
    return File.objects.get(pk=response.json()["file_id"])


@pytest.fixture
def editor_client(client):
    log_in_verified(client, make_editor())
    return client


def test_an_uploaded_photo_is_stored_without_its_gps_position_and_upright(editor_client):
    image = upload(editor_client, "field-trip.jpg", photo_with_gps())
    stored = Image.open(stored_path(image))
    exif = stored.getexif()
    assert not exif.get_ifd(GPS_IFD)
    assert GPS_IFD not in exif and 0x010F not in exif and ORIENTATION not in exif
    # Orientation 6 (90° clockwise) has been applied to the pixels: portrait now.
    assert stored.size == (900, 1600)
    assert (image.width, image.height) == (900, 1600)
    assert image.sha1  # filer measured the cleaned file
    assert image.size == stored_path(image).stat().st_size


def test_the_photo_shared_by_a_public_article_carries_no_location(editor_client, client):
    image = upload(editor_client, "field-trip.jpg", photo_with_gps())
    article = make_article(status=Status.PUBLISHED, featured_image=image)
    page = client.get(article.get_absolute_url("en")).content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', page).group(1)
    assert settings.MEDIA_URL in og_image
    shared = Path(settings.MEDIA_ROOT) / og_image.split(settings.MEDIA_URL, 1)[1]
    assert not Image.open(shared).getexif().get_ifd(GPS_IFD)
    assert b"PhoneMaker" not in shared.read_bytes()


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_other_formats_lose_their_exif_too(editor_client, image_format):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (29.0, 33.0, 50.0)})
    buffer = BytesIO()
    Image.new("RGB", (64, 48), (1, 2, 3)).save(buffer, image_format, exif=exif.tobytes())
    assert b"PhoneMaker" in buffer.getvalue()
    image = upload(editor_client, f"chart.{image_format.lower()}", buffer.getvalue())
    assert b"PhoneMaker" not in stored_path(image).read_bytes()


def polyglot_gif():
    """A valid GIF whose bytes also hold an HTML page with a script (a GIF/HTML polyglot)."""
    buffer = BytesIO()
    Image.new("P", (8, 8), 1).save(buffer, "GIF", comment=b"<html><script>alert(document.cookie)</script>")
    return buffer.getvalue() + b"<html><body><script>alert(1)</script></body></html>"


@override_settings(ROOT_URLCONF="tests.support.media_urls")
def test_a_polyglot_upload_is_stored_clean_and_served_as_an_image_with_nosniff(editor_client, client):
    content = polyglot_gif()
    assert b"<script>" in content
    image = upload(editor_client, "banner.gif", content)
    stored = stored_path(image).read_bytes()
    assert b"<script" not in stored and b"<html" not in stored
    assert Image.open(stored_path(image)).format == "GIF"
    response = client.get(image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response["X-Content-Type-Options"] == "nosniff"

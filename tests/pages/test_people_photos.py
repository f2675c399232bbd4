"""A person's photo: square renditions for phones (srcset, WebP), the editor's focal point kept
in every crop, no metadata in any of them, and our own placeholder where there is no photo."""

import re
from io import BytesIO
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from filer.models import Image as FilerImage
from PIL import ExifTags, Image

from tests.pages import factories as make

pytestmark = pytest.mark.django_db

BLUE, RED = (0, 0, 255), (255, 0, 0)


def phone_photo():
    """A 1200 × 600 photo from a phone, with where it was taken: the face (red) on the right."""
    image = Image.new("RGB", (1200, 600), BLUE)
    image.paste(RED, (600, 0, 1200, 600))
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (29.0, 33.0, 0.0),
    }
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture
def person_with_photo():
    upload = SimpleUploadedFile("portrait.jpg", phone_photo(), content_type="image/jpeg")
    photo = FilerImage.objects.create(file=upload, original_filename="portrait.jpg")
    photo.subject_location = "1150,300"  # the editor's focal point, at the right edge
    photo.save()
    return make.person(photo=photo)


def rendition_urls(html):
    sets = re.findall(r'srcset="([^"]+)"', html)
    return [entry.split()[0] for srcset in sets for entry in srcset.split(", ")]


def opened(url):
    return Image.open(default_storage.open(unquote(url.removeprefix(settings.MEDIA_URL))))


def test_a_portrait_has_square_webp_and_jpeg_renditions_with_the_focal_point_and_no_gps(
    client, person_with_photo
):
    html = client.get(person_with_photo.get_absolute_url("en")).content.decode()
    assert '<source type="image/webp"' in html
    urls = rendition_urls(html)
    assert len(urls) == 6  # 160, 320 and 480 px, in WebP and JPEG
    for url in urls:
        image = opened(url)
        assert image.width == image.height
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), url
        # Cropped around the focal point: the left edge of the square is still the red face
        # (a centred crop would start in the blue).
        red, _green, blue = image.convert("RGB").getpixel((2, image.height // 2))
        assert red > 200 and blue < 60, url
    assert not opened(person_with_photo.photo.url).getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_the_top_portrait_loads_at_once_and_cards_further_down_lazily(client, person_with_photo):
    for _ in range(5):
        make.person(photo=person_with_photo.photo)
    html = client.get("/en/about/people/").content.decode()
    cards = re.findall(r'<li class="person-card">.*?</li>', html, re.S)
    lazy = ['loading="lazy"' in card for card in cards]
    assert len(cards) == 10 and lazy == [False] * 4 + [True] * 6, lazy


def test_a_person_without_a_photo_gets_our_own_placeholder(client):
    person = make.person()
    html = client.get(person.get_absolute_url("zh-hans")).content.decode()
    assert re.search(
        r'<img class="portrait portrait--placeholder" src="/static/img/person-placeholder[^"]*\.svg"', html
    )

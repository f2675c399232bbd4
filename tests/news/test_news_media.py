"""Photos: uploads are checked (real bad files made here) and rendered as responsive renditions."""

import re
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from filer.models import File
from PIL import Image

from tests.news.factories import image_bytes, make_article, make_editor, make_image
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

UPLOAD = "/{language}/admin/filer/clipboard/operations/upload/no_folder/"


def png_header(width, height):
    """A PNG that declares the given size but carries no pixels: a decompression bomb's header."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.fixture
def editor_client(client):
    log_in_verified(client, make_editor())
    return client


def upload(client, name, content, language="en"):
    return client.post(UPLOAD.format(language=language), {"file": SimpleUploadedFile(name, content)})


def test_an_editor_uploads_a_photo(editor_client):
    response = upload(editor_client, "campus.jpg", image_bytes())
    assert response.status_code == 200, response.content
    image = File.objects.get(pk=response.json()["file_id"])
    assert (image.width, image.height) == (1600, 900)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.png", png_header(100_000, 100_000), "Image format not recognized or image size exceeds limit"),
        ("huge.png", png_header(8_000, 6_000), "exceeds limit of 40 million pixels"),
        ("notes.jpg", b"This is a text file, not a photo.\n" * 20, "Image format not recognized"),
        ("page.html", b"<html><script>alert(1)</script></html>", "upload denied"),
        ("notes.txt", b"plain text", "upload denied"),
        ("archive.zip", b"PK\x03\x04", "upload denied"),
    ],
)
def test_bad_files_are_refused_with_a_message_not_a_crash(editor_client, name, content, message):
    response = upload(editor_client, name, content)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not File.objects.filter(original_filename=name).exists()


def test_a_file_over_the_size_limit_is_refused_in_the_editors_language(editor_client, settings):
    settings.NEWS_MAX_UPLOAD_BYTES = 2_000
    response = upload(editor_client, "big.jpg", image_bytes((800, 600)), language="zh-hans")
    assert response.status_code == 400
    assert "过大" in response.json()["error"]


def test_an_svg_with_script_is_sanitised_and_refused_as_a_news_photo(editor_client):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<script>alert("x")</script><rect width="10" height="10" onload="alert(1)"/></svg>'
    )
    response = upload(editor_client, "logo.svg", svg)
    assert response.status_code == 200
    stored = File.objects.get(pk=response.json()["file_id"])
    content = Path(stored.file.path).read_bytes()
    assert b"<script" not in content and b"onload" not in content and b"<rect" in content

    article = make_article()
    article.featured_image_id = stored.pk
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "featured_image" in error.value.message_dict


def test_a_photo_renders_as_a_picture_with_webp_widths_and_dimensions(client):
    image = make_image((1600, 900))
    article = make_article(featured_image=image)
    article.set_current_language("en")
    article.image_alt = "Students in the anatomy lab"
    article.save()

    html = client.get(article.get_absolute_url("en")).content.decode()
    picture = re.search(r'<picture class="news-picture">.*?</picture>', html, re.S).group(0)
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', picture).group(1)
    assert [entry.split()[1] for entry in webp.split(", ")] == ["480w", "800w", "1200w"]
    assert 'width="1200" height="675"' in picture
    assert 'alt="Students in the anatomy lab"' in picture
    assert 'loading="lazy"' not in picture  # the article's photo is above the fold
    for url in re.findall(r"(/media/[^ \"]+)", picture):
        path = Path(settings.MEDIA_ROOT) / url.removeprefix("/media/")
        with Image.open(path) as rendition:
            assert rendition.format == ("WEBP" if url.endswith(".webp") else "JPEG")
            assert rendition.width in (480, 800, 1200)

    listing = client.get("/en/news-events/").content.decode()
    assert re.search(r'<img [^>]*alt="Students in the anatomy lab" loading="lazy"', listing)


def test_a_small_photo_is_never_enlarged(client):
    article = make_article(featured_image=make_image((600, 400)))
    html = client.get(article.get_absolute_url("en")).content.decode()
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', html).group(1)
    assert [entry.split()[1] for entry in webp.split(", ")] == ["480w", "600w"]
    assert 'width="600" height="400"' in html

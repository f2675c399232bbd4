"""Configuration comes from the environment, and production settings pass Django's deploy checks."""

import os
import secrets
import subprocess
import sys

from django.conf import settings


def test_languages_are_the_same_in_django_cms_and_parler():
    django_languages = [code for code, _name in settings.LANGUAGES]
    assert django_languages == ["en", "zh-hans"]
    assert [language["code"] for language in settings.CMS_LANGUAGES[settings.SITE_ID]] == django_languages
    assert [language["code"] for language in settings.PARLER_LANGUAGES[settings.SITE_ID]] == django_languages


def test_the_institute_keeps_china_time():
    assert settings.TIME_ZONE == "Asia/Shanghai"


def test_production_settings_pass_the_deploy_checks():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeiweb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.example.edu.cn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


STORAGE_PROBE = """
from django.core.files.storage import storages
from easy_thumbnails.storage import thumbnail_default_storage
from filer import settings as filer
for storage in (storages["default"], thumbnail_default_storage, filer.FILER_PUBLICMEDIA_STORAGE,
                filer.FILER_PUBLICMEDIA_THUMBNAIL_STORAGE, filer.FILER_PRIVATEMEDIA_STORAGE):
    url = storage.url("a.jpg")  # also sets up a lazy storage (easy-thumbnails' default_storage)
    print("STORAGE", type(getattr(storage, "_wrapped", storage)).__name__, url)
"""


def storages_under(environment):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", STORAGE_PROBE],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "jeiweb.settings.dev", **environment},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return [line.split()[1:] for line in result.stdout.splitlines() if line.startswith("STORAGE ")]


def test_media_stay_on_the_disk_unless_a_bucket_is_configured():
    names = [name for name, _url in storages_under({"S3_BUCKET": ""})]
    assert "S3Storage" not in names


def test_with_a_bucket_every_kind_of_media_goes_to_object_storage():
    storages = storages_under(
        {
            "S3_BUCKET": "media-bucket",
            "S3_ENDPOINT_URL": "http://127.0.0.1:9",
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "key",
            "S3_SECRET_ACCESS_KEY": "secret",
        }
    )
    assert [name for name, _url in storages] == ["S3Storage"] * 5
    # Public media (uploads, filer's files and every thumbnail) get plain URLs at the bucket;
    # filer's private files get signed ones.
    public, private = [url for _name, url in storages[:4]], storages[4][1]
    assert set(public) == {"http://127.0.0.1:9/media-bucket/media/a.jpg"}
    assert private.startswith("http://127.0.0.1:9/media-bucket/media-private/a.jpg?")
    assert "Signature" in private

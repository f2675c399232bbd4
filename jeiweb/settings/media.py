"""Uploads, images, static and media files of every environment: django-filer's limits, the
thumbnails, WhiteNoise, and object storage for several app servers. `base.py` imports them all."""

from pathlib import Path

import environ
from whitenoise.compress import Compressor

env = environ.Env()  # base.py has read .env into the environment already
BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)
THUMBNAIL_HIGH_RESOLUTION = True

# Uploads through django-filer (the news photos): images only, within a size and a pixel
# limit. Filer rejects an image over FILER_MAX_IMAGE_PIXELS (and one Pillow cannot read, such
# as a decompression bomb) with a form error, and sanitises SVG (scripts removed). Our own
# validator adds the size limit and checks that the bytes are really an image.
# Least privilege in the media library: each role (News editors, Page editors) reads and
# edits only its own folder and the files its members uploaded (jeiweb/admin/roles.py).
FILER_ENABLE_PERMISSIONS = True
FILER_MIME_TYPE_WHITELIST = ["image/jpeg", "image/png", "image/gif", "image/webp", "image/svg+xml"]
FILER_MAX_IMAGE_PIXELS = env.int("FILER_MAX_IMAGE_PIXELS", default=40_000_000)
NEWS_MAX_UPLOAD_BYTES = env.int("NEWS_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
FILER_UPLOADER_MAX_FILE_SIZE = NEWS_MAX_UPLOAD_BYTES
FILER_ADD_FILE_VALIDATORS = {
    mime_type: ["news.validation.validate_image_upload"]
    for mime_type in ("image/jpeg", "image/png", "image/gif", "image/webp")
}

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed (gzip and Brotli) files with content hashes in their names, so that they
    # can be cached "forever" by browsers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Source maps are read by developers' tools only, never by a visitor's page: compressing them
# (the CMS editor's is 2.5 MB) was a quarter of collectstatic's CPU.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

# Media in object storage (any S3 API: AWS, Aliyun OSS, Tencent COS, MinIO...) when S3_BUCKET is
# set, so that several app servers share the uploads (a photo uploaded through one is served
# from the bucket to every visitor). Unset: the local MEDIA_ROOT, fine for a single server.
# django-filer's public files and its thumbnails, and easy-thumbnails (which falls back to the
# default storage), all follow STORAGES["default"]; filer's private files are set below.
S3_BUCKET = env("S3_BUCKET", default="")
if S3_BUCKET:
    S3_STORAGE = "storages.backends.s3.S3Storage"
    AWS_STORAGE_BUCKET_NAME = S3_BUCKET
    # A non-AWS service (or moto in the tests) is reached at its own address.
    AWS_S3_ENDPOINT_URL = env("S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("S3_REGION", default=None)
    AWS_ACCESS_KEY_ID = env("S3_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env("S3_SECRET_ACCESS_KEY", default=None)
    # A CDN or public host name in front of the bucket; unset: URLs point at the endpoint.
    AWS_S3_CUSTOM_DOMAIN = env("S3_CUSTOM_DOMAIN", default=None)
    # Keys under this prefix, so that one bucket can hold several sites' media.
    AWS_LOCATION = env("S3_LOCATION", default="media")
    # Public media get plain, stable URLs that browsers and CDNs can cache (no signature that
    # changes with each render); the bucket (or AWS_DEFAULT_ACL) must make them readable.
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = env("S3_DEFAULT_ACL", default=None)
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "max-age=31536000, public"}
    AWS_S3_ADDRESSING_STYLE = env("S3_ADDRESSING_STYLE", default=None)  # "path" for MinIO-like
    STORAGES["default"] = {"BACKEND": S3_STORAGE}
    # Filer's private files (none on the public site today) stay private in the bucket: signed
    # URLs, no public ACL, under their own prefix.
    _private = {"location": f"{AWS_LOCATION}-private", "default_acl": "private", "querystring_auth": True}
    FILER_STORAGES = {
        "private": {
            "main": {"ENGINE": S3_STORAGE, "OPTIONS": _private, "UPLOAD_TO_PREFIX": "filer_private"},
            "thumbnails": {
                "ENGINE": S3_STORAGE,
                "OPTIONS": _private,
                "THUMBNAIL_OPTIONS": {"base_dir": "filer_private_thumbnails"},
            },
        },
    }

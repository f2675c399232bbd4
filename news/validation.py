"""Checks on uploaded images, run by django-filer for every image MIME type (FILER_ADD_FILE_VALIDATORS)."""

import warnings

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from filer.validation import FileValidationError
from PIL import Image, UnidentifiedImageError


def validate_image_upload(file_name, file, owner, mime_type):
    """Refuse a file over the size limit, or one whose bytes are not an image Pillow can read
    within the pixel limit (a text file named .jpg, a decompression bomb)."""
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    if size > settings.NEWS_MAX_UPLOAD_BYTES:
        raise FileValidationError(
            _('File "%(name)s" is too large (%(size)s); the limit is %(limit)s.')
            % {
                "name": file_name,
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.NEWS_MAX_UPLOAD_BYTES),
            }
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise FileValidationError(
            _('File "%(name)s" is not an image that can be used here.') % {"name": file_name}
        ) from error
    finally:
        file.seek(0)
    if width * height > settings.FILER_MAX_IMAGE_PIXELS:
        raise FileValidationError(
            _('Image "%(name)s" has too many pixels (%(width)d × %(height)d); resize it and upload again.')
            % {"name": file_name, "width": width, "height": height}
        )

"""Uploaded photos are stored without their metadata.

A phone's photo carries EXIF: where it was taken (GPS), the camera, sometimes the owner's
name. django-filer keeps and serves the original, and the site links to it (og:image,
JSON-LD), so every raster image is re-encoded on upload, before it is stored: the pixels
(turned upright first, as the EXIF orientation said), the colour profile, and nothing else.
Re-encoding also drops whatever else rode along in the file (comments, XMP, a script appended
after the image data, as in a GIF/JPEG "polyglot"). SVG is sanitised by filer instead.
"""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Pillow format → the options it is saved again with.
REENCODED_FORMATS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
    "GIF": {},
}
# What of an image's info is drawing, not metadata: kept.
KEPT_INFO = ("transparency", "background", "duration", "loop")


def without_metadata(data):
    """The image's bytes re-encoded without metadata, or None if it is not a raster image
    we re-encode (SVG, or what Pillow cannot read: filer's validation refuses that)."""
    try:
        image = Image.open(BytesIO(data))
        image_format = image.format
        if image_format not in REENCODED_FORMATS:
            return None
        options = dict(REENCODED_FORMATS[image_format])
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        if getattr(image, "n_frames", 1) > 1:
            # An animation keeps its frames and timing (GIF and WebP have no EXIF orientation).
            cleaned = image
            options["save_all"] = True
        else:
            cleaned = ImageOps.exif_transpose(image)  # upright, as a copy
        cleaned.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
        out = BytesIO()
        cleaned.save(out, image_format, **options)
        return out.getvalue()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None


def strip_uploaded_image(sender, instance, **kwargs):
    """pre_save of filer's Image: a file being uploaded (not yet stored) is stored clean."""
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return
    field_file.seek(0)
    cleaned = without_metadata(field_file.read())
    field_file.seek(0)
    if cleaned is not None:
        instance.file = ContentFile(cleaned, name=field_file.name)
        # filer measures the file again: size, sha1, width and height (turned upright).
        instance.file_data_changed()


def connect_upload_cleaning():
    from django.db.models.signals import pre_save
    from filer.models import Image as FilerImage

    pre_save.connect(strip_uploaded_image, sender=FilerImage, dispatch_uid="jeiweb-strip-image-metadata")

"""Responsive renditions of an uploaded photo (django-filer), made with Pillow by easy-thumbnails.

Each width up to the original's (never enlarged), in WebP for browsers that take it and JPEG
(or PNG) for the others. A crop to a fixed shape (`aspect`, width / height) keeps the editor's
focal point (filer's subject location; THUMBNAIL_PROCESSORS has filer's
scale_and_crop_with_subject_location). The renditions carry no metadata: easy-thumbnails saves
the pixels only, from an original already stripped on upload (jeiweb/security/uploads.py).
"""

from easy_thumbnails.files import get_thumbnailer


def renditions(image, extension, widths, aspect=None):
    """[(url, width)] of `image` (a filer Image) at each of `widths` it can fill."""
    thumbnailer = get_thumbnailer(image.file)
    thumbnailer.thumbnail_extension = extension
    thumbnailer.thumbnail_transparency_extension = "png" if extension == "jpg" else extension
    original = int(image.width)
    chosen = [width for width in widths if width < original] + [min(original, widths[-1])]
    result = []
    for width in dict.fromkeys(chosen):
        options = {"size": (width, 0), "upscale": False}
        if aspect:
            options.update(size=(width, round(width / aspect)), crop=True)
            if image.subject_location:
                options["subject_location"] = image.subject_location
        result.append((thumbnailer.get_thumbnail(options).url, width))
    return result


def picture(image, alt, widths, sizes="100vw", lazy=True, aspect=None):
    """What a <picture> element shows of `image`: both formats' srcsets, the largest rendition
    as src, and its width and height (no layout shift); {"image": None} without an image."""
    if image is None or not image.width or not image.height:
        return {"image": None}
    fallback = renditions(image, "jpg", widths, aspect)
    largest_url, largest_width = fallback[-1]
    ratio = aspect or int(image.width) / int(image.height)
    return {
        "image": image,
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "webp_srcset": ", ".join(
            f"{url} {width}w" for url, width in renditions(image, "webp", widths, aspect)
        ),
        "srcset": ", ".join(f"{url} {width}w" for url, width in fallback),
        "src": largest_url,
        "width": largest_width,
        "height": round(largest_width / ratio),
    }

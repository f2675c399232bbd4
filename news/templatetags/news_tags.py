"""Responsive renditions of news photos, made with Pillow by easy-thumbnails."""

from django import template
from easy_thumbnails.files import get_thumbnailer

register = template.Library()

WIDTHS = (480, 800, 1200)


def renditions(image, extension):
    """(url, width) of each width up to the original's (never enlarged), in the given format."""
    thumbnailer = get_thumbnailer(image.file)
    thumbnailer.thumbnail_extension = extension
    thumbnailer.thumbnail_transparency_extension = "png" if extension == "jpg" else extension
    original = int(image.width)
    widths = [width for width in WIDTHS if width < original] + [min(original, WIDTHS[-1])]
    result = []
    for width in dict.fromkeys(widths):
        thumbnail = thumbnailer.get_thumbnail({"size": (width, 0), "upscale": False})
        result.append((thumbnail.url, width))
    return result


@register.inclusion_tag("news/includes/picture.html")
def news_picture(image, alt, sizes="100vw", lazy=True):
    """A <picture>: WebP renditions for browsers that take them, JPEG (or PNG) for the others, with
    explicit width and height (no layout shift) and lazy loading below the fold."""
    if image is None or not image.width or not image.height:
        return {"image": None}
    fallback = renditions(image, "jpg")
    largest_url, largest_width = fallback[-1]
    return {
        "image": image,
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "webp_srcset": ", ".join(f"{url} {width}w" for url, width in renditions(image, "webp")),
        "srcset": ", ".join(f"{url} {width}w" for url, width in fallback),
        "src": largest_url,
        "width": largest_width,
        "height": round(largest_width * int(image.height) / int(image.width)),
    }

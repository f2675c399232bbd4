"""Responsive renditions of news photos (jeiweb/content/renditions.py)."""

from django import template

from jeiweb.content.renditions import picture

register = template.Library()

WIDTHS = (480, 800, 1200)


@register.inclusion_tag("news/includes/picture.html")
def news_picture(image, alt, sizes="100vw", lazy=True):
    """A <picture>: WebP renditions for browsers that take them, JPEG (or PNG) for the others, with
    explicit width and height (no layout shift) and lazy loading below the fold."""
    return picture(image, alt, WIDTHS, sizes, lazy)

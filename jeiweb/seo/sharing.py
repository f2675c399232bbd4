"""Sharing a page to WeChat: its QR code, drawn on our server with segno (nothing from another origin).

WeChat has no share link for the web: a parent scans the code on a computer screen, or opens
the page in WeChat and forwards it. The code is an inline SVG, so a page needs no extra
request, and it is cached per URL (drawing one takes about a millisecond, but pages repeat).
"""

from functools import lru_cache

import segno
from django.utils.html import escape
from django.utils.safestring import mark_safe


@lru_cache(maxsize=512)
def qr_svg(url, label):
    """An inline SVG QR code of `url`, labelled for screen readers (`label`), with a quiet zone."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, omitsize=True, dark="#000", light="#fff", svgclass="qr", lineclass=None)
    # An image with a name: screen readers announce "QR code…" rather than skip an unnamed SVG.
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    return mark_safe(svg)  # noqa: S308 — segno's own markup and our escaped label

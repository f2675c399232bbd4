"""schema.org data (JSON-LD) for search engines, built from what the page itself shows.

The institute, breadcrumbs and the `<script>` element live here; each app describes its own
objects (pages/structured_data.py: programmes; news/structured_data.py: articles and events).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

SCHEMA = "https://schema.org"


def address(city, country_code):
    return {"@type": "PostalAddress", "addressLocality": city, "addressCountry": country_code}


def institute_reference(request):
    """The institute named where another item refers to it (provider, publisher, organiser)."""
    return {
        "@type": "CollegeOrUniversity",
        "name": _("CQMU–UoL Joint Educational Institute"),
        "url": request.build_absolute_uri(reverse("pages-root")),
    }


def institute(request, contact_points=()):
    """The institute as a CollegeOrUniversity, with both universities as its parents.

    `contact_points` are schema.org ContactPoint items that the caller (an app) provides:
    the core knows no app's models."""
    data = {
        "@context": SCHEMA,
        "@type": "CollegeOrUniversity",
        "name": _("CQMU–UoL Joint Educational Institute"),
        "url": request.build_absolute_uri(reverse("pages-root")),
        "address": address(_("Chongqing"), "CN"),
        "parentOrganization": [
            {
                "@type": "CollegeOrUniversity",
                "name": _("Chongqing Medical University"),
                "address": address(_("Chongqing"), "CN"),
            },
            {
                "@type": "CollegeOrUniversity",
                "name": _("University of Leicester"),
                "address": address(_("Leicester"), "GB"),
            },
        ],
    }
    if contact_points:
        data["contactPoint"] = list(contact_points)
    return data


def breadcrumb_list(request, items):
    """A BreadcrumbList of (name, path) items, from the home page down to the page itself."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": request.build_absolute_uri(url),
            }
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def plain(html, words=60):
    """Rich text as a plain description: tags dropped, at most `words` words."""
    return Truncator(strip_tags(html or "")).words(words)


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script(data):
    """`data` as a JSON-LD block: `<`, `>` and `&` escaped, so text can never close the element."""
    json_text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_text))

"""schema.org data (JSON-LD) for search engines, built from what the page itself shows."""

from cms.models import Page
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

SCHEMA = "https://schema.org"


def address(city, country_code):
    return {"@type": "PostalAddress", "addressLocality": city, "addressCountry": country_code}


def institute(request):
    """The institute as a CollegeOrUniversity, with both universities as its parents."""
    return {
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


def breadcrumb_list(request, page, extra=()):
    """Home, the page's ancestors and the page; `extra` adds (name, url) items below it."""
    language = get_language()
    trail = []
    home = Page.objects.filter(is_home=True, site_id=page.site_id).first()
    if home and home != page:
        trail.append(home)
    trail.extend(ancestor for ancestor in page.get_ancestor_pages() if ancestor != home)
    trail.append(page)
    items = [(item.get_menu_title(language), item.get_absolute_url(language)) for item in trail]
    items.extend(extra)
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": request.build_absolute_uri(url)}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }

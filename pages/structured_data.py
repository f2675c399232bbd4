"""schema.org data (JSON-LD) for search engines, built from what the page itself shows."""

from django.urls import reverse
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


def programme(request, programme):
    """A programme as an EducationalOccupationalProgram, with what its page says of it."""
    data = {
        "@context": SCHEMA,
        "@type": "EducationalOccupationalProgram",
        "name": programme.title,
        "description": programme.summary,
        "url": request.build_absolute_uri(programme.get_absolute_url()),
        "educationalLevel": programme.get_level_display(),
        "educationalCredentialAwarded": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "degree",
            "name": programme.get_award_display(),
            "recognizedBy": [
                {"@type": "CollegeOrUniversity", "name": str(name)}
                for name in programme.awarding_universities
            ],
        },
        "programPrerequisites": programme.get_entry_route_display(),
        "provider": institute_reference(request),
    }
    if programme.duration_years:
        data["timeToComplete"] = f"P{programme.duration_years}Y"
    if programme.places:
        data["maximumEnrollment"] = programme.places
    return data

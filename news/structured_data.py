"""schema.org data (JSON-LD) for articles and events, from what their pages show."""

from django.utils.translation import get_language

from jeiweb.i18n import bcp47
from jeiweb.seo.structured_data import SCHEMA, institute_reference, plain


def article(request, article):
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": article.publication_start.isoformat(),
        "dateModified": max(article.modified, article.publication_start).isoformat(),
        "inLanguage": bcp47(get_language()),
        "publisher": institute_reference(request),
        "author": institute_reference(request),
    }
    if article.featured_image:
        data["image"] = request.build_absolute_uri(article.featured_image.url)
    return data


def event(request, event):
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "description": plain(event.description),
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": institute_reference(request),
        "inLanguage": bcp47(get_language()),
    }
    if event.location:
        data["location"] = {"@type": "Place", "name": event.location, "address": event.location}
    return data

"""Template filters and tags for the college's data: dates, contact points, the enquiry form."""

from django import template
from django.utils.translation import get_language

from pages.dates import year_display
from pages.forms import EnquiryForm
from pages.models import display_contact_points, schema_contact_point

register = template.Library()

register.filter("year_display", year_display)


def contact_points_of_page(context):
    """The contact points a page shows, read once per render: the footer and the JSON-LD both
    ask (a page is rendered once per content change; the page cache replays it)."""
    request = context.get("request")
    language = get_language()
    read = getattr(request, "contact_points", {})
    if language not in read:
        read[language] = display_contact_points(language)
        if request is not None:
            request.contact_points = read
    return read[language]


@register.simple_tag(takes_context=True)
def contact_point(context, kind):
    """The office of this kind ("admissions", "institute") with something to show, else None."""
    return next((data for data in contact_points_of_page(context) if data["kind"] == kind), None)


@register.simple_tag(takes_context=True)
def contact_points_schema(context):
    """The contact points as schema.org ContactPoint items, for the institute's JSON-LD."""
    return [schema_contact_point(data) for data in contact_points_of_page(context)]


@register.inclusion_tag("pages/includes/enquiry_form.html")
def enquiry_form(programme=None):
    """The enquiry form, with a programme chosen already on that programme's page."""
    initial = {"programme": programme.pk} if programme is not None else None
    return {"form": EnquiryForm(initial=initial, language=get_language())}

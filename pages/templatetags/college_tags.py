"""Template filters and tags for the college's data: dates, contact points, the enquiry form."""

from django import template
from django.utils.translation import get_language

from pages.dates import year_display
from pages.forms import EnquiryForm
from pages.models import contact_point_of, display_contact_points, schema_contact_point

register = template.Library()

register.filter("year_display", year_display)


@register.simple_tag
def contact_point(kind):
    """The office of this kind ("admissions", "institute") with something to show, else None.

    Read from the cache (pages/models/contact.py): the footer asks on every page."""
    return contact_point_of(kind, get_language())


@register.simple_tag
def contact_points_schema():
    """The contact points as schema.org ContactPoint items, for the institute's JSON-LD."""
    return [schema_contact_point(data) for data in display_contact_points(get_language())]


@register.inclusion_tag("pages/includes/enquiry_form.html")
def enquiry_form(programme=None):
    """The enquiry form, with a programme chosen already on that programme's page."""
    initial = {"programme": programme.pk} if programme is not None else None
    return {"form": EnquiryForm(initial=initial, language=get_language())}

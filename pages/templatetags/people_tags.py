"""A person's portrait: square renditions cropped around the editor's focal point, or our own
neutral placeholder where there is no photo."""

from django import template

from jeiweb.content.renditions import picture

register = template.Library()

# A portrait is shown at most 10rem wide on a card and 15rem on a person's page (2x screens).
PORTRAIT_WIDTHS = (160, 320, 480)


@register.inclusion_tag("pages/people/includes/portrait.html")
def portrait(person, sizes="10rem", lazy=True):
    """The person's photo as a square <picture> (lazy below the fold), or the placeholder."""
    image = person.photo if person.photo_id else None
    context = picture(image, person.display_name, PORTRAIT_WIDTHS, sizes, lazy, aspect=1)
    context.update(person=person, lazy=lazy)
    return context

"""Template filters for the college's data: dates at their precision, shares of a whole."""

import datetime

from django import template

from pages.models import DatePrecision, format_precise_date

register = template.Library()


@register.filter
def year_display(year):
    """A year in the reader's language: "2018", "2018年"."""
    return format_precise_date(datetime.date(int(year), 1, 1), DatePrecision.YEAR)

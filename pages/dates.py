"""Dates known only as precisely as the sources know them: a year, a month or a day.

Plain functions, used by the models, the views and (wrapped) the template tags.
"""

import datetime

from django.db import models
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


def format_precise_date(date, precision):
    """A date written only as precisely as it is known, in the active language.

    The formats are translatable strings, so that Chinese reads "1993年10月" where English
    reads "October 1993".
    """
    if precision == DatePrecision.YEAR:
        fmt = pgettext("date at year precision", "Y")
    elif precision == DatePrecision.MONTH:
        fmt = pgettext("date at month precision", "F Y")
    else:
        fmt = pgettext("date at day precision", "j F Y")
    return dateformat.format(date, fmt)


def iso_precise_date(date, precision):
    """The value of a <time datetime> attribute: "2018", "1993-10" or "2024-05-12"."""
    return {
        DatePrecision.YEAR: f"{date.year:04d}",
        DatePrecision.MONTH: f"{date.year:04d}-{date.month:02d}",
    }.get(precision, date.isoformat())


def year_display(year):
    """A year in the reader's language: "2018", "2018年"."""
    return format_precise_date(datetime.date(int(year), 1, 1), DatePrecision.YEAR)

"""Template filters for the college's data (plain functions of pages/dates.py)."""

from django import template

from pages.dates import year_display

register = template.Library()

register.filter("year_display", year_display)

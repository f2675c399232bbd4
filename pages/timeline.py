"""The milestones timeline in pages of bounded size, so that a long story costs no more to show
than a short one.

A page holds at most `PAGE_SIZE` milestones and, where it can, whole years: a year starts a new
page when it would not fit on the current one, and only a year with more milestones than a page
holds is cut. The seed story (14 milestones, 1993–2024) is one page, as it always was.

The layout is worked out from the milestones' years alone (one small query) and kept until the
content next changes, so that a page costs one query for its own milestones whatever the length
of the story. Pages are found by number (`?page=2`) or by a year (`?year=2005`, the page where
that year begins): a year is the stable address, since page numbers shift as the story grows and
differ between the languages (an untranslated milestone is left out of that language).
"""

from dataclasses import dataclass
from itertools import groupby

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from jeiweb.cache.pages import per_version
from pages.dates import year_display
from pages.models import Milestone

PAGE_SIZE = 50


@dataclass(frozen=True)
class TimelinePage:
    number: int
    start: int  # the position of its first milestone in the chronological list
    size: int
    first_year: int
    last_year: int
    continued: bool = False  # it begins in a year that the page before began

    @property
    def label(self):
        if self.first_year == self.last_year:
            label = year_display(self.first_year)
        else:
            label = _("%(first)s–%(last)s") % {
                "first": year_display(self.first_year),
                "last": year_display(self.last_year),
            }
        return _("%(years)s (continued)") % {"years": label} if self.continued else label

    def milestones(self, queryset):
        return queryset[self.start : self.start + self.size]


def layout(years, page_size=PAGE_SIZE):
    """The pages of a chronological list of milestones, given each one's year."""
    pages, start, current = [], 0, []

    def close():
        nonlocal start, current
        if current:
            continued = bool(pages) and pages[-1].last_year == current[0]
            pages.append(
                TimelinePage(len(pages) + 1, start, len(current), current[0], current[-1], continued)
            )
            start, current = start + len(current), []

    for _year, run in groupby(years):
        run = list(run)
        if len(current) + len(run) > page_size:
            close()
        while len(run) > page_size:  # a year longer than a page fills pages of its own
            current = run[:page_size]
            close()
            run = run[page_size:]
        current += run
    close()
    return pages


def timeline_pages(language, category=""):
    """The pages of the timeline in `language`, optionally of one category (kept per content version)."""

    def compute():
        milestones = Milestone.objects.visible(language).chronological()
        if category:
            milestones = milestones.filter(category=category)
        return layout(milestones.values_list("date__year", flat=True))

    return per_version(f"timeline-pages:{language}:{category}", compute)


def whole_number(value):
    # ASCII digits only: "²".isdigit() is true, and int() refuses it.
    if not (value.isascii() and value.isdigit()):
        raise Http404(_("There is no such page of the timeline."))
    return int(value)


def find_page(pages, page=None, year=None):
    """The page asked for by number or by year; None when the timeline is empty. A page number
    that is not one, or past the end, is a 404; a year past the end is the last page."""
    if page:
        number = whole_number(page)
        if not 1 <= number <= max(len(pages), 1):
            raise Http404(_("There is no such page of the timeline."))
        return pages[number - 1] if pages else None
    if year:
        wanted = whole_number(year)
        return next((found for found in pages if found.last_year >= wanted), pages[-1] if pages else None)
    return pages[0] if pages else None


def nearby(pages, current, on_each_side=2, on_ends=1):
    """The pages to link to from `current`: the first and last, and those around it; None marks
    a gap. (A long story would otherwise put dozens of links above the timeline on a phone.)"""
    numbers = Paginator(range(len(pages)), 1).get_elided_page_range(
        current.number, on_each_side=on_each_side, on_ends=on_ends
    )
    return [pages[number - 1] if number != Paginator.ELLIPSIS else None for number in numbers]

"""Charts drawn on our server as SVG: no script, no library, legible on a 390 px phone.

The lowest rank admitted over the years is drawn with its axis inverted: rank 1 (the best) is
at the top, so a line going up means a programme admitting better-placed candidates. The page
says so under the chart, and the table beside it is the chart's full text alternative.
"""

import math

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# The drawing's own units; it scales to the width of its container (a phone: about 350 px).
WIDTH, HEIGHT = 360, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 36
TICKS = 4


def nice_step(span, ticks=TICKS):
    """A round step (1, 2 or 5 × 10ⁿ) that divides `span` into about `ticks` parts."""
    raw = max(span, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= raw)


def rank_scale(ranks):
    """(best, worst, step): the axis from a round number above the best rank to one below the worst."""
    step = nice_step(max(ranks) - min(ranks))
    best = max(step * math.floor(min(ranks) / step), 0)
    worst = step * math.ceil(max(ranks) / step)
    if worst == best:
        worst = best + step
    return best, worst, step


def rank_chart(points, title, description):
    """The SVG of (year, rank) `points` (two or more), titled for screen readers."""
    years = [year for year, _rank in points]
    ranks = [rank for _year, rank in points]
    best, worst, step = rank_scale(ranks)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    # Coordinates as text with one decimal (format_html escapes its arguments to strings).
    def x(year):
        span = max(years[-1] - years[0], 1)
        return f"{LEFT + (year - years[0]) * plot_width / span:.1f}"

    def y(rank, shift=0):  # inverted: the best rank at the top
        return f"{TOP + (rank - best) * plot_height / (worst - best) + shift:.1f}"

    grid = format_html_join(
        "",
        '<line class="chart__grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<text class="chart__label" x="{}" y="{}" text-anchor="end">{}</text>',
        (
            (LEFT, WIDTH - RIGHT, y(rank), y(rank), LEFT - 6, y(rank, shift=4), rank)
            for rank in range(best, worst + 1, step)
        ),
    )
    # Every year on a short axis; on a long one every other year, so that labels never overlap.
    every = 1 if len(years) <= 6 else 2
    year_labels = format_html_join(
        "",
        '<text class="chart__label" x="{}" y="{}" text-anchor="middle">{}</text>',
        ((x(year), HEIGHT - 12, year) for i, year in enumerate(years) if i % every == 0 or year == years[-1]),
    )
    line = " ".join(f"{x(year)},{y(rank)}" for year, rank in points)
    dots = format_html_join(
        "", '<circle class="chart__dot" cx="{}" cy="{}" r="4"/>', ((x(yr), y(rk)) for yr, rk in points)
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="rank-chart-title rank-chart-desc"'
        ' xmlns="http://www.w3.org/2000/svg">'
        '<title id="rank-chart-title">{}</title><desc id="rank-chart-desc">{}</desc>'
        '{}{}<polyline class="chart__line" points="{}"/>{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        description,
        grid,
        year_labels,
        mark_safe(line),  # numbers only
        dots,
    )

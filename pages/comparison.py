"""The comparison of the programmes: only the facts that tell them apart.

A fact that is the same for every programme (all are dual degrees...) says nothing in a
comparison: it is listed once below the table instead. A fact no programme has yet (fees
before staff enter them) is left out altogether.
"""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pages.models import University


@dataclass
class Row:
    label: str
    cells: list


NOT_PUBLISHED = _("Not published yet")
NONE_LISTED = _("None listed yet")


def day(date):
    return date_format(date, "DATE_FORMAT") if date else ""


def degree_of(programme, university):
    return next((d.name for d in programme.degrees if d.university == university), "")


def accreditations_of(programme):
    return str(_("; ")).join(
        _("%(title)s (%(date)s)") % {"title": a.title, "date": a.date_display}
        for a in programme.accreditations.all()
    )


def cost_of(programme):
    """The whole programme's cost in yuan (and pounds), with the rate's date; "" before staff enter it.
    Reads `programme.published_costs` (the list view prefetches it, latest year of entry first)."""
    costs = getattr(programme, "published_costs", None)
    if not costs:
        return ""
    cost = costs[0]
    total = cost.total
    return _("%(cny)s yuan (£%(gbp)s at the rate of %(date)s)") % {
        "cny": total.cny_display,
        "gbp": total.gbp_display,
        "date": day(cost.rate_date),
    }


def fact_rows(programmes):
    """Every comparable fact, as (label, values): a value of "" is a fact not entered yet."""
    rows = [
        (_("Level"), [p.get_level_display() for p in programmes]),
        (_("Length of study"), [p.duration_display for p in programmes]),
    ]
    for university, label in University.choices:
        rows.append(
            (
                _("Degree from %(university)s") % {"university": label},
                [degree_of(p, university) for p in programmes],
            )
        )
    rows += [
        (_("Entry route"), [p.get_entry_route_display() for p in programmes]),
        (_("Language of instruction"), [p.language_of_instruction for p in programmes]),
        (_("Annual tuition"), [p.tuition_display for p in programmes]),
        (_("Places per year"), [str(p.places or "") for p in programmes]),
        (_("Whole cost of study"), [cost_of(p) for p in programmes]),
        (_("Application deadline"), [day(p.application_closes) for p in programmes]),
        (_("Programme starts"), [day(p.starts_on) for p in programmes]),
    ]
    return rows


def compare(programmes):
    """(rows that differ, facts shared by all) for the comparison table of `programmes`."""
    differing, shared = [], []
    for label, values in fact_rows(programmes):
        values = [str(value) for value in values]
        if not any(values):
            continue
        if len(programmes) > 1 and len(set(values)) == 1:
            shared.append(Row(label, values[:1]))
            continue
        differing.append(Row(label, [value or NOT_PUBLISHED for value in values]))
    accreditations = [accreditations_of(p) for p in programmes]
    if any(accreditations):
        differing.append(Row(_("Accreditation"), [value or NONE_LISTED for value in accreditations]))
    return differing, shared

"""A programme's admissions table as a visitor reads it: one province, one track, a row per year.

The page, its CSV and its JSON are three renderings of the one `AdmissionsTable`: the same
columns, the same rows, the same values (the margin over the control line computed once, here).
"""

import csv
import io
import json
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pages.models import AdmissionRecord, AdmissionsCharter, CostOfStudy, Province, Track

# (attribute, column heading): the table's columns, in order, after the year.
COLUMNS = (
    ("planned_places", _("Planned places")),
    ("admitted", _("Admitted")),
    ("highest_score", _("Highest score")),
    ("average_score", _("Average score")),
    ("lowest_score", _("Lowest score")),
    ("control_line", _("Control line")),
    ("margin", _("Margin over the line")),
    ("lowest_rank", _("Lowest rank")),
)


def cell(name, value):
    """A value as the table, the CSV and the chart's text show it ("" where not published)."""
    if value is None:
        return ""
    if name == "margin":
        return f"+{value}" if value > 0 else str(value).replace("-", "−")
    return str(value)


def number(value):
    """A value for JSON: a whole number, a decimal score as a number, or null."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


@dataclass
class Choice:
    """The province and track in the address, checked against the records they name."""

    province: Province | None
    track: str

    @classmethod
    def read(cls, query, provinces):
        """From `?province=chongqing&track=physics`; an unknown value is no choice, not an error."""
        province = next((p for p in provinces if p.key == query.get("province")), None)
        track = query.get("track", "")
        if province is None:
            return cls(None, "")
        if track not in province.tracks:
            track = province.tracks[0]
        return cls(province, track)

    @property
    def query(self):
        return {"province": self.province.key, "track": self.track} if self.province else {}

    def track_label(self):
        return Track(self.track).label if self.track else ""


@dataclass
class AdmissionsTable:
    programme: object
    choice: Choice
    records: list

    @classmethod
    def of(cls, programme, choice, now=None):
        records = []
        if choice.province:
            records = list(AdmissionRecord.objects.table(programme, choice.province, choice.track, now))
        return cls(programme, choice, records)

    @property
    def headings(self):
        return [_("Year"), *(label for _name, label in COLUMNS)]

    @property
    def rows(self):
        """Each year's cells as strings, year first."""
        return [
            [str(r.year), *(cell(name, getattr(r, name)) for name, _label in COLUMNS)] for r in self.records
        ]

    @property
    def ranks(self):
        """(year, lowest rank) of the years that published one: the chart's points."""
        return [(r.year, r.lowest_rank) for r in self.records if r.lowest_rank is not None]

    def as_csv(self):
        """UTF-8 with a byte-order mark, so that Excel reads the Chinese."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([str(heading) for heading in self.headings])
        writer.writerows(self.rows)
        return "\ufeff" + out.getvalue()

    def as_json(self):
        data = {
            "programme": str(self.programme),
            "province": str(self.choice.province or ""),
            "track": str(self.choice.track_label()),
            "columns": {"year": str(_("Year")), **{name: str(label) for name, label in COLUMNS}},
            "rows": [
                {"year": r.year, **{name: number(getattr(r, name)) for name, _label in COLUMNS}}
                for r in self.records
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=1)


def has_records(programme, now=None):
    return AdmissionRecord.objects.visible(now=now).filter(programme=programme).exists()


def latest_places(programme, province, now=None):
    """The latest published year's records of `province` (one per track), for the programme page."""
    records = AdmissionRecord.objects.visible(now=now).filter(programme=programme, province=province)
    latest = list(records.order_by("-year", "track")[:5])
    return [record for record in latest if record.year == latest[0].year] if latest else []


def latest_charter(language=None):
    charters = AdmissionsCharter.objects.visible(language or get_language()).prefetch_related("translations")
    return charters.order_by("-year").first()


def admissions_box(programme, query, now=None):
    """What a programme's page shows of admissions: a choice of province (in the address) with
    that province's places of the latest year, the whole cost of study and the charter."""
    box = {"cost": CostOfStudy.objects.current_for(programme, now), "charter": latest_charter()}
    if not programme.is_gaokao:
        return box
    provinces = list(Province.objects.prefetch_related("translations"))
    choice = Choice.read(query, provinces)
    latest = latest_places(programme, choice.province, now) if choice.province else []
    return {
        **box,
        "admission_provinces": provinces,
        "admission_choice": choice,
        "latest_places": latest,
        "admissions_published": bool(latest) or has_records(programme, now),
    }

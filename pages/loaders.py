"""The college's loader: its records from the YAML files in `fixtures/college/`.

It follows the core's loader rules (jeiweb/content/loading.py): a record is recognised by its
natural key (`key`; a question by its English wording and programme; a snapshot by its date;
a committee post names its person by theirs), one that exists already is left as it is, so
running the loader twice changes nothing and staff edits are kept; every record passes
`full_clean()` (the rules of the admin) before it is saved.
`STEPS` says, per model, which file it is read from, how a record is recognised, and which
records are created with it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from jeiweb.content.loading import create_translated, ignore, read_records
from pages import models

COLLEGE_DIR = settings.BASE_DIR / "fixtures" / "college"


def parse_precise_date(value):
    """A date as the fixtures write it, with its precision: 2018, "1993-10" or 2024-05-12."""
    if isinstance(value, datetime.date):
        return value, models.DatePrecision.DAY
    text = str(value)
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), models.DatePrecision.YEAR
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], 1), models.DatePrecision.MONTH
    return datetime.date(*parts), models.DatePrecision.DAY


# How a record of a file is found in the database (on a record whose references are resolved).
def by_key(record):
    return {"key": record["key"]}


def by_question(record):
    """Questions have no key to keep: their English wording (and programme) is theirs."""
    question = record["translations"]["en"]["question"]
    return {"programme": record.get("programme"), "translations__question": question}


def by_date(record):
    """There is one snapshot of each kind per date."""
    return {"date": record["date"]}


def by_date_and_programme(record):
    return {"date": record["date"], "programme": record.get("programme")}


@dataclass(frozen=True)
class Parts:
    """Records created with their parent, listed under `name` in its fixture record."""

    name: str
    model: type
    parent: str
    # Numbered by their place in the list (the `order` field), where the model has one.
    ordered: bool = False


@dataclass(frozen=True)
class Step:
    """One model of the college, loaded from `fixtures/college/<file>.yaml`."""

    file: str
    model: type
    identity: Callable[[dict], dict]
    parts: tuple[Parts, ...] = ()
    ordered: bool = False
    # Newer than the other files: a directory without it (an older copy) loads the rest.
    optional: bool = False


DEGREES = Parts("degrees", models.DegreeAward, "programme")
CURRICULUM = Parts("curriculum", models.CurriculumStage, "programme", ordered=True)
POSTS = Parts("posts", models.Post, "committee", ordered=True)

STEPS = (
    Step("programmes", models.Programme, by_key, parts=(DEGREES, CURRICULUM)),
    Step("faqs", models.Faq, by_question, ordered=True, optional=True),
    Step("schools", models.School, by_key, ordered=True, optional=True),
    Step("people", models.Person, by_key, optional=True),
    Step("committees", models.Committee, by_key, parts=(POSTS,)),
    Step("resources", models.LearningResource, by_key),
    Step("accreditations", models.Accreditation, by_key),
    Step("milestones", models.Milestone, by_key),
    Step("contact_points", models.ContactPoint, by_key, optional=True),
    Step("teaching_staff", models.TeachingStaffProfile, by_date),
    Step("students", models.StudentBody, by_date_and_programme),
    # Reference data for the admissions tables (the tables themselves are imported by staff).
    Step("provinces", models.Province, by_key, optional=True),
)


def resolved(record):
    """The record with its fixture notations turned into values: a programme's key into the
    programme, a date into the date and its precision."""
    record = dict(record)
    if "programme" in record:
        key = record["programme"]
        record["programme"] = models.Programme.objects.get(key=key) if key else None
    for name, model in (("person", models.Person), ("school", models.School)):
        if name in record:
            record[name] = model.objects.get(key=record[name]) if record[name] else None
    if "date" in record:
        record["date"], record["date_precision"] = parse_precise_date(record["date"])
    return record


def create(model, record, **fields):
    """A new record (and its text in every language) from its fixture record; a record
    without text (a committee post: its words are its person's) is validated and saved alone."""
    record = dict(record)
    if "translations" not in record:
        instance = model(**record, **fields)
        instance.full_clean()
        instance.save()
        return instance
    return create_translated(model, record.pop("translations"), **record, **fields)


def create_parts(parts, parent, entries):
    for order, entry in enumerate(entries):
        create(
            parts.model,
            resolved(entry),
            **{parts.parent: parent},
            **({"order": order} if parts.ordered else {}),
        )


def load_step(step, directory, log):
    """Create the records of one file that do not exist yet (with their parts); returns how many."""
    path = directory / f"{step.file}.yaml"
    if step.optional and not path.exists():
        return 0
    created = 0
    for order, entry in enumerate(read_records(path)):
        record = resolved(entry)
        if step.model.objects.filter(**step.identity(record)).exists():
            continue
        parts = {part: record.pop(part.name, []) for part in step.parts}
        instance = create(step.model, record, **({"order": order} if step.ordered else {}))
        for part, entries in parts.items():
            create_parts(part, instance, entries)
        created += 1
        log(f"Created {step.model._meta.verbose_name} {instance}")
    return created


@transaction.atomic
def load_college_data(directory=COLLEGE_DIR, log=ignore):
    """Create every record of `fixtures/college/` that does not exist yet; returns how many."""
    return sum(load_step(step, directory, log) for step in STEPS)

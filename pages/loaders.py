"""Writes with rules: the college's records from the YAML files in `fixtures/college/`.

Each record is recognised by its natural key (`key`, or its parent and its position); one
that exists already is left as it is, so running the loader twice changes nothing and staff
edits are kept. Every record passes `full_clean()` (the rules of the admin) before it is saved.
"""

import datetime
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from jeiweb.i18n import language_codes
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


def read(name, directory: Path = COLLEGE_DIR):
    with (directory / f"{name}.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f) or []


def build(model, translations, **fields):
    """A new, validated and saved record with its text in every language."""
    if "date" in fields:
        fields["date"], fields["date_precision"] = parse_precise_date(fields["date"])
    instance = model(**fields)
    missing = set(language_codes()) - set(translations)
    if missing:
        raise ValueError(f"{model.__name__} {fields}: no text in {', '.join(sorted(missing))}")
    for language in language_codes():
        instance.set_current_language(language)
        for name, value in translations[language].items():
            setattr(instance, name, value)
    instance.set_current_language(settings.LANGUAGE_CODE)
    instance.full_clean()
    for language in language_codes():
        instance._get_translated_model(language).full_clean(exclude=["master"])
    instance.save()
    return instance


class CollegeLoader:
    def __init__(self, directory=COLLEGE_DIR, log=lambda message: None):
        self.directory = directory
        self.log = log
        self.created = 0

    def read(self, name):
        return read(name, self.directory)

    def keyed(self, model, entry, **extra):
        """The record of `entry["key"]`, created from `entry` when it does not exist yet."""
        entry = dict(entry)
        existing = model.objects.filter(key=entry["key"]).first()
        if existing is not None:
            return existing, False
        instance = build(model, entry.pop("translations"), **entry, **extra)
        self.created += 1
        self.log(f"Created {model._meta.verbose_name} {instance.key}")
        return instance, True

    def programme(self, key):
        return models.Programme.objects.get(key=key) if key else None

    def load(self):
        for entry in self.read("programmes"):
            entry = dict(entry)
            degrees = entry.pop("degrees", [])
            curriculum = entry.pop("curriculum", [])
            programme, created = self.keyed(models.Programme, entry)
            if created:
                for degree in degrees:
                    degree = dict(degree)
                    build(models.DegreeAward, degree.pop("translations"), programme=programme, **degree)
                for order, stage in enumerate(curriculum):
                    build(models.CurriculumStage, stage["translations"], programme=programme, order=order)
        self.faqs()
        for entry in self.read("committees"):
            entry = dict(entry)
            members = entry.pop("members", [])
            committee, created = self.keyed(models.Committee, entry)
            if created:
                for order, member in enumerate(members):
                    member = dict(member)
                    build(
                        models.CommitteeMember,
                        member.pop("translations"),
                        committee=committee,
                        order=order,
                        **member,
                    )
        for entry in self.read("resources"):
            self.keyed(models.LearningResource, entry)
        for entry in self.read("accreditations"):
            entry = dict(entry)
            self.keyed(models.Accreditation, entry, programme=self.programme(entry.pop("programme", None)))
        for entry in self.read("milestones"):
            entry = dict(entry)
            self.keyed(models.Milestone, entry, programme=self.programme(entry.pop("programme", None)))
        # Newer than the other files: a directory without it (an older copy) loads the rest.
        if (self.directory / "contact_points.yaml").exists():
            for entry in self.read("contact_points"):
                self.keyed(models.ContactPoint, entry)
        self.snapshots()
        return self.created

    def faqs(self):
        """Questions are recognised by their English wording (and programme): no key to keep."""
        if not (self.directory / "faqs.yaml").exists():  # a data set without questions
            return
        for order, entry in enumerate(self.read("faqs")):
            entry = dict(entry)
            programme = self.programme(entry.pop("programme", None))
            question = entry["translations"]["en"]["question"]
            existing = models.Faq.objects.filter(programme=programme, translations__question=question)
            if existing.exists():
                continue
            build(models.Faq, entry.pop("translations"), programme=programme, order=order, **entry)
            self.created += 1

    def snapshots(self):
        """Snapshots are recognised by their date: there is one of each kind per date."""
        for entry in self.read("teaching_staff"):
            entry = dict(entry)
            date, _precision = parse_precise_date(entry["date"])
            if models.TeachingStaffProfile.objects.filter(date=date).exists():
                continue
            schools = entry.pop("schools", [])
            profile = build(models.TeachingStaffProfile, entry.pop("translations"), **entry)
            for order, school in enumerate(schools):
                build(models.SourceSchool, school["translations"], profile=profile, order=order)
            self.created += 1
        for entry in self.read("students"):
            entry = dict(entry)
            date, _precision = parse_precise_date(entry["date"])
            programme = self.programme(entry.pop("programme", None))
            if models.StudentBody.objects.filter(date=date, programme=programme).exists():
                continue
            build(models.StudentBody, entry.pop("translations"), programme=programme, **entry)
            self.created += 1


@transaction.atomic
def load_college_data(directory=COLLEGE_DIR, log=lambda message: None):
    """Create every record of `fixtures/college/` that does not exist yet; returns how many."""
    return CollegeLoader(directory, log).load()

"""Staff edit the college's records here, in both languages (one tab per language)."""

from django.contrib import admin
from django.db import models as django_models
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableStackedInline, TranslatableTabularInline

from jeiweb.admin.translations import TranslationsAdmin
from jeiweb.content.admin_filters import PublishingStateFilter
from pages import models


class CollegeAdmin(TranslationsAdmin):
    """The college's records."""


class DegreeAwardInline(TranslatableTabularInline):
    """What each university awards: one row per university."""

    model = models.DegreeAward
    extra = 0
    max_num = len(models.University.choices)
    fields = ["university", "name"]


class CurriculumStageInline(TranslatableStackedInline):
    model = models.CurriculumStage
    extra = 0
    fields = ["order", "title", "description"]


class ProgrammeFaqInline(TranslatableStackedInline):
    model = models.Faq
    extra = 0
    fields = ["order", "question", "answer", "status", "publication_start"]


@admin.register(models.Programme)
class ProgrammeAdmin(CollegeAdmin):
    list_display = [
        "__str__",
        "level",
        "award",
        "entry_route",
        "order",
        "state",
        "missing_translations",
    ]
    list_filter = ["level", "award", PublishingStateFilter]
    list_editable = ["order"]
    search_fields = ["key", "translations__title", "translations__summary"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "key", "order"]}),
        (_("Publishing"), {"fields": ["status", "publication_start"]}),
        (
            _("Degree and admission"),
            {"fields": ["level", "award", "awarded_by_cqmu", "awarded_by_uol", "entry_route"]},
        ),
        (_("History"), {"fields": ["approved_in", "launched_in", "first_intake_in"]}),
        (
            _("Facts for applicants (each shown only when filled in)"),
            {
                "fields": [
                    "duration_months",
                    "language_of_instruction",
                    "places",
                    ("tuition_amount", "tuition_currency", "tuition_year"),
                    "entry_subjects",
                    "english_requirements",
                    "clinical_placements",
                    "careers",
                ]
            },
        ),
        (
            _("Key dates of the next intake"),
            {"fields": ["application_opens", "application_closes", "results_on", "starts_on"]},
        ),
        (_("Search"), {"fields": ["synonyms"]}),
    ]
    inlines = [DegreeAwardInline, CurriculumStageInline, ProgrammeFaqInline]

    slug_from = "title"


@admin.register(models.TeachingStaffProfile)
class TeachingStaffProfileAdmin(CollegeAdmin):
    list_display = ["__str__", "core_teachers", "senior_titles", "doctorates", "missing_translations"]
    fieldsets = [
        (None, {"fields": ["date", "date_precision", "note"]}),
        (_("Teams and teachers"), {"fields": ["course_teams", "core_teachers", "source_schools"]}),
        (
            _("Qualifications (counts only: the site computes the shares)"),
            {
                "fields": [
                    "senior_titles",
                    "professors",
                    "associate_professors",
                    "doctorates",
                    "supervisors",
                    "doctoral_supervisors",
                    "masters_supervisors",
                    "overseas_experience",
                ]
            },
        ),
    ]


@admin.register(models.StudentBody)
class StudentBodyAdmin(CollegeAdmin):
    list_display = ["__str__", "programme", "students", "provinces", "intakes", "missing_translations"]


@admin.register(models.LearningResource)
class LearningResourceAdmin(CollegeAdmin):
    list_display = ["__str__", "kind", "order", "missing_translations"]
    list_filter = ["kind"]
    fields = ["key", "kind", "url", "order", "name", "description"]
    # Addresses typed without a scheme are secure ones (Django 6's default).
    formfield_overrides = {django_models.URLField: {"assume_scheme": "https"}}


@admin.register(models.Accreditation)
class AccreditationAdmin(CollegeAdmin):
    list_display = ["__str__", "date", "kind", "programme", "missing_translations"]
    list_filter = ["kind", "programme"]
    search_fields = ["key", "translations__title", "translations__body"]
    date_hierarchy = "date"


@admin.register(models.Milestone)
class MilestoneAdmin(CollegeAdmin):
    list_display = [
        "__str__",
        "date",
        "date_precision",
        "category",
        "programme",
        "state",
        "missing_translations",
    ]
    list_filter = ["category", "date_precision", "programme", PublishingStateFilter]
    search_fields = ["key", "translations__title", "translations__description"]
    date_hierarchy = "date"


@admin.register(models.Faq)
class FaqAdmin(CollegeAdmin):
    list_display = ["__str__", "programme", "order", "status", "missing_translations"]
    list_filter = ["programme", PublishingStateFilter]
    list_editable = ["order", "status"]
    search_fields = ["translations__question", "translations__answer"]


# The contact points and the enquiries inbox, the admissions, and the people, teams and
# committees have their own modules.
from pages import admissions_admin, contact_admin, people_admin  # noqa: E402, F401

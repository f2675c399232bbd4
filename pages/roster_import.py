"""The roster of people, imported from a CSV or Excel file (django-import-export).

One row per person; the columns are `COLUMNS` (a file exported from the admin has them all).
A row is recognised by its `key` (empty: made from the name), so importing the same file
twice changes nothing. The admin shows a dry run first; a bad row is reported with its row
number, in the editor's language, and then nothing of the file is imported (the whole import
is one transaction, rolled back on any invalid row).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources

from jeiweb.content.batching import batched_changes
from jeiweb.i18n.slugs import slug_for
from pages.models import Person, School, Supervision, TitleRank, University

TRUE = {"1", "y", "yes", "true", "x", "是", "有"}
FALSE = {"", "0", "n", "no", "false", "否", "无"}
# Translated columns: (column, field, language).
TEXT_COLUMNS = (
    ("name_en", "name", "en"),
    ("name_zh", "name", "zh-hans"),
    ("title_en", "title", "en"),
    ("title_zh", "title", "zh-hans"),
    ("position_en", "position", "en"),
    ("position_zh", "position", "zh-hans"),
)
CHOICES = {
    "university": ("university", University),
    "title_rank": ("title_rank", TitleRank),
    "supervisor": ("supervision", Supervision),
}
FLAGS = {"core_teacher": "is_core_teacher", "doctorate": "has_doctorate", "overseas": "overseas_experience"}
COLUMNS = ("key", *(c for c, _f, _l in TEXT_COLUMNS), "family_name", "school", *CHOICES, *FLAGS, "email")


def cell(row, column):
    value = row.get(column)
    return "" if value is None else str(value).strip()


def unique_slug(name, language, person):
    """A slug for `name` that no other person has in `language` (a number added if needed)."""
    base = slug_for(name) or "person"
    taken = set(
        Person._parler_meta.root_model.objects.filter(language_code=language, slug__startswith=base)
        .exclude(master_id=person.pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class PersonResource(resources.ModelResource):
    """A person per row: names and titles in both languages, school, and what the teaching
    figures count (core teacher, rank of title, doctorate, supervision, overseas experience)."""

    key = fields.Field(attribute="key", column_name="key")
    # Shown in the dry run's preview (the import itself reads them in import_instance).
    name_en = fields.Field(column_name="name_en", readonly=True)
    name_zh = fields.Field(column_name="name_zh", readonly=True)

    class Meta:
        model = Person
        fields = ("key", "name_en", "name_zh", "family_name", "email")
        import_id_fields = ("key",)
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = False
        report_skipped = False

    def import_data(self, dataset, *args, **kwargs):
        # The page cache starts afresh and the search index is written once for the file, not
        # once per person and translation.
        with batched_changes():
            return super().import_data(dataset, *args, **kwargs)

    def before_import(self, dataset, **kwargs):
        # The key column may be left out: each row's key is then made from the name.
        if "key" not in (dataset.headers or []):
            dataset.append_col([""] * len(dataset), header="key")

    def before_import_row(self, row, **kwargs):
        if not cell(row, "key"):
            row["key"] = slug_for(cell(row, "name_en") or cell(row, "name_zh"), max_length=80)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        errors = {}
        english, chinese = cell(row, "name_en"), cell(row, "name_zh")
        if not (english or chinese):
            errors["name"] = _("Give the person’s name (name_en or name_zh).")
        for column, (field, choices) in CHOICES.items():
            value = cell(row, column).lower()
            labels = {str(label).lower(): code for code, label in choices.choices}
            if value in choices.values or value in labels:
                setattr(instance, field, labels.get(value, value))
            elif value or field == "university":
                errors[field] = _("“%(value)s” is not one of: %(choices)s.") % {
                    "value": cell(row, column),
                    "choices": ", ".join(code for code in choices.values if code),
                }
        for column, field in FLAGS.items():
            value = cell(row, column).lower()
            if value not in TRUE | FALSE:
                errors[field] = _("“%(value)s” in %(column)s: write yes or no.") % {
                    "value": cell(row, column),
                    "column": column,
                }
            setattr(instance, field, value in TRUE)
        school = cell(row, "school")
        if school:
            instance.school = (
                School.objects.filter(key=school).first()
                or School.objects.filter(translations__name=school).first()
            )
            if instance.school is None:
                errors["school"] = _("No school “%(school)s”: use a school’s key or name.") % {
                    "school": school
                }
        if errors:
            raise ValidationError(errors)
        texts = {column: cell(row, column) for column, _f, _l in TEXT_COLUMNS}
        # A name written in one language only (UoL staff: Latin script) is the name in both.
        texts["name_en"], texts["name_zh"] = english or chinese, chinese or english
        for column, field, language in TEXT_COLUMNS:
            instance.set_current_language(language)
            setattr(instance, field, texts[column])
        for language in ("en", "zh-hans"):
            instance.set_current_language(language)
            if not instance.slug:
                instance.slug = unique_slug(instance.name, language, instance)
        instance.set_current_language("en")

    def dehydrate_key(self, person):
        return person.key or ""

    def dehydrate_name_en(self, person):
        return person.safe_translation_getter("name", language_code="en") or ""

    def dehydrate_name_zh(self, person):
        return person.safe_translation_getter("name", language_code="zh-hans") or ""

    def get_user_visible_fields(self):
        """Every column of the file, as the import page lists them (most are read in
        import_instance, not by a field of their own)."""
        declared = {field.column_name: field for field in super().get_user_visible_fields()}
        return [declared.get(column) or fields.Field(column_name=column, readonly=True) for column in COLUMNS]

    def get_export_headers(self, selected_fields=None):
        return list(COLUMNS)

    def export_resource(self, person, selected_fields=None, **kwargs):
        def text(field, language):
            return person.safe_translation_getter(field, language_code=language) or ""

        flags = ["yes" if getattr(person, field) else "no" for field in FLAGS.values()]
        return [
            person.key or "",
            *(text(field, language) for _c, field, language in TEXT_COLUMNS),
            person.family_name,
            person.school.key if person.school_id else "",
            person.university,
            person.title_rank,
            person.supervision,
            *flags,
            person.email,
        ]

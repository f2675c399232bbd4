"""Related records in the admin's lists, filters and forms, read in a constant number of queries.

A translated record's name is in its translation (django-parler): shown in each row of a list,
each choice of a filter or each option of a select, it costs a query per record unless the
translations are read with the records, in one more query (prefetch_related("translations")).
That is done here for every model admin of the site (RelatedRecordsMixin, through
TranslationsAdmin) and every list filter (TranslatedRelatedFilter). A choice among thousands
of records (the news archive, the milestones) is made with an autocomplete instead
(`autocomplete_fields`), so that a form reads only the records already chosen.
"""

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist
from django.db.models.fields.related import RelatedField
from parler.models import TranslatableModel


def is_translated(model):
    return model is not None and issubclass(model, TranslatableModel)


def with_translations(records):
    """A queryset of a translated model with its translations read in one more query."""
    return records.prefetch_related("translations") if is_translated(records.model) else records


class TranslatedRelatedFilter(admin.RelatedFieldListFilter):
    """Filter a list by a related translated record: every choice's name read in two queries."""

    def field_choices(self, field, request, model_admin):
        records = field.remote_field.model._default_manager.complex_filter(field.get_limit_choices_to())
        ordering = self.field_admin_ordering(field, request, model_admin)
        if ordering:
            records = records.order_by(*ordering)
        return [(record.pk, str(record)) for record in with_translations(records)]


def register_translated_filters():
    """Every list filter on a relation to a translated model, in every admin (ours and the
    packages'), uses TranslatedRelatedFilter. Called once, when the admin is ready."""
    admin.FieldListFilter.register(
        lambda field: isinstance(field, RelatedField) and is_translated(field.related_model),
        TranslatedRelatedFilter,
        take_priority=True,
    )


def related_columns(model, list_display):
    """The fields of a list's columns that show one related record (a foreign key)."""
    fields = []
    for name in list_display:
        try:
            field = model._meta.get_field(name) if isinstance(name, str) else None
        except FieldDoesNotExist:
            continue
        if field is not None and (field.many_to_one or field.one_to_one):
            fields.append(field)
    return fields


class RelatedColumnsChangeList(ChangeList):
    """A list whose rows come with the translations of the related records their columns show."""

    def apply_select_related(self, qs):
        qs = super().apply_select_related(qs)
        columns = related_columns(self.model, self.list_display)
        return qs.prefetch_related(
            *[f"{field.name}__translations" for field in columns if is_translated(field.related_model)]
        )


class RelatedRecordsMixin:
    """For a ModelAdmin: related records read with the rows, the choices and the chosen."""

    def get_list_select_related(self, request):
        """The related records the columns show, joined to the rows (Django joins only those
        that cannot be empty by itself)."""
        declared = super().get_list_select_related(request)
        if declared is not False:
            return declared
        return [field.name for field in related_columns(self.model, self.get_list_display(request))] or False

    def get_changelist(self, request, **kwargs):
        return RelatedColumnsChangeList

    def get_field_queryset(self, db, db_field, request):
        """The records a select or an autocomplete offers or shows as chosen, with their
        translations."""
        records = super().get_field_queryset(db, db_field, request)
        if records is None and is_translated(db_field.related_model):
            records = db_field.related_model._default_manager.using(db)
        return None if records is None else with_translations(records)

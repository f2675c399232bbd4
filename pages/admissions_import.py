"""Staff import a programme's admissions table (CSV or Excel) with django-import-export.

The file has one row per programme, year, province and subject track, under the headers of the
template staff download from the admin (`template_dataset`), in English or in Chinese. Every
value is read as staff type it: a province by its English or Chinese name, a track as 物理类 or
"Physics track", a programme by its title in either language or its key.

The import is all or nothing: any bad row (an unknown province, a score above the province's
maximum, a rank that is not a positive whole number, a duplicate row...) refuses the whole file,
each error with its row number, in the editor's language. A file replaces the years it holds:
the rows of those years (for those programmes) are deleted first, in the same transaction.
"""

from decimal import Decimal, InvalidOperation

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import override
from import_export import fields, resources, widgets

from jeiweb.content.batching import batched_changes
from jeiweb.i18n import language_codes
from pages.models import AdmissionRecord, Programme, Province, Track

# (field, English header, Chinese header), in the template's order.
COLUMNS = (
    ("programme", "programme", "专业"),
    ("year", "year", "年份"),
    ("province", "province", "省份"),
    ("track", "track", "科类"),
    ("planned_places", "planned places", "计划数"),
    ("admitted", "admitted", "录取数"),
    ("highest_score", "highest score", "最高分"),
    ("average_score", "average score", "平均分"),
    ("lowest_score", "lowest score", "最低分"),
    ("lowest_rank", "lowest rank", "最低位次"),
    ("control_line", "control line", "省控线"),
)
HEADER_FIELDS = {header.casefold(): name for name, *headers in COLUMNS for header in (name, *headers)}
KEY_FIELDS = ("programme", "year", "province", "track")


def template_dataset(language):
    """The empty template: the headers only, in `language` (Chinese for zh-hans)."""
    chinese = language.startswith("zh")
    return tablib.Dataset(headers=[zh if chinese else en for _name, en, zh in COLUMNS])


def text(value):
    return "" if value is None else str(value).strip()


class LookupWidget(widgets.Widget):
    """A value read by name: `names` maps each accepted (casefolded) spelling to the value."""

    unknown = ""

    def __init__(self):
        super().__init__()
        self.names = {}

    def clean(self, value, row=None, **kwargs):
        typed = text(value)
        if not typed:
            return None
        try:
            return self.names[typed.casefold()]
        except KeyError:
            raise ValueError(self.unknown % {"value": typed}) from None

    def render(self, value, obj=None, **kwargs):
        return str(value or "")


class ProvinceWidget(LookupWidget):
    def clean(self, value, row=None, **kwargs):
        # 重庆市, 四川省, 广西壮族自治区 are what families and files write.
        typed = text(value)
        for suffix in ("省", "市", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区"):
            if typed.endswith(suffix) and typed.removesuffix(suffix).casefold() in self.names:
                typed = typed.removesuffix(suffix)
                break
        return super().clean(typed, row, **kwargs)


def typed_number(value):
    """What a cell holds, without thousands separators, and the number it is (None if it is not one)."""
    typed = text(value).replace(",", "")
    try:
        return typed, Decimal(typed)
    except InvalidOperation:
        return typed, None


class WholeNumberWidget(widgets.Widget):
    """A whole number of at least `minimum`: 12.0 from Excel is 12, but 12.5 is an error."""

    def __init__(self, minimum=0):
        super().__init__()
        self.minimum = minimum

    def clean(self, value, row=None, **kwargs):
        typed, number = typed_number(value)
        if not typed:
            return None
        if number is None or number != number.to_integral_value() or number < self.minimum:
            if self.minimum >= 1:
                raise ValueError(_("“%(value)s” is not a positive whole number.") % {"value": typed})
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": typed})
        return int(number)


class ScoreWidget(widgets.Widget):
    """An average score: a number with at most one decimal."""

    def clean(self, value, row=None, **kwargs):
        typed, number = typed_number(value)
        if not typed:
            return None
        if number is None or number < 0:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": typed})
        return number.quantize(Decimal("0.1"))


def field(name, widget):
    return fields.Field(attribute=name, column_name=name, widget=widget)


class AdmissionRecordResource(resources.ModelResource):
    programme = field("programme", LookupWidget())
    year = field("year", WholeNumberWidget(minimum=2000))
    province = field("province", ProvinceWidget())
    track = field("track", LookupWidget())
    planned_places = field("planned_places", WholeNumberWidget())
    admitted = field("admitted", WholeNumberWidget())
    highest_score = field("highest_score", WholeNumberWidget())
    average_score = field("average_score", ScoreWidget())
    lowest_score = field("lowest_score", WholeNumberWidget())
    lowest_rank = field("lowest_rank", WholeNumberWidget(minimum=1))
    control_line = field("control_line", WholeNumberWidget())

    class Meta:
        model = AdmissionRecord
        fields = [name for name, *_headers in COLUMNS]
        import_id_fields = KEY_FIELDS
        clean_model_instances = True
        skip_unchanged = False
        # The preview lists the rows; a diff of 600 new rows would only slow it down.
        skip_html_diff = True

    def import_data(self, dataset, *args, **kwargs):
        # All or nothing: a file with any bad row changes nothing.
        kwargs["rollback_on_validation_errors"] = True
        # The page cache starts afresh once for the file, not once per row and deleted row.
        with batched_changes():
            return super().import_data(dataset, *args, **kwargs)

    def prepare_lookups(self):
        """What the file's names mean, read once per import (not once per row)."""
        programmes = {}
        for programme in Programme.objects.prefetch_related("translations"):
            programmes[programme.key.casefold()] = programme
            for translation in programme.translations.all():
                programmes[translation.title.casefold()] = programme
        self.fields["programme"].widget.names = programmes
        self.fields["programme"].widget.unknown = _("Unknown programme: “%(value)s”.")
        self.fields["province"].widget.names = Province.objects.by_any_name()
        self.fields["province"].widget.unknown = _("Unknown province: “%(value)s”.")
        tracks = {}
        for language in language_codes():
            with override(language):
                tracks.update({str(label).casefold(): value for value, label in Track.choices})
        tracks.update({value: value for value in Track.values})
        self.fields["track"].widget.names = tracks
        self.fields["track"].widget.unknown = _("Unknown subject track: “%(value)s”.")

    def before_import(self, dataset, **kwargs):
        """Name the columns (English or Chinese headers), then clear the years the file replaces."""
        dataset.headers = [
            HEADER_FIELDS.get(text(header).casefold(), text(header)) for header in dataset.headers
        ]
        self.prepare_lookups()
        self.seen = {}
        replaced = set()
        for row in dataset.dict:
            try:
                programme = self.fields["programme"].widget.clean(row.get("programme"))
                year = self.fields["year"].widget.clean(row.get("year"))
            except ValueError:
                continue  # the row's own error says so; the file will be refused
            if programme and year:
                replaced.add((programme.pk, year))
        for programme_id, year in replaced:
            AdmissionRecord.objects.filter(programme_id=programme_id, year=year).delete()

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's checks, but two that cost a query per row and cannot fail here: that the
        programme and province exist (read by name from this import's lookups), and that no
        other record has the row's key (the file's years were cleared in before_import(), and
        import_instance() finds a row given twice). A blank one is still an error."""
        errors = dict(import_validation_errors or {})
        known = {name for name in ("programme", "province") if getattr(instance, f"{name}_id") is not None}
        try:
            instance.full_clean(exclude=errors.keys() | known, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def get_instance(self, instance_loader, row):
        # The years of the file were cleared in before_import(): every row is a new record.
        return None

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        key = (instance.programme_id, instance.year, instance.province_id, instance.track)
        if all(key) and not errors:
            first = self.seen.setdefault(key, kwargs.get("row_number"))
            if first != kwargs.get("row_number"):
                errors[NON_FIELD_ERRORS] = [
                    ValidationError(
                        _("The same programme, year, province and track as row %(row)s.") % {"row": first}
                    )
                ]
        if errors:
            raise ValidationError(errors)

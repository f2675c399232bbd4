"""Staff import the admissions tables, correct the provinces, and enter the costs and charters."""

from django.contrib import admin
from django.http import HttpResponse
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX
from parler.admin import TranslatableTabularInline

from jeiweb.admin.translations import SiteContentAdmin, TranslationsAdmin
from jeiweb.content.admin_filters import PublishingStateFilter
from pages import models
from pages.admissions_import import AdmissionRecordResource, template_dataset

TEMPLATE_FORMATS = {"csv": CSV, "xlsx": XLSX}


@admin.register(models.Province)
class ProvinceAdmin(TranslationsAdmin):
    """Reference data: correct a province when it reforms its gaokao."""

    list_display = ["__str__", "key", "track_system", "reformed_in", "max_score", "order"]
    list_filter = ["track_system"]
    search_fields = ["key", "translations__name"]
    fields = ["key", "track_system", "reformed_in", "max_score", "order", "name"]


@admin.register(models.AdmissionRecord)
class AdmissionRecordAdmin(ImportMixin, SiteContentAdmin):
    """Rows of the admissions tables: imported a file at a time (the Import button)."""

    resource_classes = [AdmissionRecordResource]
    import_formats = [CSV, XLSX]
    import_template_name = "admin/pages/admissionrecord/import.html"
    list_display = [
        "year",
        "programme",
        "province",
        "track",
        "planned_places",
        "lowest_score",
        "lowest_rank",
        "control_line",
        "margin",
        "state",
    ]
    list_filter = ["programme", "year", "track", "province", PublishingStateFilter]
    list_select_related = ["programme", "province"]
    fields = [
        "programme",
        "year",
        "province",
        "track",
        ("planned_places", "admitted"),
        ("highest_score", "average_score", "lowest_score"),
        ("lowest_rank", "control_line"),
        ("status", "publication_start"),
    ]

    @admin.display(description=_("margin over the control line"))
    def margin(self, record):
        return record.margin

    def has_import_permission(self, request):
        # A file replaces whole years: it adds and deletes rows.
        return self.has_add_permission(request) and self.has_delete_permission(request)

    def get_urls(self):
        template = path(
            "template.<str:extension>",
            self.admin_site.admin_view(self.download_template),
            name="pages_admissionrecord_template",
        )
        return [template, *super().get_urls()]

    def download_template(self, request, extension):
        """The empty file to fill in: the headers, in the editor's language."""
        if extension not in TEMPLATE_FORMATS or not self.has_import_permission(request):
            return HttpResponse(status=404)
        file_format = TEMPLATE_FORMATS[extension]()
        content = file_format.export_data(template_dataset(get_language()))
        if extension == "csv":
            content = "\ufeff" + content  # Excel reads UTF-8 (the Chinese headers) only with a BOM
        response = HttpResponse(content, content_type=file_format.get_content_type())
        response["Content-Disposition"] = f'attachment; filename="admissions-template.{extension}"'
        return response


class CostStageInline(TranslatableTabularInline):
    model = models.CostStage
    extra = 0
    fields = ["order", "title", "years", "currency", "tuition", "accommodation", "living"]


@admin.register(models.CostOfStudy)
class CostOfStudyAdmin(SiteContentAdmin):
    """The whole cost of a programme: the site adds up the stages and converts them."""

    list_display = ["__str__", "intake_year", "gbp_to_cny", "rate_date", "state"]
    list_filter = ["programme", PublishingStateFilter]
    fields = ["programme", "intake_year", ("gbp_to_cny", "rate_date"), ("status", "publication_start")]
    inlines = [CostStageInline]


@admin.register(models.AdmissionsCharter)
class AdmissionsCharterAdmin(TranslationsAdmin):
    list_display = ["__str__", "year", "state", "missing_translations"]
    list_filter = [PublishingStateFilter]
    fields = ["year", "title", "body", "changes_summary", ("status", "publication_start")]

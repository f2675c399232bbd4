"""Staff edit the contact points in both languages and read the enquiries here (the inbox)."""

import csv

from django.contrib import admin, messages
from django.db import models as django_models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from jeiweb.admin.translations import TranslationsAdmin
from jeiweb.content.admin_filters import PublishingStateFilter
from pages import models


@admin.register(models.ContactPoint)
class ContactPointAdmin(TranslationsAdmin):
    list_display = ["__str__", "kind", "phone", "email", "order", "state", "missing_translations"]
    list_filter = ["kind", PublishingStateFilter]
    list_editable = ["order"]
    autocomplete_fields = ["person"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "key", "order"]}),
        (_("Publishing"), {"fields": ["status", "publication_start"]}),
        (
            _("Shown only when filled in"),
            {
                "fields": [
                    "person",
                    "address",
                    "phone",
                    "email",
                    "office_hours",
                    "map_url",
                    "admissions_url",
                    "wechat_account",
                    "wechat_qr",
                ]
            },
        ),
    ]
    formfield_overrides = {django_models.URLField: {"assume_scheme": "https"}}


CSV_COLUMNS = [
    ("created", _("received")),
    ("status", _("status")),
    ("name", pgettext_lazy("person", "name")),
    ("email", _("e-mail")),
    ("phone", _("phone")),
    ("province", _("province")),
    ("programme", _("programme")),
    ("language", _("language")),
    ("question", _("question")),
    ("staff_notes", _("staff notes")),
    ("mail_sent", _("mail sent")),
]


def csv_value(enquiry, name):
    if name == "created":
        return timezone.localtime(enquiry.created).strftime("%Y-%m-%d %H:%M")
    if name in {"status", "province", "language"}:
        return getattr(enquiry, f"get_{name}_display")()
    value = getattr(enquiry, name)
    return "" if value is None else str(value)


@admin.register(models.Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    """The inbox: newest first, filtered by status, programme, province and date."""

    list_display = ["created", "name", "status", "programme", "province", "email", "phone", "mail_sent"]
    list_display_links = ["created", "name"]
    list_filter = [
        "status",
        "programme",
        "province",
        "language",
        "mail_sent",
        ("created", admin.DateFieldListFilter),
    ]
    search_fields = ["name", "email", "phone", "question", "staff_notes"]
    date_hierarchy = "created"
    list_select_related = ["programme"]
    # What the visitor wrote stays as they wrote it; staff set the status and keep notes.
    readonly_fields = [
        "name",
        "email",
        "phone",
        "province",
        "programme",
        "question",
        "language",
        "created",
        "mail_sent",
    ]
    fields = [*readonly_fields, "status", "staff_notes"]
    actions = ["mark_answered", "mark_closed", "export_csv"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("programme__translations")

    def has_add_permission(self, request):
        return False  # enquiries come from visitors

    def _mark(self, request, queryset, status):
        count = queryset.update(status=status)
        label = models.EnquiryStatus(status).label
        self.message_user(
            request,
            ngettext("%(count)d enquiry marked %(status)s.", "%(count)d enquiries marked %(status)s.", count)
            % {"count": count, "status": label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        self._mark(request, queryset, models.EnquiryStatus.ANSWERED)

    @admin.action(description=_("Mark as closed"), permissions=["change"])
    def mark_closed(self, request, queryset):
        self._mark(request, queryset, models.EnquiryStatus.CLOSED)

    @admin.action(description=_("Export as CSV (opens in Excel)"), permissions=["view"])
    def export_csv(self, request, queryset):
        """UTF-8 with a byte order mark: without it Excel reads Chinese as Latin-1 gibberish."""
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"enquiries-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([str(label) for _name, label in CSV_COLUMNS])
        for enquiry in queryset.order_by("created", "pk"):
            writer.writerow([csv_value(enquiry, name) for name, _label in CSV_COLUMNS])
        return response

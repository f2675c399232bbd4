"""The audit trail: who changed which record and when, for superusers only.

It reads django-reversion's revisions (every save, delete and restore of site content made in
the admin is one: jeiweb/admin/history.py), filtered by person, kind of record and date, and
searched by a record's name. Each line links to the record's own history, where the change is
shown field by field in each language. Revisions older than HISTORY_RETENTION_DAYS are deleted
by `manage.py purge_history` (each live record keeps its latest one).
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from jeiweb.content.history import describe
from jeiweb.content.registry import owner


def recorded_models():
    """The models whose records have a history (not their translations)."""
    import reversion

    return [model for model in reversion.get_registered_models() if owner(model) is model]


class RecordKindFilter(admin.SimpleListFilter):
    title = _("kind of record")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        types = ContentType.objects.get_for_models(*recorded_models())
        return sorted(
            (
                (content_type.pk, str(model._meta.verbose_name_plural).capitalize())
                for model, content_type in types.items()
            ),
            key=lambda choice: choice[1],
        )

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(version__content_type_id=self.value()).distinct()
        return queryset


class AuditTrailAdmin(admin.ModelAdmin):
    """Read only, for superusers: nobody edits the trail."""

    list_display = ["date_created", "user", "comment_text", "records"]
    list_display_links = None
    list_filter = [("user", admin.RelatedOnlyFieldListFilter), RecordKindFilter, "date_created"]
    search_fields = ["version__object_repr", "user__username", "comment"]
    date_hierarchy = "date_created"
    list_per_page = 50

    def get_queryset(self, request):
        versions = Version.objects.select_related("content_type").only(
            "revision_id", "object_id", "object_repr", "content_type"
        )
        return (
            super()
            .get_queryset(request)
            .select_related("user")
            .prefetch_related(Prefetch("version_set", queryset=versions))
        )

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("comment"))
    def comment_text(self, revision):
        return describe(revision)

    @admin.display(description=_("records"))
    def records(self, revision):
        """Each record of the revision (not its translations), linked to its history."""
        lines = []
        for version in revision.version_set.all():
            model = version.content_type.model_class()
            if model is None or owner(model) is not model:
                continue
            opts = model._meta
            try:
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[version.object_id])
            except NoReverseMatch:
                url = ""
            lines.append((str(opts.verbose_name).capitalize(), url, version.object_repr))
        return format_html_join(
            mark_safe("<br>"),
            "{}: <a href='{}'>{}</a>",
            lines,
        )

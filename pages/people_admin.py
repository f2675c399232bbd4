"""Staff enter each person once, here (or import a roster), and pick them by name elsewhere:
committee posts, team roles and contact points use autocomplete."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from jeiweb.admin.translations import TranslationsAdmin
from jeiweb.content.admin_filters import PublishingStateFilter
from pages import models
from pages.roster_import import PersonResource

PUBLISHING = (_("Publishing"), {"fields": ["status", "publication_start"]})


@admin.register(models.Person)
class PersonAdmin(ImportExportMixin, TranslationsAdmin):
    resource_classes = [PersonResource]
    list_display = ["__str__", "university", "school", "is_core_teacher", "title_rank", "state"]
    list_filter = ["university", "school", "is_core_teacher", "title_rank", PublishingStateFilter]
    # The autocomplete of every form that picks a person searches these.
    search_fields = ["key", "translations__name", "family_name", "sort_key"]
    list_select_related = ["school"]
    slug_from = "name"
    fieldsets = [
        (None, {"fields": ["name", "slug", "title", "family_name", "key"]}),
        (_("Where they work"), {"fields": ["university", "school", "department", "position"]}),
        (_("Page"), {"fields": ["photo", "biography", "email", "profile_url"]}),
        PUBLISHING,
        (
            _("Core teacher (counted in the teaching figures)"),
            {
                "fields": [
                    "is_core_teacher",
                    "title_rank",
                    "has_doctorate",
                    "supervision",
                    "overseas_experience",
                ]
            },
        ),
    ]
    autocomplete_fields = ["school"]


@admin.register(models.School)
class SchoolAdmin(TranslationsAdmin):
    list_display = ["__str__", "university", "order", "state", "missing_translations"]
    list_editable = ["order"]
    search_fields = ["key", "translations__name"]
    fields = ["name", "university", "key", "order", "status", "publication_start"]


class TeamRoleInline(admin.TabularInline):
    model = models.TeamRole
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "order"]


@admin.register(models.TeachingTeam)
class TeachingTeamAdmin(TranslationsAdmin):
    list_display = ["__str__", "school", "order", "state", "missing_translations"]
    list_filter = ["school", "programmes", PublishingStateFilter]
    search_fields = ["translations__course"]
    slug_from = "course"
    autocomplete_fields = ["school"]
    filter_horizontal = ["programmes", "curriculum_stages"]
    fieldsets = [
        (None, {"fields": ["course", "slug", "description", "school", "order"]}),
        (_("What it teaches"), {"fields": ["programmes", "curriculum_stages"]}),
        PUBLISHING,
    ]
    inlines = [TeamRoleInline]


class PostInline(admin.TabularInline):
    model = models.Post
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "order"]


class CommitteeAdmin(TranslationsAdmin):
    list_display = ["__str__", "order", "missing_translations"]
    inlines = [PostInline]


admin.site.register(models.Committee, CommitteeAdmin)

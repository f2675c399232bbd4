"""Where staff write, schedule and publish news and events, in both languages."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from filer.models import Folder, Image
from filer.validation import FileValidationError

from jeiweb.admin.review import ReviewedAdmin
from jeiweb.admin.roles import NEWS_PHOTOS_FOLDER
from jeiweb.admin.translations import TranslatedSlugForm, TranslationsAdmin
from jeiweb.content.admin_filters import PublishingStateFilter
from jeiweb.i18n import language_codes

from .bookings.admin import EventBookingsMixin
from .models import Article, Category, Event
from .validation import validate_image_upload


def language_name(code):
    return get_language_info(code)["name_translated"]


class LanguageFilter(admin.SimpleListFilter):
    """Articles written, or still missing, in a language."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        choices = []
        for code in language_codes():
            choices.append((code, _("In %(language)s") % {"language": language_name(code)}))
            choices.append((f"-{code}", _("Missing %(language)s") % {"language": language_name(code)}))
        return choices

    def queryset(self, request, queryset):
        value = self.value() or ""
        code = value.removeprefix("-")
        if code not in language_codes():
            return queryset
        with_language = queryset.model.objects.translated(code).values("pk")
        if value.startswith("-"):
            return queryset.exclude(pk__in=with_language)
        return queryset.filter(pk__in=with_language)


@admin.register(Category)
class CategoryAdmin(TranslationsAdmin):
    list_display = ["__str__", "ordering", "missing_translations"]

    slug_from = "name"


class ArticleForm(TranslatedSlugForm):
    """The article form, with a photo upload in one step (no trip through filer's folders)."""

    new_photo = forms.ImageField(
        label=_("upload a photo"),
        required=False,
        help_text=_(
            "A photo from your computer: it goes to the “News photos” folder and becomes the article's photo."
        ),
    )

    def clean_new_photo(self):
        upload = self.cleaned_data.get("new_photo")
        if upload:
            try:
                validate_image_upload(upload.name, upload, None, upload.content_type)
            except FileValidationError as error:
                raise ValidationError(str(error)) from error
        return upload


@admin.register(Article)
class ArticleAdmin(ReviewedAdmin, TranslationsAdmin):
    """Writers save drafts and submit them; approvers publish (jeiweb/admin/review.py)."""

    form = ArticleForm
    list_display = [
        "__str__",
        "state",
        "review_state",
        "publication_start",
        "missing_translations",
        "is_featured",
    ]
    list_filter = [PublishingStateFilter, "review_state", "categories", LanguageFilter, "is_featured"]
    date_hierarchy = "publication_start"
    # Titles only: the archive's summaries are long, and reading all of them for each of a
    # search's queries (the count, the dates, the page) made a search of 10,000 articles slow.
    search_fields = ["translations__title"]
    search_help_text = _("Finds articles by a word of their title, in either language.")
    # Categories and programmes are a few curated records; milestones pile up over the years
    # (thousands): an autocomplete, so that the form reads only those chosen.
    filter_horizontal = ["categories", "related_programmes"]
    autocomplete_fields = ["related_milestones"]
    readonly_fields = ["author"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Photo"), {"fields": ["new_photo", "featured_image", "image_alt"]}),
        (
            _("Publication"),
            {"fields": ["status", "publication_start", "categories", "is_featured", "author"]},
        ),
        (_("Related"), {"fields": ["related_programmes", "related_milestones"]}),
    ]

    slug_from = "title"

    @admin.display(description=_("status"), ordering="status")
    def state(self, obj):
        return obj.state

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        upload = form.cleaned_data.get("new_photo")
        if upload:
            folder, _created = Folder.objects.get_or_create(name=NEWS_PHOTOS_FOLDER, parent=None)
            obj.featured_image = Image.objects.create(
                file=upload, original_filename=upload.name, folder=folder, owner=request.user
            )
        super().save_model(request, obj, form, change)


@admin.register(Event)
class EventAdmin(EventBookingsMixin, ReviewedAdmin, TranslationsAdmin):
    """Writers save drafts and submit them; approvers publish (jeiweb/admin/review.py); staff
    open registration and serve the bookings (news/bookings/)."""

    list_display = [
        "__str__",
        "status",
        "review_state",
        "start",
        "end",
        "missing_translations",
        "bookings_link",
    ]
    list_select_related = ["registration"]
    list_filter = ["status", "review_state", LanguageFilter]
    date_hierarchy = "start"
    search_fields = ["translations__title", "translations__location"]
    autocomplete_fields = ["article"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "location"]}),
        (_("When"), {"fields": ["start", "end"]}),
        (_("More"), {"fields": ["status", "registration_url", "article"]}),
    ]

    slug_from = "title"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "registration_url":
            kwargs["assume_scheme"] = "https"  # a registration page typed without a scheme
        return super().formfield_for_dbfield(db_field, request, **kwargs)

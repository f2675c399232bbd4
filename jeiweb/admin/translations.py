"""The admin base of every translated model of the site (the college's records, the news)."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from jeiweb.admin.history import HistoryAdmin
from jeiweb.admin.related import RelatedRecordsMixin
from jeiweb.i18n import language_codes
from jeiweb.i18n.slugs import slug_for
from jeiweb.i18n.status import record_statuses

# Posted by static/js/admin-unsaved.js when an editor clicks another language's tab with
# unsaved changes: the form is saved, then that language's tab opens.
SWITCH_LANGUAGE = "_switch_language"


SLUG_SOURCES = ("title", "name", "course")


class TranslatedSlugForm(TranslatableModelForm):
    """A translated form whose slug may be left empty: it is made from the title (pinyin for a
    Chinese title). A slug another object already has in this language is a form error."""

    def clean(self):
        cleaned_data = super().clean()
        if "slug" not in self.fields or "slug" in self.errors:
            return cleaned_data
        if not cleaned_data.get("slug"):
            title = next((cleaned_data[name] for name in SLUG_SOURCES if cleaned_data.get(name)), "")
            slug = slug_for(title, max_length=self.fields["slug"].max_length or 200)
            if title and not slug:
                message = _("Type the address in Latin letters: none could be made from the title.")
                self.add_error("slug", message)
                return cleaned_data
            cleaned_data["slug"] = slug
            for validator in self.fields["slug"].validators:
                try:
                    validator(slug)
                except ValidationError as error:
                    self.add_error("slug", error)
                    return cleaned_data
        if cleaned_data.get("slug") and self._slug_is_taken(cleaned_data["slug"]):
            self.add_error(
                "slug",
                _("Another %(thing)s in this language already has the address “%(slug)s”; change the slug.")
                % {"thing": self._meta.model._meta.verbose_name, "slug": cleaned_data["slug"]},
            )
        return cleaned_data

    def _slug_is_taken(self, slug):
        others = self._meta.model._default_manager.translated(self.language_code, slug=slug)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        return others.exists()


class SiteContentAdmin(HistoryAdmin, RelatedRecordsMixin, admin.ModelAdmin):
    """The admin of every record of site content: its history and no lost update (HistoryAdmin),
    its related records read with their translations (jeiweb/admin/related.py), lists that stay
    fast at any size. Used as it is for a record without translations of its own (an admissions
    row, a cost of study); TranslationsAdmin adds the translations."""

    # Half of Django's 100: each row costs about a millisecond to render (its columns, the state
    # of each translation), and editors find older records by date, filter or search.
    list_per_page = 50

    def get_changelist_instance(self, request):
        """A search's results offer no drill-down by date unless the editor chose one: the
        drill-down reads every match again twice (its first and last dates, then its years),
        which doubled a search of 10,000 articles (bench/measure_admin.py)."""
        changelist = super().get_changelist_instance(request)
        field = changelist.date_hierarchy
        searching = field and changelist.query
        if searching and not any(name.startswith(f"{field}__") for name in changelist.params):
            changelist.date_hierarchy = None
        return changelist


class TranslationsAdmin(SiteContentAdmin, TranslatableAdmin):
    """Lists show which translations are still missing, read from one prefetch per page; related
    records come with their translations (jeiweb/admin/related.py).
    Switching language tabs never drops what was typed (see static/js/admin-unsaved.js).
    Every record keeps its history and is never saved over a newer version (SiteContentAdmin)."""

    form = TranslatedSlugForm
    # The translated field the browser copies into the slug as the editor types (English only).
    slug_from = None

    class Media:
        js = ["js/admin-unsaved.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug" and formfield is not None:
            formfield.required = False  # TranslatedSlugForm makes it from the title
            made = _("Left empty, it is made from the title (in pinyin for a Chinese title).")
            help_text = formfield.help_text
            formfield.help_text = format_lazy("{} {}", help_text, made) if help_text else made
        return formfield

    def get_prepopulated_fields(self, request, obj=None):
        """The browser makes slugs from Latin letters only (it would drop every Chinese
        character): in the other languages the server makes them, in pinyin."""
        if self.slug_from is None or self.get_form_language(request, obj) != settings.LANGUAGE_CODE:
            return {}
        return {"slug": (self.slug_from,)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def get_search_results(self, request, queryset, search_term):
        """A search in the translations matches a record once per language: Django then asks for
        DISTINCT rows, which sorts every match of the archive (each query of the list: the count,
        the dates, the page). Each record once, as the records whose id is among the matches."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if not may_have_duplicates:
            return found, False
        return queryset.filter(pk__in=found.values("pk")), False

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        present = {translation.language_code for translation in obj.translations.all()}
        missing = [str(name) for code, name in settings.LANGUAGES if code not in present]
        return ", ".join(missing) or "–"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """The "View on site" link opens the object in the language of the open tab, on the host the
        admin is served on (a relative address; Django's default goes through the Site's domain)."""
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if obj is not None and obj.pk and hasattr(obj, "get_absolute_url"):
            response.context_data["absolute_url"] = obj.get_absolute_url(self.get_form_language(request, obj))
        return response

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        """Each language: missing, up to date, or outdated (another language changed since)."""
        return format_html_join(
            " · ",
            '<span class="translation-{}">{}: {}</span>',
            ((s.status, s.language, s.label) for s in record_statuses(obj)),
        )

    def response_add(self, request, obj, post_url_continue=None):
        return self._switch_language(request, obj, super().response_add(request, obj, post_url_continue))

    def response_change(self, request, obj):
        return self._switch_language(request, obj, super().response_change(request, obj))

    def _switch_language(self, request, obj, response):
        """After a save asked for by a click on a language tab, open that language's tab."""
        language = request.POST.get(SWITCH_LANGUAGE)
        if language not in language_codes() or not isinstance(response, HttpResponseRedirect):
            return response
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return HttpResponseRedirect(f"{url}?language={language}")

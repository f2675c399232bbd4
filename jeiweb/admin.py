"""The admin base of every translated model of the site (the college's records, the news)."""

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from jeiweb.i18n import language_codes

# Posted by static/js/admin-unsaved.js when an editor clicks another language's tab with
# unsaved changes: the form is saved, then that language's tab opens.
SWITCH_LANGUAGE = "_switch_language"


class TranslationsAdmin(TranslatableAdmin):
    """Lists show which translations are still missing, read from one prefetch per page.
    Switching language tabs never drops what was typed (see static/js/admin-unsaved.js)."""

    class Media:
        js = ["js/admin-unsaved.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        present = {translation.language_code for translation in obj.translations.all()}
        missing = [str(name) for code, name in settings.LANGUAGES if code not in present]
        return ", ".join(missing) or "–"

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

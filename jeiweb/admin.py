"""The admin base of every translated model of the site (the college's records, the news)."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin


class TranslationsAdmin(TranslatableAdmin):
    """Lists show which translations are still missing, read from one prefetch per page."""

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        present = {translation.language_code for translation in obj.translations.all()}
        missing = [str(name) for code, name in settings.LANGUAGES if code not in present]
        return ", ".join(missing) or "–"

"""Languages: the one place that knows which languages the site speaks and how to name them.

To add a third language, add it to `LANGUAGES`, `CMS_LANGUAGES` and `PARLER_LANGUAGES` in
`jeiweb/settings/base.py` and its OpenGraph locale to `OPENGRAPH_LOCALES` below; translate
`locale/`, the page fixtures (`fixtures/pages/pages.yaml`) and the records. Everything else (the
switcher, hreflang, sitemaps, feeds, search) follows `language_codes()`.

A view whose page exists in several languages uses `TranslatedViewMixin`: it tells the language
switcher and the hreflang links where the same page lives in another language, and in which
languages it really exists.
"""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from menus.utils import set_language_changer

# OpenGraph names a locale, not a language: a British university writes British English, and
# Simplified Chinese is the script of mainland China.
OPENGRAPH_LOCALES = {"en": "en_GB", "zh-hans": "zh_CN"}


def language_codes():
    """The site's language codes, in the order of `settings.LANGUAGES` (the default first)."""
    return [code for code, _name in settings.LANGUAGES]


def bcp47(language_code):
    """The BCP 47 tag of a Django language code, for `lang` and `hreflang`: zh-hans → zh-Hans."""
    language, _sep, script = language_code.partition("-")
    if len(script) == 4:
        return f"{language}-{script.title()}"
    return f"{language}-{script.upper()}" if script else language


def og_locale(language_code):
    """OpenGraph's locale for a language: en → en_GB, zh-hans → zh_CN."""
    return OPENGRAPH_LOCALES.get(language_code, language_code)


def reverse_in(language, viewname, query=None, **kwargs):
    """The URL of `viewname` in `language` (its prefix and translated slugs), with an optional query."""
    with override(language or get_language()):
        url = reverse(viewname, kwargs=kwargs or None)
    query = {name: value for name, value in (query or {}).items() if value not in (None, "")}
    return f"{url}?{urlencode(query)}" if query else url


def translated_url(obj, viewname, language=None, fallback=None, url_kwarg="slug"):
    """The address of a django-parler object in `language` (by default the active one), at its
    slug in that language. Where it is not written in that language it has no address there:
    the view `fallback` (its list) if given, else NoReverseMatch."""
    language = language or get_language()
    slug = (
        obj.safe_translation_getter("slug", language_code=language) if obj.has_translation(language) else ""
    )
    if slug:
        return reverse_in(language, viewname, **{url_kwarg: slug})
    if fallback is None:
        raise NoReverseMatch(f"{obj!r} has no {language} translation")
    return reverse_in(language, fallback)


class SlugOfAnotherLanguage(Http404):
    """An address with another language's slug: `TranslatedViewMixin` redirects to `url`;
    anywhere else (a feed, a calendar file) it is the 404 it derives from."""

    def __init__(self, url):
        super().__init__(url)
        self.url = url


def get_translated_or_404(queryset, slug, language=None, slug_field="slug"):
    """The object of `queryset` whose slug in `language` (by default the active one) is `slug`.

    Every translated slug of the site is looked up here. An object not written in the language
    has no address in it: a 404 rather than the other language's text. The slug of another
    language (a link copied from the English page into a Chinese one) leads to the object's
    own address in this language, when it has one.
    """
    language = language or get_language()
    # (language_code, slug) is unique, so this finds at most one object.
    obj = queryset.translated(language, **{slug_field: slug}).first()
    if obj is not None:
        obj.set_current_language(language)
        return obj
    elsewhere = queryset.filter(**{f"translations__{slug_field}": slug}).first()
    if elsewhere is not None and elsewhere.has_translation(language):
        raise SlugOfAnotherLanguage(elsewhere.get_absolute_url(language))
    raise Http404(_("Nothing is published at this address."))


class TranslatedViewMixin:
    """The language switcher and the hreflang links of a view: the same page in another language.

    A detail view leads to its object's address in that language (`get_absolute_url(language)`)
    and claims a translation only where the object has one. A list view names its URL
    (`url_name`, with `get_url_kwargs()` and `get_url_query()` for its arguments and filters).
    """

    url_name = None

    def dispatch(self, request, *args, **kwargs):
        # The switcher is rendered after the view has found its object or read its filter.
        set_language_changer(request, self.get_translated_url)
        try:
            return super().dispatch(request, *args, **kwargs)
        except SlugOfAnotherLanguage as moved:
            return HttpResponsePermanentRedirect(moved.url)

    @property
    def language(self):
        return get_language()

    def get_url_kwargs(self, language):
        return {}

    def get_url_query(self):
        return {}

    def get_translated_url(self, language):
        obj = getattr(self, "object", None)
        if self.url_name is None and obj is not None:
            return obj.get_absolute_url(language)
        return reverse_in(
            language, self.url_name, query=self.get_url_query(), **self.get_url_kwargs(language)
        )

    def get_translated_languages(self):
        """The languages this page exists in; None when it exists in all of them."""
        obj = getattr(self, "object", None)
        if self.url_name is None and hasattr(obj, "get_available_languages"):
            return list(obj.get_available_languages())
        return None

    def get_context_data(self, **kwargs):
        kwargs.setdefault("translated_languages", self.get_translated_languages())
        return super().get_context_data(**kwargs)

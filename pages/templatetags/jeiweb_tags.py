"""Template tags for what every page shares: its language and its translations."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch
from django.utils.translation import get_language, get_language_info
from menus.utils import DefaultLanguageChanger

register = template.Library()


@register.filter
def bcp47(language_code):
    """The BCP 47 tag of a Django language code, for `lang` and `hreflang`: zh-hans → zh-Hans."""
    language, _, script = language_code.partition("-")
    if len(script) == 4:
        return f"{language}-{script.title()}"
    return f"{language}-{script.upper()}" if script else language


@register.filter
def cut_query(url):
    """The URL without its query string: canonical links name the page, not a view of it."""
    return url.split("?", 1)[0]


@register.simple_tag(takes_context=True)
def page_translations(context):
    """The current page in each language: what the switcher and the hreflang links point at.

    django CMS knows each page's slug per language; apphook views register a language changer
    of their own (`menus.utils.set_language_changer`) for their translated URLs.
    """
    request = context.get("request")
    if request is None:
        return []
    default_changer = DefaultLanguageChanger(request)
    changer = getattr(request, "_language_changer", default_changer)
    current = get_language()
    translations = []
    for code, _name in settings.LANGUAGES:
        try:
            path = changer(code)
        except NoReverseMatch:
            path = default_changer(code)
        translations.append(
            {
                "code": code,
                "tag": bcp47(code),
                "name": get_language_info(code)["name_local"],
                "path": path,
                "url": request.build_absolute_uri(path),
                "current": code == current,
            }
        )
    return translations

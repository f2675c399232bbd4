"""Template tags for what every page shares: its language, its translations and its metadata."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from menus.utils import DefaultLanguageChanger

from pages import structured_data

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
    # A view showing an object that exists in some languages only (an article not yet
    # translated) says which: the switcher still leads somewhere useful in the others (the
    # list), but no hreflang alternate claims that page is a translation.
    available = context.get("translated_languages")
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
                "alternate": available is None or code in available,
            }
        )
    return translations


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What the head of the page says about it: title, description, share image and type.

    A view describes its object by putting a `meta` dict in the context (e.g. a programme:
    its title and summary); otherwise the current CMS page describes itself (its page title
    and meta description, both edited by staff per language).
    """
    request = context.get("request")
    meta = {"title": "", "description": "", "type": "website", "image": None, "image_alt": ""}
    meta.update(context.get("meta") or {})
    page = getattr(request, "current_page", None)
    if page and not (meta["title"] and meta["description"]):
        content = page.get_content_obj(get_language())
        if content:
            meta["title"] = meta["title"] or content.page_title or content.title
            meta["description"] = meta["description"] or content.meta_description or ""
    return meta


@register.filter
def json_ld(data):
    """`data` as a JSON-LD block: `<`, `>` and `&` escaped, so text can never close the element."""
    json_text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_text))


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context):
    """A schema.org BreadcrumbList of the trail the page shows, from the (cached) menu nodes.

    Used in the template that `show_breadcrumb` renders, which passes the trail as `ancestors`;
    below a CMS page, an object of its application (a programme, an article) ends the trail.
    """
    request = context["request"]
    items = [(node.get_menu_title(), node.get_absolute_url()) for node in context.get("ancestors", [])]
    if items and items[-1][1] != request.path:
        if not context["meta"]["title"]:
            return ""  # a page outside the tree that does not describe itself (search results)
        items.append((context["meta"]["title"], request.path))
    if len(items) < 2:
        return ""  # the home page: no trail
    return json_ld(structured_data.breadcrumb_list(request, items))


@register.simple_tag(takes_context=True)
def institute_json_ld(context):
    return json_ld(structured_data.institute(context["request"]))


@register.filter
def og_locale(language_code):
    """OpenGraph's locale for a language: en → en_GB (a British university), zh-hans → zh_CN."""
    return {"en": "en_GB", "zh-hans": "zh_CN"}.get(language_code, language_code)

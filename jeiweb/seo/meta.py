"""What the head of every page says: its title and description, and its other languages.

A view describes its page by putting a `meta` dict in its context (`title`, `description`,
`type`, `image`, `image_alt`); a CMS page describes itself (its page title and meta
description, edited by staff per language). The language switcher and the hreflang links
come from `page_translations`: django CMS knows each page's slug per language, and views
register a language changer of their own (`jeiweb.i18n.TranslatedViewMixin`).
"""

from django.urls import NoReverseMatch
from django.utils.translation import get_language, get_language_info
from menus.utils import DefaultLanguageChanger

from jeiweb.i18n import bcp47, language_codes


def cms_page_meta(request, language=None):
    """The title and description staff gave the current CMS page in `language`, or blanks."""
    page = getattr(request, "current_page", None)
    content = page.get_content_obj(language or get_language()) if page else None
    if not content:
        return {"title": "", "description": ""}
    return {"title": content.page_title or content.title, "description": content.meta_description or ""}


def page_meta(request, view_meta=None):
    """The page's metadata: what its view says, completed by the CMS page it hangs on."""
    meta = {"title": "", "description": "", "type": "website", "image": None, "image_alt": ""}
    meta.update(view_meta or {})
    if request is not None and not (meta["title"] and meta["description"]):
        page = cms_page_meta(request)
        meta["title"] = meta["title"] or page["title"]
        meta["description"] = meta["description"] or page["description"]
    return meta


def page_translations(request, available=None):
    """The current page in each language, for the switcher and hreflang.

    `available` lists the languages an object shown by the page exists in (an article not yet
    translated): the switcher still leads somewhere useful in the others (the list), but no
    hreflang alternate claims that page is a translation.
    """
    default_changer = DefaultLanguageChanger(request)
    changer = getattr(request, "_language_changer", default_changer)
    current = get_language()
    translations = []
    for code in language_codes():
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

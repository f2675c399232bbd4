"""Template tags for what every page shares: its language, its translations and its metadata.

They wrap plain functions of the core (jeiweb/i18n/, jeiweb/seo/meta.py and
jeiweb/seo/structured_data.py), which views and feeds call directly.
"""

from django import template

from jeiweb import i18n
from jeiweb.seo import meta, structured_data
from jeiweb.seo.sharing import qr_svg

register = template.Library()

register.filter("bcp47", i18n.bcp47)
register.filter("og_locale", i18n.og_locale)
register.filter("json_ld", structured_data.script)


@register.filter
def cut_query(url):
    """The URL without its query string: canonical links name the page, not a view of it."""
    return url.split("?", 1)[0]


@register.simple_tag(takes_context=True)
def page_translations(context):
    """The current page in each language: what the switcher and the hreflang links point at."""
    request = context.get("request")
    if request is None:
        return []
    return meta.page_translations(request, context.get("translated_languages"))


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What the head of the page says about it: title, description, share image and type."""
    return meta.page_meta(context.get("request"), context.get("meta"))


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context):
    """A schema.org BreadcrumbList of the trail the page shows, from the (cached) menu nodes.

    Used in the template that `show_breadcrumb` renders, which passes the trail as `ancestors`;
    below a CMS page, an object of its application (a programme, an article) ends the trail.
    """
    request = context["request"]
    # While staff preview a page whose draft is being edited, django CMS's trail may hold no
    # node for it (None): that step is left out rather than crash the preview.
    nodes = [node for node in context.get("ancestors", []) if node is not None]
    items = [(node.get_menu_title(), node.get_absolute_url()) for node in nodes]
    if items and items[-1][1] != request.path:
        if not context["meta"]["title"]:
            return ""  # a page outside the tree that does not describe itself (search results)
        items.append((context["meta"]["title"], request.path))
    if len(items) < 2:
        return ""  # the home page: no trail
    return structured_data.script(structured_data.breadcrumb_list(request, items))


@register.simple_tag(takes_context=True)
def institute_json_ld(context, contact_points=None):
    """The institute's JSON-LD; an app passes its ContactPoint items in (the core imports no app)."""
    return structured_data.script(structured_data.institute(context["request"], contact_points or ()))


@register.simple_tag(takes_context=True)
def menu_page_url(context, reverse_id):
    """The address of a CMS page by its `reverse_id`, read from the menu nodes that the page has
    built for its navigation anyway (cached by django CMS): no query, where `{% page_url %}` costs
    two on a cold cache. Pages hidden from the navigation are nodes too (the footer's links)."""
    renderer = context.get("cms_menu_renderer")
    if renderer is None:
        return ""
    for node in renderer.get_nodes():
        if node.attr.get("reverse_id") == reverse_id:
            return node.get_absolute_url()
    return ""


@register.simple_tag
def qr_code(url, label):
    """The QR code of `url` as inline SVG (jeiweb/seo/sharing.py)."""
    return qr_svg(str(url), str(label))

"""The sitemap's building blocks: CMS pages, and any object translated with django-parler.

The CMS pages in sitemap.xml: one <url> per page and language, with hreflang alternates.

django CMS's own CMSSitemap lists no alternates; Django's sitemap framework does, given
`i18n` and `alternates`.
"""

from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Prefetch
from django.utils.translation import get_language

from jeiweb.i18n import language_codes


class CMSPageSitemap(Sitemap):
    i18n = True
    alternates = True
    # No x_default: Django's would strip the language prefix (/about/), which a Chinese
    # visitor's browser would then send to /zh-hans/about/, a 404 (the Chinese slug differs).

    def items(self):
        published = PageContent.objects.filter(redirect__isnull=True).order_by("language")
        return (
            Page.objects.filter(site_id=settings.SITE_ID, login_required=False, pagecontent_set__in=published)
            .distinct()
            .prefetch_related(
                "urls", Prefetch("pagecontent_set", queryset=published, to_attr="published_contents")
            )
            .order_by("path")
        )

    def get_languages_for_item(self, page):
        return [content.language for content in page.published_contents]

    def location(self, page):
        return page.get_absolute_url(get_language())

    def lastmod(self, page):
        # Django asks for lastmod per page, not per language: the latest change in any language.
        return max(content.changed_date for content in page.published_contents)


class TranslatedObjectSitemap(Sitemap):
    """Objects translated with django-parler: one <url> per language they are written in."""

    i18n = True
    alternates = True

    def get_languages_for_item(self, obj):
        languages = {translation.language_code for translation in obj.translations.all()}
        return [code for code in language_codes() if code in languages]

    def location(self, obj):
        return obj.get_absolute_url(get_language())

    def lastmod(self, obj):
        return getattr(obj, "modified", None)

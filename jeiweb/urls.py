"""Every public URL lives under a language prefix: /en/… or /zh-hans/…

`/` itself matches nothing, so LocaleMiddleware redirects it to the visitor's language:
the language cookie first, then Accept-Language (any zh* → zh-hans), else English.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from jeiweb.admin_views import editors_guide_view, translation_status_view
from jeiweb.i18n import language_codes
from jeiweb.sitemaps import CMSPageSitemap
from news.sitemaps import ArticleSitemap, EventSitemap
from pages.sitemaps import ProgrammeSitemap

sitemaps = {
    "pages": CMSPageSitemap,
    "programmes": ProgrammeSitemap,
    "articles": ArticleSitemap,
    "events": EventSitemap,
}

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps, "template_name": "sitemap.xml"}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt",
            content_type="text/plain",
            extra_context={"languages": language_codes()},
        ),
    ),
]

urlpatterns += i18n_patterns(
    path(
        "admin/translations/",
        admin.site.admin_view(translation_status_view),
        name="translation-status",
    ),
    path("admin/guide/", admin.site.admin_view(editors_guide_view), name="editors-guide"),
    path("admin/", admin.site.urls),
    # /en/search/ and /zh-hans/sousuo/, ahead of the CMS, which would take them for page slugs.
    path("", include("search.urls")),
    # django CMS resolves every remaining path to a page; it must come last.
    path("", include("cms.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

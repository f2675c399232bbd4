"""Every public URL lives under a language prefix: /en/… or /zh-hans/…

`/` itself matches nothing, so LocaleMiddleware redirects it to the visitor's language:
the language cookie first, then Accept-Language (any zh* → zh-hans), else English.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from jeiweb.admin.accounts import password_reset_urls
from jeiweb.i18n import language_codes
from jeiweb.seo.sitemaps import CMSPageSitemap
from news.sitemaps import ArticleSitemap, EventSitemap, NewsListSitemap
from pages.sitemaps import PersonSitemap, ProgrammeAdmissionsSitemap, ProgrammeSitemap, TeamSitemap

# Each part names its own section (/sitemap-<section>.xml).
sitemaps = {
    sitemap.section: sitemap
    for sitemap in (
        CMSPageSitemap,
        ProgrammeSitemap,
        ProgrammeAdmissionsSitemap,
        PersonSitemap,
        TeamSitemap,
        ArticleSitemap,
        EventSitemap,
        NewsListSitemap,
    )
}

urlpatterns = [
    # An index of parts of bounded size (jeiweb/seo/sitemaps.py), each cached like every public page.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-part"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps, "template_name": "sitemap.xml"},
        name="sitemap-part",
    ),
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
    # The staff's password reset by e-mail, ahead of the admin, which would take its URLs.
    *password_reset_urls,
    # Passkeys' ceremonies (django-otp-webauthn's JSON views and their JS catalogue), ahead of
    # the admin, which would take their URLs: the second factor (jeiweb/admin/second_factor/).
    path("admin/second-factor/passkeys/", include("django_otp_webauthn.urls")),
    # Each role enters only its part of the admin (jeiweb/admin/site.py).
    path("admin/", admin.site.urls),
    # /en/search/ and /zh-hans/sousuo/, ahead of the CMS, which would take them for page slugs.
    path("", include("search.urls")),
    # /en/enquiry/ and /zh-hans/zixun/: the enquiry form posts here (pages/enquiry_views.py).
    path("", include("pages.enquiry_urls")),
    # django CMS resolves every remaining path to a page; it must come last.
    path("", include("cms.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

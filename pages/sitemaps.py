"""The programmes in sitemap.xml, each in the languages it is written in."""

from jeiweb.seo.sitemaps import TranslatedObjectSitemap
from pages.models import Programme


class ProgrammeSitemap(TranslatedObjectSitemap):
    section = "programmes"
    url_name = "programmes:detail"

    def items(self):
        return Programme.objects.visible().prefetch_related("translations").order_by("order", "pk")

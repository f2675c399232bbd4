"""The programmes in sitemap.xml, each in the languages it is written in."""

from jeiweb.seo.sitemaps import TranslatedObjectSitemap
from pages.models import EntryRoute, Programme


class ProgrammeSitemap(TranslatedObjectSitemap):
    section = "programmes"
    url_name = "programmes:detail"

    def items(self):
        return Programme.objects.visible().prefetch_related("translations").order_by("order", "pk")


class ProgrammeAdmissionsSitemap(TranslatedObjectSitemap):
    """Each admitting-by-gaokao programme's places and results (without a province chosen)."""

    section = "admissions"
    url_name = "programmes:admissions"

    def items(self):
        programmes = Programme.objects.visible().filter(entry_route=EntryRoute.GAOKAO)
        return programmes.prefetch_related("translations").order_by("order", "pk")

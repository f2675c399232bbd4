"""The programmes, people and teaching teams in sitemap.xml, each in the languages it is written in."""

from jeiweb.seo.sitemaps import TranslatedObjectSitemap
from pages.models import EntryRoute, Person, Programme, TeachingTeam


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


class PersonSitemap(TranslatedObjectSitemap):
    section = "people"
    url_name = "people:detail"

    def items(self):
        return Person.objects.visible().prefetch_related("translations").order_by("sort_key", "pk")


class TeamSitemap(TranslatedObjectSitemap):
    section = "teams"
    url_name = "teams:detail"

    def items(self):
        return TeachingTeam.objects.visible().prefetch_related("translations").order_by("order", "pk")

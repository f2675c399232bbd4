"""The programmes, people and teaching teams in sitemap.xml, each in the languages it is written in."""

from jeiweb.seo.sitemaps import TranslatedObjectSitemap
from pages.models import EntryRoute, Person, Programme, TeachingTeam


class ProgrammeSitemap(TranslatedObjectSitemap):
    section = "programmes"
    model = Programme
    ordering = ("order", "pk")
    url_name = "programmes:detail"


class ProgrammeAdmissionsSitemap(ProgrammeSitemap):
    """Each admitting-by-gaokao programme's places and results (without a province chosen)."""

    section = "admissions"
    url_name = "programmes:admissions"

    def items(self):
        return super().items().filter(entry_route=EntryRoute.GAOKAO)


class PersonSitemap(TranslatedObjectSitemap):
    section = "people"
    model = Person
    ordering = ("sort_key", "pk")
    url_name = "people:detail"


class TeamSitemap(TranslatedObjectSitemap):
    section = "teams"
    model = TeachingTeam
    ordering = ("order", "pk")
    url_name = "teams:detail"

"""Applications that CMS pages can carry: the programmes, the milestones, the people and the
teaching teams."""

from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class ProgrammesApphook(CMSApp):
    name = _("Programmes")
    app_name = "programmes"
    # Public, served from the cache without a page-permission lookup: see news/cms_apps.py.
    permissions = False

    def get_urls(self, page=None, language=None, **kwargs):
        return ["pages.urls"]


@apphook_pool.register
class MilestonesApphook(CMSApp):
    # An apphook rather than a plugin: the category filter is part of the address, and
    # apphook views are not page-cached, so every filtered view is rendered for its own URL.
    name = _("Milestones")
    app_name = "milestones"
    permissions = False

    def get_urls(self, page=None, language=None, **kwargs):
        return ["pages.milestone_urls"]


@apphook_pool.register
class PeopleApphook(CMSApp):
    """The people directory and a page per person."""

    name = _("People")
    app_name = "people"
    permissions = False

    def get_urls(self, page=None, language=None, **kwargs):
        return ["pages.people_urls"]


@apphook_pool.register
class TeachingTeamsApphook(CMSApp):
    """The teaching teams, grouped by programme or school, a page per team, and the figures."""

    name = _("Teaching teams")
    app_name = "teams"
    permissions = False

    def get_urls(self, page=None, language=None, **kwargs):
        return ["pages.team_urls"]

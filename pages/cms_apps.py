"""Applications that CMS pages can carry: the programmes, the milestones, the people and the
teaching teams."""

from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _

from jeiweb.cms_apps import PublicApphook


@apphook_pool.register
class ProgrammesApphook(PublicApphook):
    name = _("Programmes")
    app_name = "programmes"
    _urls = ["pages.urls"]


@apphook_pool.register
class MilestonesApphook(PublicApphook):
    # An apphook rather than a plugin: the category filter is part of the address, so each
    # filtered view is a page of its own, with its own URL in the page cache.
    name = _("Milestones")
    app_name = "milestones"
    _urls = ["pages.milestone_urls"]


@apphook_pool.register
class PeopleApphook(PublicApphook):
    """The people directory and a page per person."""

    name = _("People")
    app_name = "people"
    _urls = ["pages.people_urls"]


@apphook_pool.register
class TeachingTeamsApphook(PublicApphook):
    """The teaching teams, grouped by programme or school, a page per team, and the figures."""

    name = _("Teaching teams")
    app_name = "teams"
    _urls = ["pages.team_urls"]

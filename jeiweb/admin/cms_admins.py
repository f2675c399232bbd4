"""django CMS's page, placeholder and user settings admins, every URL of theirs checked by role.

They build some URLs whose views do not go through the site's admin_view, as the rest of
their views do: each plugin's own endpoints (`cms/page/plugin/<name>/…`), the page wizard
(`cms/placeholder/cms_wizard/…`), the toolbar's session store
(`cms/usersettings/session_store/`). These subclasses build them through it, so that the
site's role check and login redirect (jeiweb/admin/site.py) cover them too. They replace
django CMS's own on the site (jeiweb/admin/apps.py).
"""

from cms.admin.pageadmin import PageAdmin
from cms.admin.placeholderadmin import PlaceholderAdmin
from cms.admin.settingsadmin import SettingsAdmin
from django.urls import URLPattern, URLResolver


class AllURLsThroughAdminView:
    """A package's model admin whose included URL lists, and its views named in
    `outside_admin_view`, go through the site's admin_view like its other views."""

    outside_admin_view = ()

    def get_urls(self):
        return [
            self._through_admin_view(pattern)
            if isinstance(pattern, URLResolver) or pattern.name in self.outside_admin_view
            else pattern
            for pattern in super().get_urls()
        ]

    def _through_admin_view(self, pattern):
        if isinstance(pattern, URLResolver):
            patterns = [self._through_admin_view(included) for included in pattern.url_patterns]
            return URLResolver(
                pattern.pattern, patterns, pattern.default_kwargs, pattern.app_name, pattern.namespace
            )
        view = self.admin_site.admin_view(pattern.callback)
        return URLPattern(pattern.pattern, view, pattern.default_args, pattern.name)


class RolePageAdmin(AllURLsThroughAdminView, PageAdmin):
    """django CMS's page admin; the plugins' endpoints (`plugin/<name>/…`) checked by role."""


class RolePlaceholderAdmin(AllURLsThroughAdminView, PlaceholderAdmin):
    """django CMS's placeholder admin; its page wizard (`cms_wizard/…`) checked by role."""


class RoleSettingsAdmin(AllURLsThroughAdminView, SettingsAdmin):
    """django CMS's toolbar settings of each staff user; its session store staff only."""

    outside_admin_view = ("cms_usersettings_session_store",)

"""django CMS's page and placeholder admins, every URL of theirs checked by role.

They include URL lists (each plugin's own endpoints under `cms/page/plugin/<name>/`, the page
wizard under `cms/placeholder/cms_wizard/`) whose views do not go through the site's
admin_view, as the rest of their views do: these subclasses build them through it, so that
the site's role check (jeiweb/admin/site.py) covers them too. They replace django CMS's own
on the site (jeiweb/admin/apps.py).
"""

from cms.admin.pageadmin import PageAdmin
from cms.admin.placeholderadmin import PlaceholderAdmin
from django.urls import URLPattern, URLResolver


class IncludedURLsThroughAdminView:
    """A model admin whose included URL lists go through the site's admin_view like its own."""

    def get_urls(self):
        return [
            self._through_admin_view(pattern) if isinstance(pattern, URLResolver) else pattern
            for pattern in super().get_urls()
        ]

    def _through_admin_view(self, resolver):
        patterns = [
            self._through_admin_view(pattern)
            if isinstance(pattern, URLResolver)
            else URLPattern(
                pattern.pattern,
                self.admin_site.admin_view(pattern.callback),
                pattern.default_args,
                pattern.name,
            )
            for pattern in resolver.url_patterns
        ]
        return URLResolver(
            resolver.pattern, patterns, resolver.default_kwargs, resolver.app_name, resolver.namespace
        )


class RolePageAdmin(IncludedURLsThroughAdminView, PageAdmin):
    """django CMS's page admin; the plugins' endpoints (`plugin/<name>/…`) checked by role."""


class RolePlaceholderAdmin(IncludedURLsThroughAdminView, PlaceholderAdmin):
    """django CMS's placeholder admin; its page wizard (`cms_wizard/…`) checked by role."""

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the site uses: languages, page metadata, caching, the seed content.

    The core imports no app of the site: apps import it, and declare what it needs to know
    (a plugin the models it shows, an app the content it loads).
    """

    name = "jeiweb"
    verbose_name = _("Site")

    def load_content(self, log):
        """Every staff role's group and media folder (called by `load_site_content`)."""
        from jeiweb.admin.roles import setup_roles
        from jeiweb.content.loading import loader_user

        groups = setup_roles(owner=loader_user())
        return "Groups ready: " + ", ".join(f'"{group.name}"' for group in groups)

    def ready(self):

        from jeiweb.cache.pages import connect_content_version
        from jeiweb.cache.plugins import connect_plugin_caches
        from jeiweb.ops.sites import sync_site_domain
        from jeiweb.security.uploads import connect_upload_cleaning

        connect_plugin_caches()
        connect_content_version()
        connect_upload_cleaning()
        # After the sites app's tables exist (our core app has no models: it gets no signal).
        post_migrate.connect(sync_site_domain, sender=apps.get_app_config("sites"))

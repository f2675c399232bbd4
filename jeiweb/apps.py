from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the site uses: languages, page metadata, caching, the seed content.

    The core imports no app of the site: apps import it, and declare what it needs to know
    (a plugin the models it shows, an app the content it loads).
    """

    name = "jeiweb"
    verbose_name = _("Site")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from jeiweb.caching import connect_plugin_caches
        from jeiweb.sites import sync_site_domain

        connect_plugin_caches()
        # After the sites app's tables exist (our core app has no models: it gets no signal).
        post_migrate.connect(sync_site_domain, sender=apps.get_app_config("sites"))

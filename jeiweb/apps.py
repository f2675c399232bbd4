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
        from jeiweb.caching import connect_plugin_caches
        from jeiweb.pagecache import connect_content_version

        connect_plugin_caches()
        connect_content_version()

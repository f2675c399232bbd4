from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the site uses: languages, page metadata, caching, the seed content.

    The core imports no app of the site: apps import it, and declare what it needs to know
    (a model that it is site content, an app the content it loads).
    """

    name = "jeiweb"
    verbose_name = _("Site")

    def load_content(self, log):
        """The "Page editors" group and its media folder (called by `load_site_content`)."""
        from jeiweb.admin.roles import PAGE_EDITORS, setup_page_editors
        from jeiweb.content.loading import loader_user

        setup_page_editors(owner=loader_user())
        return f'"{PAGE_EDITORS}" group ready'

    def ready(self):

        from jeiweb.cache.pages import connect_content_version
        from jeiweb.ops.sites import sync_site_domain
        from jeiweb.security.uploads import connect_upload_cleaning

        connect_content_version()
        connect_upload_cleaning()
        # After the sites app's tables exist (our core app has no models: it gets no signal).
        post_migrate.connect(sync_site_domain, sender=apps.get_app_config("sites"))

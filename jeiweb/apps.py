from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the site uses: languages, page metadata, caching, the seed content.

    The core imports no app of the site: apps import it, and declare what it needs to know
    (a model that it is site content: jeiweb/content/registry.py; an app its content loader:
    jeiweb/content/loading.py).
    """

    name = "jeiweb"
    verbose_name = _("Site")

    def ready(self):
        from jeiweb.cache.pages import connect_content_version
        from jeiweb.content.history import register_history
        from jeiweb.ops.sites import sync_site_domain
        from jeiweb.security.uploads import connect_upload_cleaning

        register_core_loaders()
        connect_content_version()
        register_history()  # before the admin registers its model admins (VersionAdmin)
        connect_upload_cleaning()
        # After the sites app's tables exist (our core app has no models: it gets no signal).
        post_migrate.connect(sync_site_domain, sender=apps.get_app_config("sites"))


def load_roles(log):
    """Every staff role's group and media folder, reset to what jeiweb/admin/roles.py declares."""
    from jeiweb.admin.roles import setup_roles
    from jeiweb.content.loading import loader_user

    return len(setup_roles(owner=loader_user()))


def register_core_loaders():
    """The core's loaders: the page tree first of all, then the staff roles."""
    from jeiweb.content.loading import load_pages, loaders

    loaders.register("pages", load_pages, reports="{} page translations created")
    loaders.register("roles", load_roles, after=("pages",), reports="{} staff roles ready")

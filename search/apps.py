from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        # Each app's search_indexes.py registers its providers (search/providers.py).
        autodiscover_modules("search_indexes")

    def load_content(self, log):
        """Rebuild the index once every app has loaded its content (`load_site_content`)."""
        from search.registry import rebuild

        return f"{rebuild()} documents in the search index"

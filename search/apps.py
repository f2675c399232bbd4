from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        # Each app's searchable.py registers its providers (search/documents.py).
        autodiscover_modules("searchable")

    def load_content(self, log):
        """Rebuild the index once every app has loaded its content (`load_site_content`)."""
        from search.indexing import rebuild

        return f"{rebuild()} documents in the search index"

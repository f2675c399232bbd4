from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from jeiweb.content.loading import loaders

        # Each app's searchable.py registers its providers (search/documents.py).
        autodiscover_modules("searchable")
        loaders.register(
            "search", rebuild_index, after=("college", "news"), reports="{} documents in the search index"
        )


def rebuild_index(log):
    """The search index's loader: rebuilt from scratch once every app has loaded its content."""
    from search.indexing import rebuild

    return rebuild()

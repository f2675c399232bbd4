"""The providers of the site search, by kind, and the rebuild of the whole index from them.

Apps register their providers (search/providers.py) in their `search_indexes.py`::

    from search.registry import register

The registry sits above the providers and the index: it imports both, neither imports it.
"""

from jeiweb.i18n import language_codes
from search import index
from search.models import SearchDocument


class SearchRegistry:
    """The providers of the site, by kind."""

    def __init__(self):
        self._providers = {}

    def register(self, provider):
        """Register a provider class (as a decorator) or instance, and connect its signals."""
        instance = provider() if isinstance(provider, type) else provider
        if not instance.kind:
            raise ValueError(f"{provider!r} has no kind")
        if instance.kind in self._providers:
            raise ValueError(f"A search provider of kind {instance.kind!r} is registered already")
        self._providers[instance.kind] = instance
        instance.connect()
        return provider

    def unregister(self, kind):
        self._providers.pop(kind).disconnect()

    def get(self, kind):
        return self._providers.get(kind)

    def label(self, kind):
        provider = self._providers.get(kind)
        return provider.label if provider else ""

    def __iter__(self):
        return iter(list(self._providers.values()))

    def rebuild(self):
        """Recreate the whole index from every registered provider, in every language (the
        documents of a provider no longer registered go); returns the document count.

        Each provider and language is replaced in a transaction of its own (index.replace),
        in batches: a large archive is neither held in memory nor locked in one transaction,
        and visitors never see a kind half indexed."""
        SearchDocument.objects.exclude(kind__in=[provider.kind for provider in self]).delete()
        return sum(
            index.replace(provider, language, provider.entries(language))
            for provider in self
            for language in language_codes()
        )


registry = SearchRegistry()
register = registry.register
rebuild = registry.rebuild

"""Writes to the search index: the registered providers, their documents written and removed,
and the rebuild of the whole index from them.

What is searchable, and how each provider keeps its documents current, is declared in
search/documents.py and in each app's `searchable.py`; this module only stores it.
"""

import itertools

from django.db import transaction

from jeiweb.cache.pages import content_changed
from jeiweb.i18n import language_codes
from search import fulltext
from search.analysis import token_string
from search.models import DEFAULT_WEIGHT, SearchDocument

TITLE_MAX_LENGTH = SearchDocument._meta.get_field("title").max_length


# The registered providers, by kind (each app's searchable.py registers its own).
PROVIDERS = {}


def register(provider):
    """Register a provider class (as a decorator) or instance, and connect its signals."""
    instance = provider() if isinstance(provider, type) else provider
    if not instance.kind:
        raise ValueError(f"{provider!r} has no kind")
    if instance.kind in PROVIDERS:
        raise ValueError(f"A search provider of kind {instance.kind!r} is registered already")
    PROVIDERS[instance.kind] = instance
    instance.connect()
    return provider


def unregister(kind):
    PROVIDERS.pop(kind).disconnect()


def label(kind):
    """What a result of this kind is called on the results page ("Programme")."""
    provider = PROVIDERS.get(kind)
    return provider.label if provider else ""


def document(provider, language, entry):
    title = " ".join(entry.title.split())[:TITLE_MAX_LENGTH]
    # Synonyms count as words of the title (they name the thing) but are never shown.
    tokens = token_string(f"{title} {entry.keywords} {entry.text}")
    weight = entry.weight if entry.weight is not None else getattr(provider, "weight", DEFAULT_WEIGHT)
    return SearchDocument(
        language=language,
        kind=provider.kind,
        key=entry.key,
        url=entry.url,
        title=title,
        body=entry.text,
        title_tokens=token_string(f"{title} {entry.keywords}"),
        tokens=tokens,
        search_vector=fulltext.tsvector(tokens),
        weight=weight,
        visible_from=entry.visible_from,
    )


# Documents are built and written this many at a time, so that rebuilding a large index
# holds a batch in memory, not the whole archive.
BATCH_SIZE = 500


def _batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


@transaction.atomic
def replace(provider, language, entries, keys=None):
    """Make the index hold `entries` for the provider and language, in one transaction (a
    visitor never sees the kind half indexed).

    With `keys`, only the documents of those keys are replaced (what one edit touched);
    without, every document of the provider and language is. An entry without a URL (a page
    under an unpublished parent) cannot be visited, so it is left out.
    """
    stale = SearchDocument.objects.filter(kind=provider.kind, language=language)
    if keys is not None:
        stale = stale.filter(key__in=list(keys))
    stale.delete()  # on SQLite, a trigger deletes their full-text rows too
    written = 0
    for batch in _batches((entry for entry in entries if entry.url), BATCH_SIZE):
        documents = [document(provider, language, entry) for entry in batch]
        SearchDocument.objects.bulk_create(documents)
        fulltext.write(documents)
        written += len(documents)
    content_changed()  # written in bulk, without signals: the cached results pages are stale
    return written


def remove(provider, keys):
    SearchDocument.objects.filter(kind=provider.kind, key__in=list(keys)).delete()
    content_changed()


def rebuild():
    """Recreate the whole index from every registered provider, in every language (the
    documents of a provider no longer registered go); returns the document count.

    Each provider and language is replaced in a transaction of its own (`replace`), in
    batches: a large archive is neither held in memory nor locked in one transaction, and
    visitors never see a kind half indexed."""
    providers = list(PROVIDERS.values())
    SearchDocument.objects.exclude(kind__in=[provider.kind for provider in providers]).delete()
    return sum(
        replace(provider, language, provider.entries(language))
        for provider in providers
        for language in language_codes()
    )

"""What the site search covers, and how: providers, one per kind of searchable thing.

A provider lists, per language, the published items of one kind (an `Entry` each: a stable
key, URL, title and plain text) and keeps the index up to date when they change. Each app
declares its own in a `searchable.py` module and registers them with
`search.indexing.register`; the search app imports those modules at start-up (in its
`AppConfig.ready()`). search/indexing.py stores the entries as documents.

For a model, subclass `ModelProvider`: say which objects are published in a language and
what their title and text are. Saves and deletes of the model (and of its django-parler
translations) then update the index at once, and `rebuild_search_index` rebuilds it::

    # pages/searchable.py
    from django.utils.translation import gettext_lazy as _

    from pages.models import Programme
    from search.documents import ModelProvider
    from search.indexing import register


    @register
    class ProgrammeProvider(ModelProvider):
        model = Programme
        kind = "programme"  # stored with each document: keep it stable
        label = _("Programme")  # shown next to each result
        title_field = "title"  # translated fields; HTML in text fields is reduced to words
        text_fields = ("summary", "description")

        # get_queryset(language) defaults to what the publishing rule lets visitors see in
        # that language (jeiweb/content/publishing.py), with its translations: override it
        # to prefetch more of what get_text reads.
        # get_url(obj, language) defaults to obj.get_absolute_url() in that language; an item
        # without a URL (its apphook page is missing) is left out of the index. get_title and
        # get_text can be overridden for anything the fields do not say.

If get_text reads related objects (a programme's modules), say so in `watched_models`, so
that their saves reindex the object too::

    def watched_models(self):
        return {**super().watched_models(), Module: lambda module: module.programme_id}

An item published by date (an article with a future publication time) becomes visible
without a save: index it ahead of time and say from when it may be found, with
`get_visible_from` (the search leaves out documents whose time has not come).
Anything that is not a model subclasses `SearchProvider` and implements `entries(language)`,
as the CMS page provider does (search/searchable.py).
"""

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.html import strip_tags
from parler.models import TranslatableModelMixin

from jeiweb.content.batching import after_changes
from jeiweb.content.history import content_restored
from jeiweb.content.publishing import Publishable
from jeiweb.i18n import language_codes
from search import indexing
from search.models import DEFAULT_WEIGHT

BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|dl|dt|dd|tr|td|th|table|caption|section|article|aside|"
    r"blockquote|figure|figcaption|header|footer|pre|hr)\b[^>]*>",
    re.IGNORECASE,
)
INVISIBLE = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def html_to_text(markup):
    """The words of an HTML fragment as plain text: tags dropped, entities decoded,
    block elements kept apart by a space, soft hyphens gone, white space collapsed."""
    text = INVISIBLE.sub(" ", markup or "")
    text = strip_tags(BLOCK_TAG.sub(" ", text))
    text = html.unescape(text).replace("\xad", "")
    return " ".join(text.split())


@dataclass(frozen=True)
class Entry:
    """One searchable item in one language, as a provider hands it to the index."""

    key: str
    url: str
    title: str
    text: str = ""
    visible_from: datetime | None = None
    # Other words for the thing (a programme's synonyms): they rank as title words, unseen.
    keywords: str = ""
    # How much this entry weighs in the ranking; None: its provider's `weight`.
    weight: int | None = None


class SearchProvider:
    """A kind of searchable thing. Subclasses set `kind` and `label` and list `entries`.

    `weight` says how its documents rank against other kinds' for the same words (after the
    number of words matched and the matches in the title): what answers a visitor's question
    (a programme, the Contact page) weighs more than a line of history (a milestone)."""

    kind: str = ""
    label = ""
    weight: int = DEFAULT_WEIGHT

    def entries(self, language) -> Iterable[Entry]:
        raise NotImplementedError

    def connect(self):
        """Connect the signals that keep the index up to date (called on registration)."""

    def disconnect(self):
        """Undo `connect` (called when the provider is unregistered)."""


class ModelProvider(SearchProvider):
    """A provider for the published objects of one model (see the module docstring)."""

    model: type[models.Model] | None = None

    def get_queryset(self, language):
        """The objects visitors may see in `language`: of a model under the publishing rule,
        those published in it, scheduled ones included (indexed ahead, found from their
        `get_visible_from`), with their translations."""
        objects = self.model._default_manager.all()
        if issubclass(self.model, Publishable):
            objects = objects.visible(language, scheduled=True)
        if issubclass(self.model, TranslatableModelMixin):
            objects = objects.prefetch_related("translations")
        return objects

    def get_url(self, obj, language):
        if hasattr(obj, "set_current_language"):
            # A django-parler object builds its URL from its own current language (its slug).
            obj.set_current_language(language)
        with translation.override(language):
            try:
                return obj.get_absolute_url()
            except NoReverseMatch:
                # The page its apphook hangs on is missing: index it once there is one.
                return ""

    # For django-parler models, the translated fields that make the title and the text (HTML
    # is reduced to its words); override get_title / get_text for anything else.
    title_field = None
    text_fields = ()

    def get_title(self, obj, language):
        if self.title_field:
            return obj.safe_translation_getter(self.title_field, language_code=language)
        return str(obj)

    def get_text(self, obj, language):
        return " ".join(
            html_to_text(obj.safe_translation_getter(name, default="", language_code=language))
            for name in self.text_fields
        )

    # A translated field whose words are synonyms of the title (one per line or comma separated).
    keywords_field = None

    def get_keywords(self, obj, language):
        if self.keywords_field:
            return obj.safe_translation_getter(self.keywords_field, default="", language_code=language)
        return ""

    def get_visible_from(self, obj):
        """When the object becomes visible, if that is a time that may lie ahead."""
        return obj.visible_from if isinstance(obj, Publishable) else None

    def key(self, pk):
        return f"{self.kind}:{pk}"

    def entry(self, obj, language):
        return Entry(
            key=self.key(obj.pk),
            url=self.get_url(obj, language),
            title=self.get_title(obj, language) or "",
            text=self.get_text(obj, language) or "",
            visible_from=self.get_visible_from(obj),
            keywords=self.get_keywords(obj, language) or "",
        )

    def entries(self, language):
        # In chunks (with their prefetches), not the whole table at once: see indexing.replace.
        for obj in self.get_queryset(language).iterator(chunk_size=indexing.BATCH_SIZE):
            yield self.entry(obj, language)

    def watched_models(self):
        """Models whose saves and deletes change an object's entries, each with how to get
        from one of its instances to the object (or its pk): the model itself and its parler
        translations (saved after the object, so the object's own post_save is too early)."""
        watched = {self.model: lambda instance: instance}
        parler_meta = getattr(self.model, "_parler_meta", None)
        if parler_meta is not None:
            for meta in parler_meta:
                watched[meta.model] = lambda translation_row: translation_row.master_id
        return watched

    def reindex_many(self, pks):
        """Index the objects `pks` as they are now, in every language, one replace a language
        (an object no longer published, or gone, leaves the index)."""
        pks = {pk for pk in pks if pk is not None}
        if not pks:
            return
        entries = {
            language: [self.entry(obj, language) for obj in self.get_queryset(language).filter(pk__in=pks)]
            for language in language_codes()
        }
        keys = [self.key(pk) for pk in pks]
        for language, found in entries.items():
            indexing.replace(self, language, found, keys=keys)

    def remove_many(self, pks):
        indexing.remove(self, [self.key(pk) for pk in pks])

    # Each save reindexes its object at once, or once at the end of a batch of saves (an
    # import: `jeiweb.content.batching`), with every object the batch saved.
    def _saved(self, sender, instance, raw=False, **kwargs):
        if raw:  # loaddata: the objects may be incomplete; rebuild afterwards
            return
        after_changes(self.reindex_many, self._pk(sender, instance))

    def _restored(self, sender, instance, **kwargs):
        """Restored from the history: saved raw, but whole (see jeiweb/content/history.py)."""
        if sender in self._watched:
            after_changes(self.reindex_many, self._pk(sender, instance))

    def _deleted(self, sender, instance, **kwargs):
        if sender is self.model:
            after_changes(self.remove_many, instance.pk)
        else:
            after_changes(self.reindex_many, self._pk(sender, instance))

    def _pk(self, sender, instance):
        obj_or_pk = self._watched[sender](instance)
        return getattr(obj_or_pk, "pk", obj_or_pk)

    def _uid(self, signal_name, sender):
        return f"search:{self.kind}:{signal_name}:{sender._meta.label}"

    def connect(self):
        self._watched = self.watched_models()
        for sender in self._watched:
            post_save.connect(self._saved, sender=sender, dispatch_uid=self._uid("save", sender))
            post_delete.connect(self._deleted, sender=sender, dispatch_uid=self._uid("delete", sender))
            content_restored.connect(self._restored, sender=sender, dispatch_uid=self._uid("restore", sender))

    def disconnect(self):
        for sender in self._watched:
            post_save.disconnect(sender=sender, dispatch_uid=self._uid("save", sender))
            post_delete.disconnect(sender=sender, dispatch_uid=self._uid("delete", sender))
            content_restored.disconnect(sender=sender, dispatch_uid=self._uid("restore", sender))

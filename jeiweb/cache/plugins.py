"""Keep cached pages honest: CMS pages render records through plugins.

django CMS caches rendered placeholders and whole pages; it clears them when a page is edited,
not when a record that a plugin shows changes. So each plugin declares the models it shows,
in `invalidated_by` (see `RecordsPlugin`); at start-up every declaration is connected, so that
saving or deleting such a record (or one of its django-parler translations, where its text
lives, or one of its many-to-many links) clears the page cache and the placeholders that hold
a plugin showing it. Nothing else needs to list the plugins or the records.
"""

from collections import defaultdict
from functools import partial

from cms.cache import invalidate_cms_page_cache
from cms.cache.placeholder import clear_placeholder_cache
from cms.models import CMSPlugin, Placeholder
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from parler.models import TranslatableModel


class RecordsPlugin(CMSPluginBase):
    """A plugin that renders records: `invalidated_by` names their models."""

    invalidated_by = ()
    allow_children = False


def clear_plugin_caches(plugin_types, **kwargs):
    """Clear the page cache and every placeholder that holds one of `plugin_types`."""
    if kwargs.get("raw"):  # loaddata
        return
    placed = CMSPlugin.objects.filter(plugin_type__in=plugin_types).values_list("placeholder_id", "language")
    for placeholder_id, language in placed.distinct():
        clear_placeholder_cache(Placeholder(pk=placeholder_id), language, settings.SITE_ID)
    invalidate_cms_page_cache()


def senders(model):
    """The model, its translations and its many-to-many links: whatever changes what it shows."""
    yield post_save, model
    yield post_delete, model
    if issubclass(model, TranslatableModel):
        yield post_save, model._parler_meta.root_model
        yield post_delete, model._parler_meta.root_model
    for field in model._meta.local_many_to_many:
        yield m2m_changed, field.remote_field.through


def connect_plugin_caches(plugins=None):
    """Connect every plugin's `invalidated_by`; returns {model: plugin types it clears}."""
    if plugins is None:
        plugin_pool.discover_plugins()
        plugins = plugin_pool.plugins.values()
    shown_by = defaultdict(set)
    for plugin in plugins:
        for model in getattr(plugin, "invalidated_by", ()):
            shown_by[model].add(plugin.__name__)
    for model, plugin_types in shown_by.items():
        receiver = partial(clear_plugin_caches, tuple(sorted(plugin_types)))
        for signal, sender in senders(model):
            signal.connect(
                receiver,
                sender=sender,
                weak=False,
                dispatch_uid=f"clear-caches-{model._meta.label}-{sender._meta.label}-{id(signal)}",
            )
    return dict(shown_by)

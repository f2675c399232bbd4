"""Keep cached pages honest: CMS pages render records through plugins.

django CMS caches rendered placeholders and whole pages; it clears them when a page is
edited, not when a record that a plugin shows changes. `clear_caches_on_change` connects a
model (and its django-parler translations, where its text lives) so that saving or deleting
one clears the page cache and the placeholders holding the plugins that show it. The college
registers its records here; the news app registers its own (news/signals.py).
"""

from functools import partial

from cms.cache import invalidate_cms_page_cache
from cms.cache.placeholder import clear_placeholder_cache
from cms.models import CMSPlugin, Placeholder
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from parler.models import TranslatableModel

COLLEGE_PLUGINS = (
    "KeyFactsPlugin",
    "ProgrammeCardsPlugin",
    "TimelinePlugin",
    "CommitteePlugin",
    "ResourcesPlugin",
    "AccreditationsPlugin",
)


def clear_plugin_caches(plugin_types, **kwargs):
    """Clear the page cache and every placeholder that holds one of `plugin_types`."""
    if kwargs.get("raw"):  # loaddata
        return
    placed = CMSPlugin.objects.filter(plugin_type__in=plugin_types).values_list("placeholder_id", "language")
    for placeholder_id, language in placed.distinct():
        clear_placeholder_cache(Placeholder(pk=placeholder_id), language, settings.SITE_ID)
    invalidate_cms_page_cache()


def clear_caches_on_change(models, plugin_types):
    receiver = partial(clear_plugin_caches, plugin_types)
    for model in models:
        senders = [model]
        if issubclass(model, TranslatableModel):
            senders.append(model._parler_meta.root_model)
        for sender in senders:
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(
                    receiver,
                    sender=sender,
                    weak=False,
                    dispatch_uid=f"clear-caches-{sender._meta.label}-{name}",
                )
    return receiver


def register():
    from pages.models import COLLEGE_RECORDS

    clear_caches_on_change(COLLEGE_RECORDS, COLLEGE_PLUGINS)

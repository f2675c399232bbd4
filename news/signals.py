"""Cached pages never outlive a change to the news.

Saving or deleting an article, event or category (or any of their translations) clears the
CMS page cache and the cached content of every placeholder holding a "latest news" block, so
a publication or a withdrawal shows at once (pages/signals.py). A scheduled article reaching
its time is no save: see LatestNewsPlugin's cache lifetime.
"""

from django.db.models.signals import m2m_changed

from pages.signals import clear_caches_on_change

from .models import Article, Category, Event


def register():
    receiver = clear_caches_on_change((Article, Event, Category), ("LatestNewsPlugin",))
    m2m_changed.connect(
        receiver,
        sender=Article.categories.through,
        weak=False,
        dispatch_uid="clear-caches-article-categories",
    )

"""Cached pages never outlive a change to the news.

Saving or deleting an article, event or category clears the CMS page cache and the cached
content of every placeholder holding a "latest news" block, so a publication or a withdrawal
shows at once. (A scheduled article reaching its time is no save: see LatestNewsPlugin.)
"""

from cms.cache import invalidate_cms_page_cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Article, Category, Event, LatestNewsPluginModel


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(post_save, sender=Article._parler_meta.root_model)
@receiver(post_delete, sender=Article._parler_meta.root_model)
@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
@receiver(m2m_changed, sender=Article.categories.through)
def clear_news_caches(**kwargs):
    invalidate_cms_page_cache()
    for block in LatestNewsPluginModel.objects.select_related("placeholder"):
        block.placeholder.clear_cache(block.language)

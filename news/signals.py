"""Cached pages never outlive a change to the news: saving or deleting one clears the CMS page cache."""

from cms.cache import invalidate_cms_page_cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Article, Category, Event


@receiver(post_save, sender=Article)
@receiver(post_save, sender=Article._parler_meta.root_model)
@receiver(post_delete, sender=Article._parler_meta.root_model)
@receiver(post_delete, sender=Article)
@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
@receiver(m2m_changed, sender=Article.categories.through)
def clear_page_cache(**kwargs):
    invalidate_cms_page_cache()

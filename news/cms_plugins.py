from datetime import timedelta

from cms.plugin_pool import plugin_pool
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeiweb.cache.plugins import RecordsPlugin

from .models import Article, Category, Event, LatestNewsPluginModel, news_url


@plugin_pool.register_plugin
class LatestNewsPlugin(RecordsPlugin):
    """The newest articles in the page's language (optionally of one category), e.g. on the home page.

    The home page is served from the CMS page cache. Saving an article clears that cache
    (`invalidated_by`, jeiweb/cache/plugins.py), so a publication or a withdrawal shows at once; a
    scheduled article reaching its time is not a save, so this block declares a lifetime of at
    most NEWS_PLUGIN_CACHE_SECONDS (60 s), shortened to the next scheduled publication when that comes sooner.
    """

    model = LatestNewsPluginModel
    # An event's save clears the page cache too: CMS pages may link to it.
    invalidated_by = (Article, Category, Event)
    name = _("Latest news")
    module = _("News and events")
    render_template = "news/plugins/latest_news.html"

    def render(self, context, instance, placeholder):
        language = instance.language
        # Featured articles lead the block, however old; then the newest.
        articles = (
            Article.objects.published(language)
            .for_listing()
            .order_by("-is_featured", "-publication_start", "-pk")
        )
        if instance.category_id:
            articles = articles.filter(categories=instance.category_id)
        context.update(
            {
                "instance": instance,
                "articles": articles[: instance.count],
                "news_url": news_url("article-list", language),
            }
        )
        return context

    def get_cache_expiration(self, request, instance, placeholder):
        now = timezone.now()
        lifetime = now + timedelta(seconds=settings.NEWS_PLUGIN_CACHE_SECONDS)
        next_publication = (
            Article.objects.scheduled(now)
            .order_by("publication_start")
            .values_list("publication_start", flat=True)
            .first()
        )
        return min(lifetime, next_publication) if next_publication else lifetime

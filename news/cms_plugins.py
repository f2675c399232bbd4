from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .models import Article, LatestNewsPluginModel, news_url


@plugin_pool.register_plugin
class LatestNewsPlugin(CMSPluginBase):
    """The newest visible articles in the page's language (optionally of one category), e.g. on
    the home page. The page cache keeps the page until an article is saved or the next one
    scheduled comes due (jeiweb/cache/pages.py): this block keeps no cache of its own."""

    model = LatestNewsPluginModel
    name = _("Latest news")
    module = _("News and events")
    render_template = "news/plugins/latest_news.html"

    def render(self, context, instance, placeholder):
        language = instance.language
        # Featured articles lead the block, however old; then the newest.
        articles = (
            Article.objects.visible(language)
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

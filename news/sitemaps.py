"""Published articles and events in sitemap.xml, each in the languages it is written in."""

from jeiweb.seo.sitemaps import TranslatedObjectSitemap
from news.models import Article, Event


class ArticleSitemap(TranslatedObjectSitemap):
    section = "articles"
    url_name = "news:article-detail"

    def items(self):
        # The same rule as the list, the feeds and the search: published and due.
        return Article.objects.visible().prefetch_related("translations").order_by("-publication_start", "pk")


class EventSitemap(TranslatedObjectSitemap):
    section = "events"
    url_name = "news:event-detail"

    def items(self):
        return Event.objects.visible().prefetch_related("translations").order_by("-start", "pk")

"""What of the news the site search finds: articles and events (search/documents.py)."""

from django.utils.translation import gettext_lazy as _

from news.models import Article, Event
from search.documents import ModelProvider
from search.indexing import register


@register
class ArticleProvider(ModelProvider):
    """Published articles, scheduled ones included: they are indexed ahead and found from
    their publication time on (SearchDocument.visible_from), as everywhere else on the site."""

    model = Article
    kind = "article"
    label = _("News")
    title_field = "title"
    text_fields = ("summary", "body")

    def get_queryset(self, language):
        return Article.objects.visible(language, scheduled=True).prefetch_related("translations")

    def get_visible_from(self, article):
        return article.visible_from


@register
class EventProvider(ModelProvider):
    model = Event
    kind = "event"
    label = _("Event")
    title_field = "title"
    text_fields = ("location", "description")

    def get_queryset(self, language):
        return Event.objects.visible(language, scheduled=True).prefetch_related("translations")

    def get_visible_from(self, event):
        return event.visible_from

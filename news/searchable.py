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


@register
class EventProvider(ModelProvider):
    model = Event
    kind = "event"
    label = _("Event")
    title_field = "title"
    text_fields = ("location", "description")

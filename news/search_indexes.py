"""What of the news the site search finds: articles and events (search/providers.py)."""

from django.utils.translation import gettext_lazy as _

from news.models import Article, Event, Status
from search.providers import ModelProvider, html_to_text, register


@register
class ArticleProvider(ModelProvider):
    """Published articles, scheduled ones included: they are indexed ahead and found from
    their publication time on (SearchDocument.visible_from), as everywhere else on the site."""

    model = Article
    kind = "article"
    label = _("News")

    def get_queryset(self, language):
        return (
            Article.objects.filter(status=Status.PUBLISHED)
            .translated(language)
            .prefetch_related("translations")
        )

    def get_title(self, article, language):
        return article.safe_translation_getter("title", language_code=language)

    def get_text(self, article, language):
        summary = article.safe_translation_getter("summary", default="", language_code=language)
        body = article.safe_translation_getter("body", default="", language_code=language)
        return f"{summary} {html_to_text(body)}"

    def get_visible_from(self, article):
        return article.publication_start


@register
class EventProvider(ModelProvider):
    model = Event
    kind = "event"
    label = _("Event")

    def get_queryset(self, language):
        return Event.objects.published(language).prefetch_related("translations")

    def get_title(self, event, language):
        return event.safe_translation_getter("title", language_code=language)

    def get_text(self, event, language):
        location = event.safe_translation_getter("location", default="", language_code=language)
        description = event.safe_translation_getter("description", default="", language_code=language)
        return f"{location} {html_to_text(description)}"

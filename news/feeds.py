"""RSS 2.0 and Atom feeds of the latest articles, per language (the URL's) and per category."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jeiweb.i18n import bcp47

from .models import Article, news_url
from .views import published_category

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    # One instance serves every request: the language is read from the request's thread, never stored.
    @property
    def language(self):
        """The feed's <language>, a BCP 47 tag (zh-Hans)."""
        return bcp47(get_language())

    def get_object(self, request, category=None):
        if category is None:
            return None
        return published_category(get_language(), category)

    def title(self, category):
        site = _("CQMU–UoL Joint Educational Institute")
        if category is None:
            return _("News from the %(site)s") % {"site": site}
        return _("%(category)s: news from the %(site)s") % {"category": category.name, "site": site}

    def description(self, category):
        return _("The latest news of the CQMU–UoL Joint Educational Institute.")

    def link(self, category):
        if category is None:
            return news_url("article-list", get_language())
        return category.get_absolute_url(get_language())

    def items(self, category):
        articles = Article.objects.visible(get_language()).for_listing()
        if category is not None:
            articles = articles.filter(categories=category)
        return articles[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.get_absolute_url(get_language())

    def item_pubdate(self, article):
        return article.publication_start

    def item_updateddate(self, article):
        return article.modified

    def item_categories(self, article):
        return [category.name for category in article.categories.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)

"""Reads of the news pages that must not grow with the archive.

Whole-table work (the categories holding a visible article, the years of the archive, the
count of a list) is done once per content change and kept in the cache (`per_version`,
jeiweb/cache/pages.py); what a page shows of its articles is fetched in a fixed number of
queries, however many cards it holds.
"""

from collections import namedtuple

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property

from jeiweb.cache.pages import per_version
from jeiweb.i18n import get_translated_or_404

from .models import Article, Category, Event, news_url

# The previous or next article: its title and address, all the page shows of it.
Neighbour = namedtuple("Neighbour", "title url")


class CountedPaginator(Paginator):
    """Counts the list once per content change (the count scans every matching article)."""

    def __init__(self, *args, count_key, **kwargs):
        self.count_key = count_key
        super().__init__(*args, **kwargs)

    @cached_property
    def count(self):
        return per_version(self.count_key, lambda: super(CountedPaginator, self).count)


def published_categories(language):
    """The categories holding a visible article, with their names (a list kept in the cache)."""
    return per_version(
        f"news-categories:{language}",
        lambda: list(Category.objects.visible(language).prefetch_related("translations")),
    )


def published_category(language, slug):
    """The visible category at `slug` (from the cached list), or get_translated_or_404's answer."""
    for category in published_categories(language):
        if category.safe_translation_getter("slug", language_code=language) == slug:
            category.set_current_language(language)
            return category
    return get_translated_or_404(Category.objects.visible(language).prefetch_related("translations"), slug)


def archive_years(language):
    return per_version(
        f"news-years:{language}",
        lambda: list(Article.objects.visible(language).dates("publication_start", "year", order="DESC")),
    )


def for_cards(articles):
    """Articles as cards show them: photo and text; their categories come from `attach_categories`."""
    return articles.select_related("featured_image").prefetch_related("translations")


def attach_categories(articles, language):
    """Give each article its `listed_categories` (those visible in `language`), for all the
    articles of a page in one query, from the cached list of categories."""
    articles = list(articles)
    by_pk = {category.pk: category for category in published_categories(language)}
    for category in by_pk.values():
        category.set_current_language(language)
    by_article = {article.pk: article for article in articles}
    for article in articles:
        article.listed_categories = []
    links = (
        Article.categories.through.objects.filter(article_id__in=by_article)
        .order_by("category__ordering", "category_id")
        .values_list("article_id", "category_id")
    )
    for article_id, category_id in links:
        if category_id in by_pk:
            by_article[article_id].listed_categories.append(by_pk[category_id])
    return articles


def with_relations_flags(articles):
    """Whether each article has related programmes, milestones, events: the page fetches them
    only when it has some (three queries saved on most articles)."""
    return articles.annotate(
        has_programmes=Exists(Article.related_programmes.through.objects.filter(article_id=OuterRef("pk"))),
        has_milestones=Exists(Article.related_milestones.through.objects.filter(article_id=OuterRef("pk"))),
        has_events=Exists(Event.objects.filter(article_id=OuterRef("pk"))),
    )


def neighbour(articles, language, *order_by):
    """The first of `articles` (written in `language`) in the given order, as a Neighbour: one
    query, which reads the list's index in that order and stops at the first. None if none."""
    found = (
        articles.translated(language)
        .order_by(*order_by)
        .values_list("translations__title", "translations__slug")
        .first()
    )
    if found is None:
        return None
    title, slug = found
    return Neighbour(title, news_url("article-detail", language, slug=slug))

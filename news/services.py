"""Writes with rules: the seeded news."""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import yaml
from django.conf import settings
from django.db import transaction

from pages.models import Milestone, Programme

from .models import Article, Category, Status

NEWS_FIXTURES = settings.BASE_DIR / "fixtures" / "news"


@dataclass
class ArticleSpec:
    """One article of fixtures/news/articles.yaml; its body per language is a file beside it."""

    key: str
    publication_start: str
    title: dict
    slug: dict
    summary: dict
    categories: list
    # Keys of the college records (fixtures/college/) the story is about.
    related_programmes: list = field(default_factory=list)
    related_milestones: list = field(default_factory=list)

    def body(self, language):
        return (NEWS_FIXTURES / f"{self.key}.{language}.html").read_text(encoding="utf-8")

    @property
    def published_at(self):
        return datetime.fromisoformat(self.publication_start).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def read_news_fixtures():
    with (NEWS_FIXTURES / "articles.yaml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return data["categories"], [ArticleSpec(**entry) for entry in data["articles"]]


@transaction.atomic
def load_news(log=lambda message: None):
    """Create the seeded categories and articles that do not exist yet (found by their English
    slug); what exists is left as staff have edited it. Returns the number of articles created."""
    category_specs, article_specs = read_news_fixtures()
    categories = {}
    for spec in category_specs:
        category = Category.objects.filter(
            translations__language_code="en", translations__slug=spec["slug"]["en"]
        ).first()
        if category is None:
            category = Category()
            for language, name in spec["name"].items():
                category.set_current_language(language)
                category.name = name
                category.slug = spec["slug"][language]
                category.save()
        categories[spec["key"]] = category
    created = 0
    for spec in article_specs:
        if Article.objects.filter(
            translations__language_code="en", translations__slug=spec.slug["en"]
        ).exists():
            continue
        article = Article(status=Status.PUBLISHED, publication_start=spec.published_at)
        for language in spec.title:
            article.set_current_language(language)
            article.title = spec.title[language]
            article.slug = spec.slug[language]
            article.summary = spec.summary[language]
            article.body = spec.body(language)
            article.full_clean()
            article.save()
        article.categories.set([categories[key] for key in spec.categories])
        article.related_programmes.set(Programme.objects.filter(key__in=spec.related_programmes))
        article.related_milestones.set(Milestone.objects.filter(key__in=spec.related_milestones))
        created += 1
        log(f"Published article {spec.key}")
    return created

"""Writes with rules: the seeded news."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from jeiweb.content.loading import create_translated, ignore, read_body, read_records
from pages.models import Milestone, Programme

from .models import Article, Category, Status

NEWS_FIXTURES = settings.BASE_DIR / "fixtures" / "news"


def find_by_english_slug(model, translations):
    """Seeded news is recognised by its English slug (categories and articles have no key)."""
    slug = translations["en"]["slug"]
    return model.objects.translated("en", slug=slug).first()


def load_categories(directory, log):
    """The categories of `categories.yaml`, existing or created, by their fixture key."""
    categories = {}
    for record in read_records(directory / "categories.yaml"):
        category = find_by_english_slug(Category, record["translations"])
        if category is None:
            category = create_translated(Category, record["translations"])
            log(f"Created category {record['key']}")
        categories[record["key"]] = category
    return categories


def publication_time(text):
    """A publication time as the fixtures write it: Beijing time (the site's TIME_ZONE)."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def create_article(record, directory, categories):
    translations = {
        language: {**texts, "body": read_body(directory, record["key"], language)}
        for language, texts in record["translations"].items()
    }
    article = create_translated(
        Article,
        translations,
        status=Status.PUBLISHED,
        publication_start=publication_time(record["publication_start"]),
    )
    article.categories.set([categories[key] for key in record["categories"]])
    # Keys of the college records (fixtures/college/) the story is about.
    article.related_programmes.set(Programme.objects.filter(key__in=record.get("related_programmes", [])))
    article.related_milestones.set(Milestone.objects.filter(key__in=record.get("related_milestones", [])))
    return article


@transaction.atomic
def load_news(directory=NEWS_FIXTURES, log=ignore):
    """The news' loader: create the seeded categories and articles that do not exist yet;
    what exists is left as staff have edited it. Returns the number of articles created."""
    categories = load_categories(directory, log)
    created = 0
    for record in read_records(directory / "articles.yaml"):
        if find_by_english_slug(Article, record["translations"]) is None:
            create_article(record, directory, categories)
            created += 1
            log(f"Published article {record['key']}")
    return created

"""Builders of news articles, events, images and editors for the news tests."""

import itertools
from datetime import timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from filer.models import Image as FilerImage
from PIL import Image

from jeiweb.admin.roles import NEWS_EDITORS
from news.models import Article, Category, Event, Status

_numbers = itertools.count(1)


def make_article(languages=("en", "zh-hans"), status=Status.PUBLISHED, publication_start=None, **fields):
    number = next(_numbers)
    categories = fields.pop("categories", [])
    title = fields.pop("title", None)
    body = fields.pop("body", None)
    article = Article(
        status=status,
        publication_start=publication_start or timezone.now() - timedelta(hours=number),
        **fields,
    )
    for language in languages:
        article.set_current_language(language)
        article.title = title or f"Article {number} ({language})"
        article.slug = f"article-{number}-{language}"
        article.summary = f"Summary of article {number} in {language}."
        article.body = body if body is not None else f"<p>Body of article {number} in {language}.</p>"
        article.save()
    article.categories.set(categories)
    return article


def make_category(name="Research", slug="research"):
    category = Category()
    for language in ("en", "zh-hans"):
        category.set_current_language(language)
        category.name = f"{name} ({language})"
        category.slug = f"{slug}-{language}"
        category.save()
    return category


def make_event(languages=("en", "zh-hans"), status=Status.PUBLISHED, start=None, hours=2, **fields):
    number = next(_numbers)
    start = start or timezone.now() + timedelta(days=number)
    event = Event(status=status, start=start, end=start + timedelta(hours=hours), **fields)
    for language in languages:
        event.set_current_language(language)
        event.title = f"Event {number} ({language})"
        event.slug = f"event-{number}-{language}"
        event.location = f"Lecture theatre {number}"
        event.description = f"<p>About event {number} in {language}.</p>"
        event.save()
    return event


def image_bytes(size=(1600, 900), image_format="JPEG"):
    buffer = BytesIO()
    Image.new("RGB", size, (11, 42, 74)).save(buffer, image_format)
    return buffer.getvalue()


def make_image(size=(1600, 900), name="photo.jpg"):
    return FilerImage.objects.create(
        file=SimpleUploadedFile(name, image_bytes(size), content_type="image/jpeg"), original_filename=name
    )


def make_editor(username="editor", password="editor-password"):
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=NEWS_EDITORS))
    return user


def bulk_articles(count, category=None, image=None, start=None):
    """`count` published articles in both languages, written with bulk_create (a few queries
    whatever the count), newest one hour ago, one hour apart. For query budgets and EXPLAIN."""
    start = start or timezone.now() - timedelta(hours=1)
    first = next(_numbers)
    articles = Article.objects.bulk_create(
        Article(
            status=Status.PUBLISHED,
            publication_start=start - timedelta(hours=index),
            featured_image=image,
        )
        for index in range(count)
    )
    Translation = Article._parler_meta.root_model
    Translation.objects.bulk_create(
        Translation(
            master=article,
            language_code=language,
            title=f"Bulk article {first}-{index} ({language})",
            slug=f"bulk-{first}-{index}-{language}",
            summary=f"Summary of bulk article {index} in {language}.",
            body=f"<p>Body of bulk article {index} in {language}.</p>",
        )
        for index, article in enumerate(articles)
        for language in ("en", "zh-hans")
    )
    if category is not None:
        Article.categories.through.objects.bulk_create(
            Article.categories.through(article_id=article.pk, category_id=category.pk) for article in articles
        )
    return articles

"""Factories (factory_boy) of news articles, events, categories, images and editors.

The `make_*` functions are the short form the tests use: `make_article(title="Secret draft",
status=Status.DRAFT)`. Each record is in both languages unless `languages` says otherwise.
"""

import itertools
from datetime import timedelta
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from filer.models import Image as FilerImage
from PIL import Image

from jeiweb.admin.roles import NEWS_EDITORS, NEWS_WRITERS, PAGE_EDITORS
from news.models import Article, Category, Event, Status
from tests.support.factories import LANGUAGES, TranslatedFactory


class ArticleFactory(TranslatedFactory):
    """A published article; each new one an hour older than the one before."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    status = Status.PUBLISHED
    publication_start = factory.Sequence(lambda n: timezone.now() - timedelta(hours=n + 1))
    translations = factory.Sequence(
        lambda n: {
            language: {
                "title": f"Article {n} ({language})",
                "slug": f"article-{n}-{language}",
                "summary": f"Summary of article {n} in {language}.",
                "body": f"<p>Body of article {n} in {language}.</p>",
            }
            for language in LANGUAGES
        }
    )

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


class CategoryFactory(TranslatedFactory):
    class Meta:
        model = Category

    translations = factory.Sequence(
        lambda n: {
            language: {"name": f"Category {n} ({language})", "slug": f"category-{n}-{language}"}
            for language in LANGUAGES
        }
    )


class EventFactory(TranslatedFactory):
    """A published event of `hours` hours; each new one a day later than the one before."""

    class Meta:
        model = Event

    class Params:
        hours = 2

    status = Status.PUBLISHED
    start = factory.Sequence(lambda n: timezone.now() + timedelta(days=n + 1))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=event.hours))
    translations = factory.Sequence(
        lambda n: {
            language: {
                "title": f"Event {n} ({language})",
                "slug": f"event-{n}-{language}",
                "location": f"Lecture theatre {n}",
                "description": f"<p>About event {n} in {language}.</p>",
            }
            for language in LANGUAGES
        }
    )


def image_bytes(size=(1600, 900), image_format="JPEG"):
    buffer = BytesIO()
    Image.new("RGB", size, (11, 42, 74)).save(buffer, image_format)
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    """A JPEG in django-filer, `size` pixels."""

    class Meta:
        model = FilerImage

    class Params:
        size = (1600, 900)

    original_filename = "photo.jpg"
    file = factory.LazyAttribute(
        lambda image: SimpleUploadedFile(
            image.original_filename, image_bytes(image.size), content_type="image/jpeg"
        )
    )


class EditorFactory(factory.django.DjangoModelFactory):
    """Staff in the news editors' group."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"editor-{n}")
    password = factory.django.Password("editor-password")
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=extracted or NEWS_EDITORS))


def make_writer(**fields):
    """A News writer: drafts and submits for review, never publishes."""
    return EditorFactory(username=factory.Sequence(lambda n: f"writer-{n}"), groups=NEWS_WRITERS, **fields)


def make_page_editor(**fields):
    """A Page editor, who also approves the writers' news."""
    return EditorFactory(groups=PAGE_EDITORS, **fields)


def make_article(languages=LANGUAGES, status=Status.PUBLISHED, publication_start=None, **fields):
    if publication_start is not None:
        fields["publication_start"] = publication_start
    for name in ("title", "body"):  # None: each language's own default
        if fields.get(name) is None:
            fields.pop(name, None)
    return ArticleFactory(languages=languages, status=status, **fields)


def make_category(name="Research", slug="research"):
    return CategoryFactory(
        translations={
            language: {"name": f"{name} ({language})", "slug": f"{slug}-{language}"} for language in LANGUAGES
        }
    )


def make_event(languages=LANGUAGES, status=Status.PUBLISHED, start=None, hours=2, **fields):
    if start is not None:
        fields["start"] = start
    return EventFactory(languages=languages, status=status, hours=hours, **fields)


def make_image(size=(1600, 900), name="photo.jpg"):
    return ImageFactory(size=size, original_filename=name)


def make_editor(username="editor", password="editor-password"):
    return EditorFactory(username=username, password=password)


_bulk_numbers = itertools.count(1)


def bulk_articles(count, category=None, image=None, start=None):
    """`count` published articles in both languages, written with bulk_create (a few queries
    whatever the count), newest one hour ago, one hour apart. For query budgets and EXPLAIN."""
    start = start or timezone.now() - timedelta(hours=1)
    first = next(_bulk_numbers)
    articles = Article.objects.bulk_create(
        Article(
            status=Status.PUBLISHED,
            publication_start=start - timedelta(hours=index),
            featured_image=image,
        )
        for index in range(count)
    )
    Translation = Article._meta.get_field("translations").related_model
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
        for language in LANGUAGES
    )
    if category is not None:
        Article.categories.through.objects.bulk_create(
            Article.categories.through(article_id=article.pk, category_id=category.pk) for article in articles
        )
    return articles


def make_registration(event=None, capacity=10, max_places_per_booking=4, enabled=True, **fields):
    """Registration on the site for `event` (a new upcoming event by default)."""
    from news.models import EventRegistration

    event = event or make_event()
    return EventRegistration.objects.create(
        event=event,
        enabled=enabled,
        capacity=capacity,
        max_places_per_booking=max_places_per_booking,
        **fields,
    )


def make_booking(event, places=1, status="confirmed", name="Booked visitor", **fields):
    """A booking stored as it is (no rules applied): the starting point of a test."""
    from news.models import Booking

    fields = {
        "email": "family@example.com",
        "province": "chongqing",
        "relation": "parent",
        "language": "en",
        **fields,
    }
    return Booking.objects.create(event=event, places=places, status=status, name=name, **fields)

"""Writes with rules: the seeded news and the "News editors" group."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from jeiweb.admin.roles import role_folder
from jeiweb.content.loading import create_translated, ignore, loader_user, read_body, read_records
from pages.models import Milestone, Programme

from .models import Article, Category, Status

NEWS_FIXTURES = settings.BASE_DIR / "fixtures" / "news"
NEWS_EDITORS = "News editors"
# The news editors' own media folder: outside it they see only the photos they uploaded.
NEWS_PHOTOS_FOLDER = "News photos / 新闻图片"

# What a news editor may do, and nothing more: write, publish and delete articles, events and
# categories, and upload and manage the images (and their folders) those use. No CMS pages,
# users, groups or settings.
EDITOR_PERMISSIONS = {
    ("news", "article"): [
        "add_article",
        "change_article",
        "delete_article",
        "view_article",
        "publish_article",
    ],
    ("news", "event"): ["add_event", "change_event", "delete_event", "view_event"],
    ("news", "category"): ["add_category", "change_category", "delete_category", "view_category"],
    ("filer", "file"): ["add_file", "change_file", "view_file"],
    ("filer", "image"): ["add_image", "change_image", "view_image"],
    # Filer's media library (folders and the upload button) needs its own permission.
    ("filer", "folder"): ["add_folder", "change_folder", "view_folder", "can_use_directory_listing"],
}


def editor_permissions():
    query = Q(pk__in=[])
    for (app_label, model), codenames in EDITOR_PERMISSIONS.items():
        query |= Q(content_type__app_label=app_label, content_type__model=model, codename__in=codenames)
    return Permission.objects.filter(query)


def setup_news_editors():
    """Create the "News editors" group and its media folder, or reset its permissions to
    exactly EDITOR_PERMISSIONS."""
    group, _created = Group.objects.get_or_create(name=NEWS_EDITORS)
    permissions = list(editor_permissions())
    if len(permissions) != sum(len(codenames) for codenames in EDITOR_PERMISSIONS.values()):
        raise RuntimeError("Some news editor permissions do not exist: run `manage.py migrate` first.")
    group.permissions.set(permissions)
    role_folder(group, NEWS_PHOTOS_FOLDER, owner=loader_user())
    return group


def find_by_english_slug(model, translations):
    """Seeded news is recognised by its English slug (categories and articles have no key)."""
    slug = translations["en"]["slug"]
    return model.objects.filter(translations__language_code="en", translations__slug=slug).first()


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

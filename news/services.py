"""Writes with rules: the seeded news and the "News editors" group."""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import yaml
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from jeiweb.admin.roles import role_folder
from jeiweb.content.loading import loader_user
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
        category = Category.objects.translated("en", slug=spec["slug"]["en"]).first()
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
        if Article.objects.translated("en", slug=spec.slug["en"]).exists():
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

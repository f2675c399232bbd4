"""The admin's pages make as many queries with 60 records as with 12 (issue 17: staff screens
stay fast at any size; bench/measure_admin.py times them at 10,000 articles)."""

import pytest
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import Article, Category, Event
from pages import models as college
from tests.news.factories import ArticleFactory, CategoryFactory, EventFactory, make_editor
from tests.pages import factories as make
from tests.support.second_factor import log_in_superuser, log_in_verified

pytestmark = pytest.mark.django_db

FEW, MANY = 12, 60


# Records are written with bulk_create (TranslatedFactory.bulk): no save signals, a few queries.


def link(relation, pairs):
    """Many-to-many links, written at once: relation is the descriptor (Article.categories)."""
    through, field = relation.through, relation.field
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.bulk_create(through(**{f"{source}_id": a.pk, f"{target}_id": b.pk}) for a, b in pairs)


def attach(records, name, targets):
    """Point each record's foreign key `name` at its own target."""
    for record, target in zip(records, targets, strict=True):
        setattr(record, name, target)
    type(records[0])._default_manager.bulk_update(records, [name])
    return records


def articles(count):
    """Articles, each with a category, a related programme and two related milestones of its own:
    the article form offers more of each as the archive grows."""
    made = ArticleFactory.bulk(count)
    link(Article.categories, zip(made, CategoryFactory.bulk(count), strict=True))
    link(Article.related_programmes, zip(made, make.ProgrammeFactory.bulk(count), strict=True))
    for _ in range(2):
        link(Article.related_milestones, zip(made, make.MilestoneFactory.bulk(count), strict=True))
    return made


def events(count):
    return attach(EventFactory.bulk(count), "article", ArticleFactory.bulk(count))


def programmes(count):
    made = make.ProgrammeFactory.bulk(count)
    attach(make.FaqFactory.bulk(count), "programme", made)
    return made


def milestones(count):
    return attach(make.MilestoneFactory.bulk(count), "programme", make.ProgrammeFactory.bulk(count))


def faqs(count):
    return attach(make.FaqFactory.bulk(count), "programme", make.ProgrammeFactory.bulk(count))


def contact_points(count):
    return make.ContactPointFactory.bulk(count)


def people(count):
    return make.PersonFactory.bulk(count)


def categories(count):
    return CategoryFactory.bulk(count)


RECORDS = {
    Article: articles,
    Event: events,
    Category: categories,
    college.Programme: programmes,
    college.Milestone: milestones,
    college.Faq: faqs,
    college.ContactPoint: contact_points,
    college.Person: people,
}


def queries(client, path):
    """The queries of a page asked for a second time (the first fills the per-process caches)."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def model_pages(model, record):
    """The list, a search, a record's form and the add form of a model's admin."""
    opts = model._meta
    prefix = f"admin:{opts.app_label}_{opts.model_name}"
    changelist = reverse(f"{prefix}_changelist")
    pages = [changelist, reverse(f"{prefix}_change", args=[record.pk]), reverse(f"{prefix}_add")]
    if admin.site._registry[model].search_fields:
        pages.append(f"{changelist}?q=1")  # a digit: most test records' titles hold one
    return pages


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model._meta.model_name)
def test_each_admin_page_makes_as_many_queries_with_60_records_as_with_12(client, model):
    log_in_superuser(client)
    grow = RECORDS[model]
    record = grow(FEW)[0]
    pages = model_pages(model, record)
    few = {path: queries(client, path) for path in pages}
    grow(MANY - FEW)
    assert {path: queries(client, path) for path in pages} == few


def test_the_translation_status_page_makes_as_many_queries_with_60_records_to_do_as_with_12(client):
    log_in_superuser(client)
    english_only = {"languages": ("en",)}
    path = "/zh-hans/admin/translations/"

    def grow(count):
        for factory in (ArticleFactory, EventFactory, make.MilestoneFactory):
            factory.bulk(count, **english_only)

    grow(FEW)
    few = queries(client, path)
    grow(MANY - FEW)
    assert queries(client, path) == few
    assert queries(client, f"{path}?news.article=2") == few


def test_the_translation_status_page_is_paged_section_by_section(client):
    log_in_superuser(client)
    made = ArticleFactory.bulk(MANY, languages=("en",))  # each older than the one before
    first = client.get("/en/admin/translations/").content.decode()
    assert f"/admin/news/article/{made[0].pk}/change/?language=zh-hans" in first
    assert f"/admin/news/article/{made[-1].pk}/change/?language=zh-hans" not in first
    assert 'href="?news.article=2"' in first

    second = client.get("/zh-hans/admin/translations/?news.article=2").content.decode()
    assert f"/admin/news/article/{made[-1].pk}/change/?language=zh-hans" in second
    assert f"/admin/news/article/{made[0].pk}/change/?language=zh-hans" not in second
    assert "第 2 页，共 2 页" in second

    # A page number that is not one shows a page, never an error.
    assert client.get("/en/admin/translations/?news.article=x").status_code == 200
    assert client.get("/en/admin/translations/?news.article=999").status_code == 200


def test_an_up_to_date_record_is_not_on_the_translation_status_page(client):
    log_in_superuser(client)
    both, english_only = ArticleFactory.bulk(1)[0], ArticleFactory.bulk(1, languages=("en",))[0]
    page = client.get("/en/admin/translations/").content.decode()
    assert f"/admin/news/article/{english_only.pk}/change/" in page
    assert f"/admin/news/article/{both.pk}/change/" not in page


@pytest.mark.parametrize(
    ("language", "title", "select2"), [("en", "Test milestone", "en.js"), ("zh-hans", "测试事件", "zh-CN.js")]
)
def test_related_milestones_are_chosen_with_an_autocomplete_in_the_editors_language(
    client, language, title, select2
):
    log_in_superuser(client)
    article = articles(1)[0]
    form = client.get(f"/{language}/admin/news/article/{article.pk}/change/").content.decode()
    assert f'data-ajax--url="/{language}/admin/autocomplete/"' in form
    assert f"admin/js/vendor/select2/i18n/{select2}" in form
    assert finders.find(f"admin/js/vendor/select2/i18n/{select2}")  # served by us, as every static file

    answer = client.get(
        f"/{language}/admin/autocomplete/",
        {"app_label": "news", "model_name": "article", "field_name": "related_milestones", "term": title},
    )
    assert answer.status_code == 200
    texts = [result["text"] for result in answer.json()["results"]]
    assert texts and all(text.startswith(title) for text in texts)


def test_a_news_editor_chooses_related_milestones_but_cannot_change_them(client):
    milestone = make.milestone()
    log_in_verified(client, make_editor())
    answer = client.get(
        "/zh-hans/admin/autocomplete/",
        {
            "app_label": "news",
            "model_name": "article",
            "field_name": "related_milestones",
            "term": "测试事件",
        },
    )
    assert answer.status_code == 200
    assert str(milestone.pk) in [result["id"] for result in answer.json()["results"]]
    assert client.post(f"/en/admin/pages/milestone/{milestone.pk}/change/", {}).status_code == 403

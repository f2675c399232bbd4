"""The admin as an editor uses it: slugs made from Chinese titles, clear answers to clashes."""

import pytest

from jeiweb.slugs import slug_for
from news.models import Article
from tests.news_factories import make_article, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def chinese_article_form(**overrides):
    data = {
        "title": "学院获批",
        "slug": "",
        "summary": "学院获得教育部批准。",
        "body": "<p>学院获得教育部批准。</p>",
        "image_alt": "",
        "status": "draft",
        "publication_start_0": "2025-03-01",
        "publication_start_1": "10:00:00",
        "categories": [],
    }
    data.update(overrides)
    return data


def test_a_chinese_title_reads_as_pinyin_in_the_slug():
    assert slug_for("学院获批") == "xue-yuan-huo-pi"
    assert slug_for("CQMU 与利物浦大学 MBBS") == "cqmu-yu-li-wu-pu-da-xue-mbbs"
    assert slug_for("Anatomy lab opens") == "anatomy-lab-opens"


def test_an_article_with_only_a_chinese_title_gets_a_pinyin_slug(editor_client):
    response = editor_client.post("/zh-hans/admin/news/article/add/?language=zh-hans", chinese_article_form())

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.language("zh-hans").get(translations__title="学院获批")
    assert article.slug == "xue-yuan-huo-pi"


def test_the_editor_can_still_choose_the_slug(editor_client):
    response = editor_client.post(
        "/zh-hans/admin/news/article/add/?language=zh-hans", chinese_article_form(slug="xueyuan-huopi")
    )

    assert response.status_code == 302
    assert Article.objects.language("zh-hans").get(translations__title="学院获批").slug == "xueyuan-huopi"


def test_a_slug_clash_in_the_same_language_is_a_form_error_in_chinese(editor_client):
    existing = make_article(languages=["zh-hans"], title="学院获批")
    existing.translations.filter(language_code="zh-hans").update(slug="xue-yuan-huo-pi")

    response = editor_client.post("/zh-hans/admin/news/article/add/?language=zh-hans", chinese_article_form())

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["slug"]
    assert "xue-yuan-huo-pi" in errors[0]
    assert "已" in errors[0]  # said in the editor's language


def test_a_reserved_slug_made_from_a_title_is_a_form_error(editor_client):
    response = editor_client.post(
        "/en/admin/news/article/add/?language=en", chinese_article_form(title="Archive", slug="")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"]

"""The admin as an editor uses it: slugs made from Chinese titles, clear answers to clashes."""

import io
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from django.contrib.admin import site
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.text import capfirst
from djangocms_versioning.models import Version
from filer.models import FolderPermission
from PIL import Image as PILImage

from jeiweb.admin.roles import NEWS_EDITORS, NEWS_PHOTOS_FOLDER
from jeiweb.i18n.slugs import slug_for
from news.models import Article
from tests.news.factories import make_article, make_editor
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    log_in_verified(client, make_editor())
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


OUR_APPS = ["jeiweb", "pages", "news", "search"]


def visible_texts(html):
    """The text a person sees on a page: every text node outside scripts and styles."""
    texts = []

    class Reader(HTMLParser):
        hidden = 0

        def handle_starttag(self, tag, attrs):
            self.hidden += tag in ("script", "style")

        def handle_endtag(self, tag):
            self.hidden -= tag in ("script", "style")

        def handle_data(self, data):
            if not self.hidden and data.strip():
                texts.append(data.strip())

    Reader().feed(html)
    return texts


def our_admin_index_strings():
    """In English, every string of ours the admin index shows: the branding, our apps' and
    models' names, and the table captions we translate for Django."""
    strings = [site.site_header, site.site_title, site.index_title, "Model name", "Add link"]
    for model in site._registry:
        if model._meta.app_label in OUR_APPS:
            strings += [model._meta.app_config.verbose_name, model._meta.verbose_name_plural]
    with translation.override("en"):
        return {capfirst(str(text)) for text in strings}


def test_the_chinese_admin_index_shows_no_english_string_of_ours(admin_client):
    texts = visible_texts(admin_client.get("/zh-hans/admin/").content.decode())

    untranslated = our_admin_index_strings() & set(texts)
    assert not untranslated
    assert "重庆医科大学莱斯特大学联合学院" in texts
    assert "师资数据" in texts
    assert "Folders" not in texts  # filer's Chinese, found for zh-hans (locale/packages)


def article_edit_form(article, language, title):
    article.set_current_language(language)
    return {
        "title": title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "image_alt": "",
        "status": article.status,
        "publication_start_0": article.publication_start.strftime("%Y-%m-%d"),
        "publication_start_1": article.publication_start.strftime("%H:%M:%S"),
        "categories": [],
    }


def test_an_article_edited_in_english_shows_its_chinese_as_outdated_until_the_chinese_is_edited(admin_client):
    article = make_article()
    two_days_ago = timezone.now() - timedelta(days=2)
    article.translations.update(changed=two_days_ago)  # both written together, two days ago
    change_url = f"/zh-hans/admin/news/article/{article.pk}/change/"
    list_url = "/zh-hans/admin/news/article/"

    assert "zh-hans: 已过时" not in admin_client.get(list_url).content.decode()

    response = admin_client.post(f"{change_url}?language=en", article_edit_form(article, "en", "New title"))
    assert response.status_code == 302
    assert "zh-hans: 已过时" in admin_client.get(list_url).content.decode()
    dashboard = admin_client.get("/zh-hans/admin/translations/").content.decode()
    assert f"{change_url}?language=zh-hans" in dashboard

    admin_client.post(f"{change_url}?language=zh-hans", article_edit_form(article, "zh-hans", "新标题"))
    assert "zh-hans: 已过时" not in admin_client.get(list_url).content.decode()
    assert (
        f"{change_url}?language=zh-hans"
        not in admin_client.get("/zh-hans/admin/translations/").content.decode()
    )


def test_a_page_changed_in_english_after_its_chinese_is_on_the_dashboard(admin_client):
    overview = PageContent.admin_manager.get(language="zh-hans", page__urls__slug="gaikuang")
    Version.objects.filter(
        content_type=ContentType.objects.get_for_model(PageContent), object_id=overview.pk
    ).update(modified=timezone.now() - timedelta(days=2))

    dashboard = admin_client.get("/zh-hans/admin/translations/").content.decode()
    english = PageContent.admin_manager.get(language="en", page=overview.page)
    row = dashboard[dashboard.index(get_object_edit_url(english)) :][:600]
    assert "zh-hans: 已过时" in row
    assert "en: 最新" in row


def test_the_admin_index_links_to_the_translations_to_do_and_the_editors_guide(admin_client):
    index = admin_client.get("/zh-hans/admin/").content.decode()
    assert 'href="/zh-hans/admin/translations/"' in index
    assert 'href="/zh-hans/admin/guide/"' in index
    guide = admin_client.get("/zh-hans/admin/guide/").content.decode()
    assert "编辑指南" in guide and "Editor's guide" in guide


def png_upload(name="lab.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_photo_uploaded_on_the_article_form_lands_in_the_news_editors_folder(editor_client):
    form = chinese_article_form(new_photo=png_upload())

    response = editor_client.post("/zh-hans/admin/news/article/add/?language=zh-hans", form)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.language("zh-hans").get(translations__title="学院获批")
    # The role's own folder, where every news editor may find and reuse it (it once went to a
    # "News photos" folder of its own, which no role had permission on).
    folder = article.featured_image.folder
    assert folder.name == NEWS_PHOTOS_FOLDER
    assert FolderPermission.objects.filter(folder=folder, group__name=NEWS_EDITORS).exists()
    assert article.featured_image.original_filename == "lab.png"


def test_a_file_that_is_not_an_image_is_a_form_error_on_the_article_form(editor_client):
    fake = SimpleUploadedFile("lab.png", b"not an image", content_type="image/png")

    response = editor_client.post(
        "/zh-hans/admin/news/article/add/?language=zh-hans", chinese_article_form(new_photo=fake)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["new_photo"]


def test_the_toolbar_shows_a_pages_outdated_chinese_until_it_is_edited(admin_client):
    overview = PageContent.admin_manager.get(language="zh-hans", page__urls__slug="gaikuang")
    versions = Version.objects.filter(content_type=ContentType.objects.get_for_model(PageContent))
    chinese = versions.filter(object_id=overview.pk)
    chinese.update(modified=timezone.now() - timedelta(days=2))
    english = PageContent.admin_manager.get(language="en", page=overview.page)

    page = admin_client.get(f"{english.page.get_absolute_url('en')}?toolbar_on").content.decode()
    assert "Translations: to do" in page
    assert "简体中文: outdated" in page

    chinese.update(modified=timezone.now())
    page = admin_client.get(f"{english.page.get_absolute_url('en')}?toolbar_on").content.decode()
    assert "Translations: up to date" in page

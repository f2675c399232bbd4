"""An editor in the Chinese admin, in Debian's Chromium, against the site served by gunicorn:
nothing typed is lost when switching language tabs; a Chinese title gets a pinyin address."""

import os
import secrets
import urllib.request
from pathlib import Path

import pytest
from PIL import Image as PILImage

from jeiweb.admin.roles import NEWS_PHOTOS_FOLDER
from tests.support.second_factor import enrol_app_code, sign_in

pytestmark = pytest.mark.browser

CREATE_SUPERUSER = """
from django.contrib.auth.models import User
User.objects.create_superuser({username!r}, password={password!r})
"""


@pytest.fixture(scope="module")
def module_records(served):
    """The module's account (a superuser with the test app), and the records two of its tests
    start from (an article, a draft of a page), made in one `manage.py shell` (each one imports
    Django and django CMS: seconds of CPU): the account, the article's pk, the draft's edit URL."""
    username, password = "chief-editor", secrets.token_urlsafe(16)
    script = "\n".join(
        [
            CREATE_SUPERUSER.format(username=username, password=password),
            enrol_app_code(username),
            CREATE_ARTICLE,
            MAKE_DRAFT,
        ]
    )
    pk, edit_url = served.manage("shell", "-c", script).stdout.split()[-2:]
    return {"account": (username, password), "article": pk, "draft": edit_url}


@pytest.fixture(scope="module")
def superuser_account(module_records):
    return module_records["account"]


@pytest.fixture(scope="module")
def signed_in_state(browser, site_url, superuser_account):
    """The cookies of one real sign-in (password and app code), shared by the module's pages."""
    context = browser.new_context(locale="zh-CN")
    sign_in(context.new_page(), site_url, *superuser_account, language="zh-hans")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def admin_page(browser, signed_in_state):
    """A logged-in admin session in Chinese."""
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 1280, "height": 900}, storage_state=signed_in_state
    )
    yield context.new_page()
    context.close()


def test_switching_to_the_chinese_tab_saves_the_english_just_typed(admin_page, site_url):
    page = admin_page
    page.goto(site_url + "/zh-hans/admin/news/article/add/?language=en")
    page.locator("#id_title").fill("Library opens late")
    page.locator("#id_summary").fill("The library now opens until midnight.")

    page.locator(".parler-language-tabs").get_by_text("简体中文").click()
    page.wait_for_url("**/change/?language=zh-hans")

    # The English was saved on the way; the Chinese tab is open and empty for its text.
    assert page.locator(".messagelist .success").count() == 1
    assert page.locator(".parler-language-tabs .current").inner_text().strip() == "简体中文"
    assert page.locator("#id_title").input_value() == ""

    # Only a Chinese title: the address is made in pinyin.
    page.locator("#id_title").fill("图书馆延长开放")
    page.locator("#id_summary").fill("图书馆现开放至午夜。")
    page.locator("input[name=_continue]").click()
    page.wait_for_selector(".messagelist .success")
    assert page.locator("#id_slug").input_value() == "tu-shu-guan-yan-chang-kai-fang"

    page.locator(".parler-language-tabs a[href*='language=en']").click()
    page.wait_for_url("**language=en")
    assert page.locator("#id_title").input_value() == "Library opens late"


def test_switching_tabs_with_an_invalid_form_keeps_the_text_and_says_what_is_missing(admin_page, site_url):
    page = admin_page
    page.goto(site_url + "/zh-hans/admin/news/article/add/?language=en")
    page.locator("#id_title").fill("Half-written story")  # no summary yet: cannot be saved

    page.locator(".parler-language-tabs").get_by_text("简体中文").click()
    page.wait_for_selector(".errornote")

    assert page.locator("#id_title").input_value() == "Half-written story"
    assert "language=en" in page.url


CREATE_ARTICLE = """
from news.models import Article
article = Article(status="published")
for language, title, slug in [("en", "Sports day", "sports-day"), ("zh-hans", "运动会", "yun-dong-hui")]:
    article.set_current_language(language)
    article.title, article.slug, article.summary = title, slug, title
    article.save()
print(article.pk)
"""


def test_view_on_site_from_the_chinese_tab_opens_the_chinese_page_on_the_served_host(
    admin_page, served, module_records
):
    page = admin_page
    pk = module_records["article"]
    page.goto(f"{served.url}/zh-hans/admin/news/article/{pk}/change/?language=zh-hans")

    with page.context.expect_page() as opened:
        page.locator("a.viewsitelink").click(modifiers=["Control"])
    article_page = opened.value
    article_page.wait_for_load_state()

    assert article_page.url == f"{served.url}/zh-hans/xinwen-huodong/yun-dong-hui/"
    assert article_page.locator("h1").inner_text() == "运动会"


def test_sitemap_and_feeds_name_the_host_the_site_is_served_on(served):
    for path in ["/sitemap.xml", "/zh-hans/xinwen-huodong/feed/rss/", "/en/news-events/feed/atom/"]:
        body = urllib.request.urlopen(served.url + path, timeout=60).read().decode()
        assert f"{served.url}/" in body, path
        assert "127.0.0.1:8000" not in body, path


MAKE_DRAFT = """
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from django.contrib.auth.models import User
from djangocms_versioning.models import Version
user = User.objects.get(username="chief-editor")
live = PageContent.objects.get(language="en", page__urls__slug="overview", page__urls__language="en")
draft = Version.objects.get_for_content(live).copy(user).content
print(get_object_edit_url(draft, language="en"))
"""


def saves_a_plugin(answer):
    return "/edit-plugin/" in answer.url and answer.request.method == "POST"


TEXT_BODIES = """
from djangocms_text.models import Text
for text in Text.objects.filter(body__contains={word!r}):
    print(text.body)
"""


def test_an_inline_edit_of_a_lead_paragraph_keeps_its_class(admin_page, served, module_records):
    page = admin_page
    page.goto(served.url + module_records["draft"])

    # In the editor, the site's styles are in the Styles menu (in the editor's language, Chinese
    # here: the toolbar speaks the language this user chose in the admin); the lead paragraph is one.
    page.locator("p.lead").first.click()
    page.locator("button[data-action=BlockStyles].active", has_text="导语段落").wait_for(state="attached")

    page.keyboard.press("End")
    page.keyboard.type(" Zebrafish.")
    # Leaving the paragraph saves it: the editor posts the plugin's text to its edit-plugin URL.
    with page.expect_response(saves_a_plugin):
        page.locator("h1").first.click()

    saved = served.manage("shell", "-c", TEXT_BODIES.format(word="Zebrafish")).stdout
    assert '<p class="lead">' in saved
    assert "Zebrafish." in saved


class Clicks:
    """Counts what an editor clicks (links, buttons, tabs, pickers; typing is not a click)."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, locator, **kwargs):
        self.count += 1
        locator.click(**kwargs)


def screenshot(page, name):
    """Saved for docs/editors.md when DOCS_SCREENSHOTS names a folder (docs/img), else not kept."""
    folder = os.environ.get("DOCS_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_a_bilingual_article_with_a_photo_is_written_and_scheduled_in_seven_clicks(
    admin_page, served, tmp_path
):
    page = admin_page
    photo = tmp_path / "lab.png"
    PILImage.new("RGB", (400, 300), "navy").save(photo)
    clicks = Clicks(page)
    page.goto(served.url + "/zh-hans/admin/")
    screenshot(page, "admin-index")

    clicks.click(page.locator("a.addlink[href$='/news/article/add/']"))
    page.locator("#id_title").fill("Simulation centre opens")
    page.locator("#id_summary").fill("Students train in the new simulation centre.")
    clicks.click(page.locator(".field-body [contenteditable='true']").first)
    page.keyboard.type("The centre opens on Monday.")
    with page.expect_file_chooser() as chooser:
        clicks.click(page.locator("#id_new_photo"))
    chooser.value.set_files(photo)
    clicks.click(page.locator("#id_status"))
    page.locator("#id_status").select_option("published")
    page.locator("#id_publication_start_0").fill("2099-09-01")
    page.locator("#id_publication_start_1").fill("09:00:00")
    screenshot(page, "article-form")

    clicks.click(page.locator(".parler-language-tabs").get_by_text("简体中文"))  # saves the English
    page.wait_for_url("**language=zh-hans")
    page.locator("#id_title").fill("模拟中心启用")
    page.locator("#id_summary").fill("学生在新的模拟中心训练。")
    clicks.click(page.locator(".field-body [contenteditable='true']").first)
    page.keyboard.type("模拟中心周一启用。")
    clicks.click(page.locator("input[name=_continue]"))
    page.wait_for_selector(".messagelist .success")
    screenshot(page, "article-chinese-tab")

    assert clicks.count == 7
    assert page.locator("#id_slug").input_value() == "mo-ni-zhong-xin-qi-yong"
    check = (
        served.manage(
            "shell",
            "-c",
            "from news.models import Article; a = Article.objects.get(translations__title='模拟中心启用');"
            "print(a.state, a.featured_image.folder.name, sorted(a.get_available_languages()))",
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    assert check == f"Scheduled {NEWS_PHOTOS_FOLDER} ['en', 'zh-hans']"  # the news editors' own folder

    page.goto(served.url + "/zh-hans/admin/translations/")
    screenshot(page, "translations-to-do")

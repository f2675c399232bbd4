"""An editor writes, previews and publishes a bilingual article; a visitor reads it in Chinese."""

import secrets

import pytest

from jeiweb.admin.roles import NEWS_EDITORS
from tests.support.second_factor import enrol_app_code, sign_in

pytestmark = pytest.mark.browser

CREATE_EDITOR = """
from django.contrib.auth.models import Group, User
user = User.objects.create_user({username!r}, password={password!r}, is_staff=True)
user.groups.add(Group.objects.get(name={group!r}))
"""


@pytest.fixture(scope="module")
def editor_account(served):
    """A member of the News editors group (not a superuser), in the served site's database."""
    username, password = "news-editor", secrets.token_urlsafe(16)
    code = CREATE_EDITOR.format(username=username, password=password, group=NEWS_EDITORS)
    served.manage("shell", "-c", code + enrol_app_code(username))  # one process: seconds of CPU each
    return username, password


def write_in_editor(page, text):
    """Type into the rich text editor (djangocms-text), as a person does."""
    editor = page.locator(".field-body [contenteditable='true']").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_an_editor_publishes_a_bilingual_article_a_visitor_reads_in_chinese(
    site_url, browser, editor_account
):
    username, password = editor_account
    editor = browser.new_context(locale="en-GB").new_page()
    sign_in(editor, site_url, username, password)

    # English first, saved as a draft (the default status).
    editor.goto(site_url + "/en/admin/news/article/add/")
    editor.locator("#id_title").fill("Anatomy lab opens")
    editor.locator("#id_summary").click()
    assert editor.locator("#id_slug").input_value() == "anatomy-lab-opens"  # made from the title
    editor.locator("#id_summary").fill("A new anatomy laboratory opens for our students.")
    write_in_editor(editor, "Students now learn anatomy in a new laboratory.")
    editor.get_by_role("button", name="Save and continue editing").click()
    editor.wait_for_selector(".messagelist .success")

    # Then Chinese, in the same article's other language tab.
    editor.locator(".parler-language-tabs").get_by_text("Simplified Chinese").click()
    editor.wait_for_url("**language=zh-hans**")
    editor.locator("#id_title").fill("解剖实验室启用")
    editor.locator("#id_slug").fill("jiepou-shiyanshi-qiyong")
    editor.locator("#id_summary").fill("新的解剖实验室向学生开放。")
    write_in_editor(editor, "学生们在新的实验室学习解剖学。")
    editor.get_by_role("button", name="Save and continue editing").click()
    editor.wait_for_selector(".messagelist .success")

    # The editor previews the draft at its real address; a visitor cannot see it yet.
    chinese_url = site_url + "/zh-hans/xinwen-huodong/jiepou-shiyanshi-qiyong/"
    editor.goto(site_url + "/en/news-events/anatomy-lab-opens/")
    assert editor.get_by_role("status").inner_text().startswith("Preview: this article is a draft")
    assert "Students now learn anatomy in a new laboratory." in editor.locator(".news-body").inner_text()
    visitor_context = browser.new_context(locale="zh-CN")
    visitor = visitor_context.new_page()
    assert visitor.goto(chinese_url).status == 404

    # Published: visible to everyone in Chinese.
    editor.go_back()
    editor.locator("#id_status").select_option("published")
    editor.get_by_role("button", name="Save and continue editing").click()
    editor.wait_for_selector(".messagelist .success")

    visitor.goto(site_url + "/")
    assert visitor.url == site_url + "/zh-hans/"
    visitor.get_by_role("link", name="新闻与活动").first.click()
    visitor.get_by_role("link", name="解剖实验室启用").click()
    assert visitor.url == chinese_url
    assert visitor.locator("h1").inner_text() == "解剖实验室启用"
    assert visitor.locator("html").get_attribute("lang") == "zh-Hans"
    assert "学生们在新的实验室学习解剖学。" in visitor.locator(".news-body").inner_text()
    assert visitor.get_by_role("status").count() == 0  # no preview banner for visitors
    # Its language switcher leads to the English article.
    visitor.get_by_role("link", name="English").click()
    assert visitor.url == site_url + "/en/news-events/anatomy-lab-opens/"
    visitor_context.close()
    editor.context.close()

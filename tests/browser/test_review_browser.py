"""The two-person rule in Chromium, in Chinese: a writer submits an article and cannot publish it;
an approver previews it and publishes it; a visitor then reads it."""

import os
import secrets
from pathlib import Path

import pytest

from jeiweb.admin.roles import NEWS_EDITORS, NEWS_WRITERS
from tests.support.second_factor import enrol_app_code, sign_in

pytestmark = pytest.mark.browser

CREATE_STAFF = """
from django.contrib.auth.models import Group, User
user = User.objects.create_user({username!r}, {email!r}, {password!r}, is_staff=True)
user.groups.add(Group.objects.get(name={group!r}))
"""
ADMIN = "/zh-hans/admin/"


@pytest.fixture(scope="module")
def staff_accounts(served):
    """The writer's and the approver's accounts, each with the test app, made in one
    `manage.py shell` (each one imports Django and django CMS: seconds of CPU)."""
    accounts, code = {}, ""
    for username, group in (("review-writer", NEWS_WRITERS), ("review-approver", NEWS_EDITORS)):
        password = secrets.token_urlsafe(16)
        code += CREATE_STAFF.format(
            username=username, email=f"{username}@example.edu.cn", password=password, group=group
        )
        code += enrol_app_code(username)
        accounts[username] = (username, password)
    served.manage("shell", "-c", code)
    return accounts


def screenshot(page, name):
    """Saved for docs/editors.md when DOCS_SCREENSHOTS names a folder (docs/img), else not kept."""
    folder = os.environ.get("DOCS_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_a_writer_submits_an_article_an_approver_publishes_it(served, browser, staff_accounts):
    site_url = served.url
    writer = browser.new_context(locale="zh-CN").new_page()
    sign_in(writer, site_url, *staff_accounts["review-writer"], language="zh-hans")

    # The writer drafts an article in Chinese: no status to choose, only "Submit for review".
    writer.goto(site_url + ADMIN + "news/article/add/?language=zh-hans")
    assert writer.locator("#id_status").count() == 0
    writer.locator("#id_title").fill("模拟中心开放日")
    writer.locator("#id_slug").fill("moni-zhongxin-kaifangri")
    writer.locator("#id_summary").fill("学院模拟中心向新生开放。")
    writer.locator(".field-body [contenteditable='true']").first.click()
    writer.keyboard.type("新生可以参观模拟中心。")
    screenshot(writer, "review-submit")
    writer.get_by_role("button", name="提交审核").click()
    assert "已提交审核" in writer.locator(".messagelist .success").first.inner_text()

    # It waits for review: the writer can no longer change it, and visitors cannot see it.
    writer.get_by_role("link", name="模拟中心开放日").click()
    assert writer.locator("input[name=_save], input[name=_submit_for_review]").count() == 0
    assert "待审核" in writer.locator(".field-review_summary").inner_text()
    article_url = site_url + "/zh-hans/xinwen-huodong/moni-zhongxin-kaifangri/"
    visitor = browser.new_context(locale="zh-CN").new_page()
    assert visitor.goto(article_url).status == 404

    # The approver sees it counted on the index, previews it, and publishes it.
    approver = browser.new_context(locale="zh-CN").new_page()
    sign_in(approver, site_url, *staff_accounts["review-approver"], language="zh-hans")
    assert approver.locator("#editor-tools .review-count").inner_text() == "1"
    approver.get_by_role("link", name="待审核").click()
    screenshot(approver, "review-queue")
    approver.get_by_role("link", name="模拟中心开放日").click()
    preview = approver.get_by_role("link", name="预览简体中文版")
    assert preview.get_attribute("href") == "/zh-hans/xinwen-huodong/moni-zhongxin-kaifangri/"
    screenshot(approver, "review-decision")
    approver.goto(site_url + preview.get_attribute("href"))
    assert approver.get_by_role("status").inner_text().startswith("预览：本文为草稿")
    assert "新生可以参观模拟中心。" in approver.locator(".news-body").inner_text()
    approver.go_back()
    approver.get_by_role("button", name="批准：立即发布").click()
    assert "已发布" in approver.locator(".messagelist .success").inner_text()
    assert "没有待审核的内容" in approver.locator("#content-main").inner_text()

    visitor.goto(article_url)
    assert visitor.locator("h1").inner_text() == "模拟中心开放日"
    assert visitor.get_by_role("status").count() == 0
    for page in (writer, approver, visitor):
        page.context.close()

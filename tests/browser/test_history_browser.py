"""History in the Chinese admin, in Debian's Chromium, against the site served by gunicorn: an
editor sees an article's revisions with their changes and restores the first; a deleted FAQ is
recovered; of two editors saving one article, the second is refused and keeps their typing."""

import re
import secrets

import pytest

from tests.browser.test_editing_browser import screenshot
from tests.support.second_factor import enrol_app_code, sign_in

pytestmark = pytest.mark.browser

ADMIN = "/zh-hans/admin/"
CREATE_SUPERUSERS = """
from django.contrib.auth.models import User
for name in ("editor-one", "editor-two"):
    User.objects.create_superuser(name, password={password!r})
"""
CREATE_FAQ = """
from pages.models import Faq
faq = Faq()
faq.set_current_language("en"); faq.question, faq.answer = "Is there a shuttle bus?", "Yes, hourly."
faq.set_current_language("zh-hans"); faq.question, faq.answer = "有班车吗？", "有，每小时一班。"
faq.save()
"""


@pytest.fixture(scope="module")
def password(served):
    """The editors' password; they and the FAQ that `test_a_deleted_faq_is_recovered` deletes
    are made in one `manage.py shell` (each one imports Django and django CMS: seconds of CPU)."""
    password = secrets.token_urlsafe(16)
    enrol = enrol_app_code("editor-one") + enrol_app_code("editor-two")
    served.manage("shell", "-c", CREATE_SUPERUSERS.format(password=password) + enrol + CREATE_FAQ)
    return password


SESSION = {"locale": "zh-CN", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def signed_in_states(browser, site_url, password):
    """The cookies of each editor's one real sign-in (password and app code), made when first
    needed: an app's code is accepted once, so the module's tests share them."""
    states = {}

    def state_of(username):
        if username not in states:
            context = browser.new_context(**SESSION)
            sign_in(context.new_page(), site_url, username, password, language="zh-hans")
            states[username] = context.storage_state()
            context.close()
        return states[username]

    return state_of


@pytest.fixture
def editor(browser, signed_in_states):
    """A second editor's browser session opens with `editor("editor-two")`."""
    contexts = []

    def open_session(username="editor-one"):
        context = browser.new_context(storage_state=signed_in_states(username), **SESSION)
        contexts.append(context)
        return context.new_page()

    yield open_session
    for context in contexts:
        context.close()


def new_article(page, site_url, title):
    """Write an English article in the admin; its change page's address."""
    page.goto(site_url + ADMIN + "news/article/add/?language=en")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Visitors tour the campus.")
    page.locator("input[name=_continue]").click()
    page.wait_for_url(re.compile(r".*/change/.*"))
    return page.url.split("?")[0]


def save_title(page, title):
    page.locator("#id_title").fill(title)
    page.locator("input[name=_continue]").click()
    page.wait_for_selector(".messagelist .success")


def test_an_editor_sees_both_revisions_with_their_changes_and_restores_the_first(editor, site_url):
    page = editor()
    change_url = new_article(page, site_url, "Campus open day")
    save_title(page, "Campus open day 2026")
    save_title(page, "Campus open day, spring 2026")

    page.goto(change_url.replace("/change/", "/history/"))
    rows = page.locator("tr.history-revision")
    assert rows.count() == 3  # written, then changed twice; newest first
    assert rows.nth(0).locator("ins").first.inner_text() == ", spring"
    assert rows.nth(1).locator("ins").first.inner_text() == " 2026"
    assert "标题 (英语)" in rows.nth(1).inner_text()
    screenshot(page, "history")

    rows.nth(2).get_by_role("link", name="恢复此版本").click()
    page.locator("input[name=_save]").click()
    page.wait_for_selector(".messagelist .success")
    page.goto(change_url + "?language=en")
    assert page.locator("#id_title").input_value() == "Campus open day"


def test_a_deleted_faq_is_recovered(editor, site_url, password):
    page = editor()  # the FAQ is the module's (made with the editors: see `password`)
    page.goto(site_url + ADMIN + "pages/faq/?q=班车")
    page.get_by_role("link", name="有班车吗？").click()
    page.get_by_role("link", name="删除", exact=True).click()
    page.locator("input[type=submit]").click()
    page.wait_for_selector(".messagelist .success")
    assert page.get_by_role("link", name="有班车吗？").count() == 0

    page.locator("a.recoverlink").click()
    screenshot(page, "recover-deleted")
    page.get_by_role("row", name=re.compile("有班车吗？")).get_by_role("link").click()
    page.locator("input[name=_save]").click()
    page.wait_for_selector(".messagelist .success")
    page.goto(site_url + ADMIN + "pages/faq/?q=班车")
    assert page.get_by_role("link", name="有班车吗？").count() == 1


def test_of_two_editors_the_second_save_is_refused_and_keeps_the_typing(editor, site_url):
    first = editor()
    change_url = new_article(first, site_url, "Library hours")
    second = editor("editor-two")
    second.goto(change_url + "?language=en")
    first.goto(change_url + "?language=en")

    save_title(first, "Library hours extended")
    second.locator("#id_summary").fill("The library opens until midnight.")
    second.locator("input[name=_continue]").click()

    second.wait_for_selector(".history-conflict")
    assert (
        "您打开此记录后，其他人保存了修改" in second.locator(".errornote, .errorlist").all_inner_texts()[-1]
    )
    assert second.locator("#id_summary").input_value() == "The library opens until midnight."
    assert second.locator(".history-conflict ins").first.inner_text() == " extended"
    screenshot(second, "refused-save")

"""A visitor in a real browser (Debian's Chromium): reading the site and switching language."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def test_a_visitor_switches_to_chinese_and_stays_on_the_same_page(site_url, page):
    page.goto(site_url + "/")
    assert page.url == site_url + "/en/"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="About").click()
    assert page.url == site_url + "/en/about/"

    page.get_by_role("link", name="简体中文").click()

    assert page.url == site_url + "/zh-hans/guanyu/"
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator("h1").inner_text() == "关于学院"
    # The choice is remembered: the bare address now opens the Chinese site.
    page.goto(site_url + "/")
    assert page.url == site_url + "/zh-hans/"


def test_on_a_phone_the_menu_opens_from_its_button_with_the_keyboard(site_url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + "/")
    assert page.url == site_url + "/zh-hans/"
    menu_button = page.get_by_role("button", name="菜单")
    navigation = page.locator("#site-nav")
    assert navigation.is_hidden()

    menu_button.focus()
    page.keyboard.press("Enter")
    assert menu_button.get_attribute("aria-expanded") == "true"
    assert navigation.is_visible()
    page.keyboard.press("Escape")
    assert navigation.is_hidden()
    context.close()


def test_the_skip_link_is_the_first_stop_of_the_keyboard(site_url, page):
    page.goto(site_url + "/en/programmes/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()

"""Searching from the header box in a real browser, with the keyboard alone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("width", "locale", "start", "query", "label", "results_path", "expected"),
    [
        (1280, "en-GB", "/en/about/", "Programmes", "Search the site", "/en/search/", "Programmes"),
        (375, "zh-CN", "/zh-hans/guanyu/", "临床", "搜索本站", "/zh-hans/sousuo/", "专业设置"),
    ],
)
def test_a_visitor_searches_from_the_header_with_the_keyboard(
    site_url, browser, width, locale, start, query, label, results_path, expected
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    page = context.new_page()
    page.goto(site_url + start)
    box = page.get_by_role("search").get_by_role("searchbox", name=label)
    assert box.is_visible()

    # From the skip link, the tab key reaches the box before the language switcher.
    page.keyboard.press("Tab")
    for _ in range(5):
        if box.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("Tab")
    assert box.evaluate("element => element === document.activeElement")
    page.keyboard.type(query)
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{results_path}?q=*")
    results = page.locator(".search-result__title a")
    assert expected in results.all_inner_texts()
    assert page.locator(".search-result mark").first.is_visible()
    assert page.get_by_role("searchbox", name=label).input_value() == query
    assert Axe().run(page).response["violations"] == []
    context.close()


@pytest.mark.parametrize(
    ("width", "locale", "path", "query", "link", "contact_path"),
    [
        (1280, "en-GB", "/en/search/", "xylophone", "Contact us", "/en/contact/"),
        (390, "zh-CN", "/zh-hans/sousuo/", "木琴", "联系我们", "/zh-hans/lianxi/"),
    ],
)
def test_a_search_that_finds_nothing_leads_on_to_contact(
    site_url, browser, width, locale, path, query, link, contact_path
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    page = context.new_page()
    page.goto(f"{site_url}{path}?q={query}")
    suggestion = page.locator(".search__ask").get_by_role("link", name=link)
    assert suggestion.is_visible()
    assert Axe().run(page).response["violations"] == []
    suggestion.click()
    page.wait_for_url(f"**{contact_path}")

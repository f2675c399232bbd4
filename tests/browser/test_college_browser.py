"""A prospective student in a real browser: filtering the programmes and opening one in Chinese."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def chinese_page(browser):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_a_student_filters_the_programmes_and_opens_one_in_chinese(site_url, chinese_page):
    page = chinese_page
    page.goto(site_url + "/")
    assert page.url == site_url + "/zh-hans/"
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="专业设置").click()
    assert page.url == site_url + "/zh-hans/zhuanye/"
    cards = page.locator(".card")
    assert cards.count() == 4

    page.get_by_role("navigation", name="按层次查看").get_by_role("link", name="研究生").click()

    assert page.url == site_url + "/zh-hans/zhuanye/?level=postgraduate"
    assert cards.count() == 1
    assert page.get_by_text("显示1个专业。").is_visible()
    # The comparison table still compares all four.
    assert page.locator("table.compare thead th[scope=col]").count() == 4

    cards.first.get_by_role("link").click()

    assert page.url == site_url + "/zh-hans/zhuanye/zhongliuxue-aixibao-fenzi-shengwuxue/"
    assert page.locator("h1").inner_text().startswith("肿瘤学 / 癌细胞与分子生物学")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "全国硕士研究生招生考试" in page.locator(".key-facts").inner_text()
    page.get_by_role("link", name="联系招生部门").wait_for()

    page.get_by_role("link", name="English").click()
    assert page.url == site_url + "/en/programmes/oncology-cancer-cell-molecular-biology/"

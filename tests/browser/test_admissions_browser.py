"""A parent on a phone, in Chinese, picks their province: places, ranks and the whole cost (issue 19)."""

import pytest

from tests.support.audit import AUDIT_ADMISSIONS

pytestmark = pytest.mark.browser


def test_a_parent_picks_a_province_and_sees_the_table_the_chart_and_the_cost_in_yuan(
    served, site_url, browser
):
    served.manage("shell", "-c", AUDIT_ADMISSIONS)  # made-up figures (tests only)
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "/zh-hans/zhuanye/linchuang-yixue/")
    page.get_by_label("您所在的省份").select_option(label="重庆")
    page.get_by_role("button", name="显示").click()
    page.wait_for_url("**/zhuanye/linchuang-yixue/?province=chongqing#places")
    assert "2024年在重庆的计划数" in page.locator("#places").inner_text()
    page.get_by_role("link", name="重庆历年招生计划、分数与位次").click()
    table = page.locator("table.admissions-table")
    assert table.is_visible() and table.locator("tbody tr").count() == 4
    assert "17600" in table.inner_text() and "+80" in table.inner_text()
    chart = page.get_by_role("img", name="最低录取位次：重庆，物理类")
    assert chart.is_visible() and chart.bounding_box()["width"] <= 390
    assert "位次轴是倒置的" in page.locator(".chart-figure figcaption").inner_text()
    assert "元" in page.locator("#cost [data-total=cny]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()

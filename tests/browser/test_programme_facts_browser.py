"""The programme pages on a 390 px phone in Chinese, in a real browser (issue 11)."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 390, "height": 844}, device_scale_factor=1
    )
    page = context.new_page()
    yield page
    context.close()


def test_the_comparison_scrolls_visibly_and_by_keyboard_on_a_phone(site_url, phone):
    phone.goto(site_url + "/zh-hans/zhuanye/")
    hint = phone.locator("#compare-hint")
    assert hint.is_visible() and hint.inner_text() == "左右滑动查看全部专业。"
    region = phone.get_by_role("region", name="各专业的不同之处")
    box = region.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # the page itself does not scroll sideways
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls inside it
    region.focus()
    assert region.evaluate("el => el === document.activeElement")
    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("ArrowRight")
    # Keyboard scrolling may be animated: wait for it.
    phone.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
    # The row labels stay in view while the programmes scroll past.
    label = phone.locator(".compare th[scope=row]").first
    assert label.bounding_box()["x"] >= box["x"] - 1


@pytest.mark.parametrize(
    "path",
    [
        "/zh-hans/zhuanye/linchuang-yixue/",
        "/zh-hans/zhuanye/jingshen-yixue-xinlixue/",
        "/zh-hans/zhuanye/kangfu-zhiliao-wuli-zhiliao/",
        "/zh-hans/zhuanye/zhongliuxue-aixibao-fenzi-shengwuxue/",
    ],
)
def test_a_chinese_programme_title_takes_at_most_two_lines_on_a_phone(site_url, phone, path):
    phone.goto(site_url + path)
    heading = phone.locator("h1")
    lines = heading.evaluate(
        "el => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))"
    )
    assert lines <= 2
    assert phone.locator("p.subtitle[lang=en]").is_visible()
    assert phone.get_by_text("微信扫一扫，分享本页").is_visible()


def test_a_question_opens_without_javascript(site_url, browser):
    context = browser.new_context(
        locale="zh-CN", java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(site_url + "/zh-hans/zhuanye/linchuang-yixue/")
    question = page.locator("details.faq").first
    assert not question.evaluate("el => el.open")
    question.locator("summary").click()
    assert question.evaluate("el => el.open")
    assert page.get_by_text(
        "完成学业的学生可获得重庆医科大学和莱斯特大学两校的本科学位证书"
    ).first.is_visible()
    context.close()

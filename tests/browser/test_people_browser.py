"""A parent on a phone: from a programme to a course's teaching team, to a teacher's page and
back, in both languages (the team and teacher are invented for the test: tests/support/audit.py)."""

import pytest

from tests.support.audit import AUDIT_EVENT

pytestmark = pytest.mark.browser

JOURNEYS = [
    ("/en/programmes/clinical-medicine/", "Teaching teams", "Audit Course", "Professor Audit Teacher", "en"),
    ("/zh-hans/zhuanye/linchuang-yixue/", "教学团队", "审核课程", "审核教师教授", "zh-Hans"),
]


@pytest.fixture(scope="module", autouse=True)
def audit_team(served):
    served.manage("shell", "-c", AUDIT_EVENT)


@pytest.mark.parametrize(("start", "heading", "course", "teacher", "lang"), JOURNEYS)
def test_a_parent_goes_from_a_programme_to_a_team_to_a_teacher_and_back_on_a_phone(
    site_url, browser, start, heading, course, teacher, lang
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()

    def fits():
        return (
            page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        )

    page.goto(site_url + start)
    teams = page.get_by_role("region", name=heading)
    teams.get_by_role("link", name=course).click()
    assert page.locator("h1").inner_text() == course
    assert page.locator("html").get_attribute("lang") == lang and fits()

    page.get_by_role("link", name=teacher).click()
    assert page.locator("h1").inner_text() == teacher
    assert page.get_by_role("link", name=course).is_visible() and fits()

    page.go_back()
    assert page.locator("h1").inner_text() == course
    page.go_back()
    assert page.url == site_url + start
    context.close()

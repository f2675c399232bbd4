"""Every public page type, in both languages, as an auditor sees it: accessible, valid, unbroken."""

import os
import shutil
import urllib.error
import urllib.parse
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.audit import (
    AUDIT_ADMISSIONS,
    AUDIT_EVENT,
    PAGE_TYPES,
    POSTED_PAGE_TYPES,
    audited_paths,
    html_errors,
    links_of,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def audit_event(served):
    """The event of the audit, taking bookings (and the made-up admission figures); the paths
    of its booking's private pages."""
    served.manage("shell", "-c", AUDIT_ADMISSIONS)
    return served.manage("shell", "-c", AUDIT_EVENT).stdout.strip().splitlines()[-2:]


def test_a_booking_page_is_accessible_and_valid(site_url, browser, audit_event, tmp_path):
    """A booking's private page (its address is signed with the served site's key)."""
    for path in audit_event:
        context = browser.new_context(viewport={"width": 375, "height": 800})
        page = context.new_page()
        page.goto(site_url + path)
        violations = Axe().run(page).response["violations"]
        context.close()
        assert violations == [], [(violation["id"], violation["help"]) for violation in violations]
    if shutil.which("java") or os.environ.get("CI"):
        assert html_errors([site_url + path for path in audit_event], tmp_path) == []


@pytest.mark.parametrize(("kind", "path"), audited_paths())
def test_axe_finds_no_accessibility_violation(site_url, browser, kind, path):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    violations = Axe().run(page).response["violations"]
    context.close()
    assert violations == [], [
        (violation["id"], violation["help"], [node["target"] for node in violation["nodes"]])
        for violation in violations
    ]


def test_the_html_checker_finds_no_error_on_any_page_type(site_url, tmp_path):
    if not shutil.which("java") and not os.environ.get("CI"):
        pytest.skip("the Nu Html Checker needs Java (apt-get install -y default-jre-headless)")
    errors = html_errors([site_url + path for _kind, path in audited_paths()], tmp_path)
    assert errors == []


def posted_paths():
    return [(kind, path) for kind, paths in POSTED_PAGE_TYPES.items() for path in paths]


@pytest.mark.parametrize(("kind", "path"), posted_paths())
def test_a_form_with_errors_has_no_accessibility_violation_and_reflows(site_url, browser, kind, path):
    """The enquiry form sent empty (a plain form post; our script does not touch it): every error
    shown. (With JavaScript disabled in the context, axe itself cannot run.)"""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    page.click(".enquiry-form button[type=submit]")
    page.wait_for_selector(".error-summary")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    violations = Axe().run(page).response["violations"]
    context.close()
    assert overflow <= 0
    assert violations == [], [(violation["id"], violation["help"]) for violation in violations]


def test_the_html_checker_finds_no_error_on_a_form_with_errors(site_url, tmp_path):
    if not shutil.which("java") and not os.environ.get("CI"):
        pytest.skip("the Nu Html Checker needs Java (apt-get install -y default-jre-headless)")
    assert html_errors([site_url + path for _kind, path in posted_paths()], tmp_path, data=b"name=") == []


def test_no_internal_link_is_broken(site_url):
    """A crawl from both home pages: every link and resource on our origin answers."""
    to_visit = [site_url + "/en/", site_url + "/zh-hans/"]
    seen = set(to_visit)
    broken = []
    while to_visit:
        url = to_visit.pop()
        try:
            response = urllib.request.urlopen(url, timeout=10)
        except urllib.error.HTTPError as error:
            broken.append((url, error.code))
            continue
        if response.headers.get_content_type() != "text/html":
            continue
        for link in links_of(response.read().decode()):
            absolute = urllib.parse.urljoin(url, link).split("#", 1)[0]
            if not absolute.startswith(site_url) or "/admin/" in absolute or absolute in seen:
                continue
            seen.add(absolute)
            to_visit.append(absolute)
    assert broken == []
    assert len(seen) >= 2 * len(PAGE_TYPES)


@pytest.mark.parametrize(("kind", "path"), audited_paths())
def test_text_reflows_at_320_css_pixels_without_sideways_scrolling(site_url, browser, kind, path):
    """WCAG 1.4.10: 320 px wide is a 1280 px screen zoomed to 400 %, beyond the 200 % asked."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


def test_keyboard_focus_is_always_visible(site_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/en/about/")
    for _ in range(12):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            "(() => { const style = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, style.outlineStyle, style.outlineWidth]; })()"
        )
        assert outline[0] in {"A", "BUTTON", "INPUT"}
        assert outline[1] != "none" and outline[2] != "0px", outline
    context.close()


def test_motion_is_off_for_those_who_ask(site_url, browser):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + "/en/")
    durations = page.evaluate(
        "[...document.querySelectorAll('*')].map(e => getComputedStyle(e).transitionDuration)"
        ".filter(d => d !== '0s')"
    )
    context.close()
    assert durations == []


def test_the_keyboard_alone_switches_language_and_filters_programmes(site_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(site_url + "/en/programmes/")

    def tab_to(name):
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == name:
                return
        raise AssertionError(f"{name!r} cannot be reached with the Tab key")

    tab_to("Postgraduate")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/en/programmes/?level=postgraduate")
    assert page.locator(".card").count() == 1

    tab_to("简体中文")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/zh-hans/zhuanye/?level=postgraduate")  # the filter is kept
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    context.close()

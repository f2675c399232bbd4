"""Every public page type, in both languages, as an auditor sees it: accessible, valid, unbroken."""

import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS

from tests.support.audit import (
    AUDIT_ADMISSIONS,
    AUDIT_EVENT,
    PAGE_TYPES,
    POSTED_PAGE_TYPES,
    audited_paths,
    checked_documents,
    fetch,
    links_of,
)

pytestmark = pytest.mark.browser

# WCAG 1.4.10: 320 px wide is a 1280 px screen zoomed to 400 %, beyond the 200 % asked. axe runs
# there too: the narrowest screen is the strictest for its rules that depend on the layout
# (target size, overlapping, scrolling regions).
NARROW = {"width": 320, "height": 640}
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module", autouse=True)
def audit_event(served):
    """The event of the audit, taking bookings (and the made-up admission figures); the paths
    of its booking's private pages. (One `manage.py shell`: each costs a start of Django.)"""
    return served.manage("shell", "-c", AUDIT_ADMISSIONS + AUDIT_EVENT).stdout.strip().splitlines()[-2:]


@pytest.fixture(scope="module")
def narrow_page(browser):
    """One page at 320 px for the whole audit: a context costs more than the page it loads,
    and a warm one fetches the shared CSS, script and fonts once. axe-core is put in every
    document it opens (an init script) rather than sent and parsed again by each check.
    Each audit starts without cookies, as a first visit."""
    context = browser.new_context(viewport=NARROW)
    context.add_init_script(AXE_SCRIPT)
    page = context.new_page()
    yield page
    context.close()


@dataclass
class Audit:
    """What the audit of one page found: how far it scrolls sideways at 320 px (> 0 fails
    reflow), and axe-core's violations (all its rules, as axe_playwright_python runs it)."""

    overflow: int
    violations: list


def audit(page):
    """The reflow measure first, then axe (which may scroll the page to see its elements)."""
    overflow = page.evaluate(OVERFLOW)
    violations = page.evaluate("options => axe.run(options)", DEFAULT_OPTIONS)["violations"]
    return Audit(overflow, violations)


def described(violations):
    return [
        (violation["id"], violation["help"], [node["target"] for node in violation["nodes"]])
        for violation in violations
    ]


def failures(path, found):
    """What fails in the audit of `path`, both checks told apart."""
    failed = []
    if found.overflow > 0:
        failed.append((path, "reflow", f"scrolls sideways by {found.overflow} px at 320 px"))
    if found.violations:
        failed.append((path, "axe", described(found.violations)))
    return failed


@pytest.fixture(scope="module")
def audit_of(site_url, narrow_page):
    """The audit of a page, made once for both its tests (axe, reflow): one load, not two."""
    audits = {}

    def audit_path(path):
        if path not in audits:
            narrow_page.context.clear_cookies()
            narrow_page.goto(site_url + path)
            audits[path] = audit(narrow_page)
        return audits[path]

    return audit_path


def posted_paths():
    return [(kind, path) for kind, paths in POSTED_PAGE_TYPES.items() for path in paths]


@pytest.fixture(scope="module")
def html_checked(site_url, audit_event, tmp_path_factory):
    """{document: the Nu Html Checker's errors} for every document the audit checks (the page
    types, the forms sent empty, a booking's pages), in one run of the checker: each costs a
    JVM start. The pages are saved first: the checker refuses to read a page served as a 404.
    None without Java (outside CI): the tests of the checker skip, the others run."""
    if not shutil.which("java") and not os.environ.get("CI"):
        return None
    urls = [site_url + path for _kind, path in audited_paths()] + [site_url + path for path in audit_event]
    posted = [site_url + path for _kind, path in posted_paths()]
    documents = {url: fetch(url) for url in urls}
    documents |= {f"POST {url}": fetch(url, data=b"name=") for url in posted}
    return checked_documents(documents, tmp_path_factory.mktemp("html"))


def html_errors_of(checked, names):
    """The errors in `names`, and any the checker gave about no document (its own failure)."""
    if checked is None:
        pytest.skip("the Nu Html Checker needs Java (apt-get install -y default-jre-headless)")
    return [error for name in [*names, None] for error in checked.get(name, [])]


def test_a_booking_page_is_accessible_and_valid(site_url, audit_of, audit_event, html_checked):
    """A booking's private page (its address is signed with the served site's key)."""
    found = [failure for path in audit_event for failure in failures(path, audit_of(path))]
    if html_checked is not None:
        found += html_errors_of(html_checked, [site_url + path for path in audit_event])
    assert found == []


@pytest.mark.parametrize(("kind", "path"), audited_paths())
def test_axe_finds_no_accessibility_violation(audit_of, kind, path):
    violations = audit_of(path).violations
    assert violations == [], (path, described(violations))


def test_the_html_checker_finds_no_error_on_any_page_type(site_url, html_checked):
    assert html_errors_of(html_checked, [site_url + path for _kind, path in audited_paths()]) == []


@pytest.mark.parametrize(("kind", "path"), posted_paths())
def test_a_form_with_errors_has_no_accessibility_violation_and_reflows(site_url, narrow_page, kind, path):
    """The enquiry form sent empty (a plain form post; our script does not touch it): every error
    shown. (With JavaScript disabled in the context, axe itself cannot run.)"""
    narrow_page.context.clear_cookies()
    narrow_page.goto(site_url + path)
    narrow_page.click(".enquiry-form button[type=submit]")
    narrow_page.wait_for_selector(".error-summary")
    assert failures(f"{path} sent empty", audit(narrow_page)) == []


def test_the_html_checker_finds_no_error_on_a_form_with_errors(site_url, html_checked):
    assert html_errors_of(html_checked, [f"POST {site_url + path}" for _kind, path in posted_paths()]) == []


def crawled(url):
    """(url, its error status or None, the links of its HTML)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            if response.headers.get_content_type() != "text/html":
                return url, None, []
            return url, None, links_of(response.read().decode())
    except urllib.error.HTTPError as error:
        return url, error.code, []


def test_no_internal_link_is_broken(site_url):
    """A crawl from both home pages: every link and resource on our origin answers. Each round
    fetches the links found by the last, a few at a time (the server has two workers)."""
    to_visit = [site_url + "/en/", site_url + "/zh-hans/"]
    seen = set(to_visit)
    broken = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        while to_visit:
            found = []
            for url, status, links in pool.map(crawled, to_visit):
                if status is not None:
                    broken.append((url, status))
                for link in links:
                    absolute = urllib.parse.urljoin(url, link).split("#", 1)[0]
                    if not absolute.startswith(site_url) or "/admin/" in absolute or absolute in seen:
                        continue
                    seen.add(absolute)
                    found.append(absolute)
            to_visit = found
    assert broken == []
    assert len(seen) >= 2 * len(PAGE_TYPES)


@pytest.mark.parametrize(("kind", "path"), audited_paths())
def test_text_reflows_at_320_css_pixels_without_sideways_scrolling(audit_of, kind, path):
    """WCAG 1.4.10 (see NARROW)."""
    overflow = audit_of(path).overflow
    assert overflow <= 0, f"{path} scrolls sideways by {overflow} px at 320 px"


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

"""Zero layout shift: the first paint already has the final layout, on a phone and a desktop.

The menu used to fold on a phone only once site.js had run (after the first paint), moving the
whole page up under the reader's eyes (CLS 0.15-0.19). Now the stylesheet folds it from the
start and the script changes no layout: Chromium's own measure (layout-shift entries) is 0, and
the page is laid out the same with and without the script.
"""

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 390, 1280
PAGES = [
    "/en/",
    "/zh-hans/",
    "/en/news-events/",
    "/en/news-events/cqmu-uol-joint-institute-approved-by-the-ministry-of-education/",
]

# The sum of the layout shifts not caused by input, as Lighthouse counts it (CLS), after load.
CUMULATIVE_LAYOUT_SHIFT = """
() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 1000);
})
"""

# Where the main landmarks are: the same with and without the script.
LAYOUT = """
() => ["header", "main", "footer", ".nav-toggle", "#site-nav"].map((selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return [selector, Math.round(box.top), Math.round(box.height), Math.round(box.width)];
})
"""


def open_page(browser, site_url, path, width):
    """In a context of its own: a first visit, nothing cached, as the shift would be seen."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    return context, page


@pytest.fixture(scope="module")
def without_script(browser, site_url):
    """A page without the script at a width, one per width for the module: the layout once
    loaded does not depend on what was cached."""
    contexts, pages = [], {}

    def page_at(path, width):
        if width not in pages:
            contexts.append(
                browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
            )
            pages[width] = contexts[-1].new_page()
        pages[width].goto(site_url + path, wait_until="load")
        return pages[width]

    yield page_at
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("path", PAGES)
def test_nothing_moves_once_the_page_is_painted(browser, site_url, without_script, path, width):
    context, page = open_page(browser, site_url, path, width)
    shift = page.evaluate(CUMULATIVE_LAYOUT_SHIFT)
    with_script = page.evaluate(LAYOUT)
    # SCREENSHOT_DIR=… keeps screenshots to look at (none otherwise: each costs a PNG's encoding).
    if os.environ.get("SCREENSHOT_DIR"):
        screenshots = Path(os.environ["SCREENSHOT_DIR"])
        screenshots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=screenshots / f"{path.strip('/').replace('/', '_')[:40] or 'root'}-{width}.png")
    context.close()
    without = without_script(path, width).evaluate(LAYOUT)
    print(f"\nCLS {path} at {width} px: {shift}")
    assert shift == 0
    assert with_script == without


def test_without_the_script_the_menu_link_still_opens_the_menu_on_a_phone(without_script):
    page = without_script("/en/", PHONE)
    navigation = page.locator("#site-nav")
    assert navigation.is_hidden()
    page.get_by_role("link", name="Menu").click()
    assert navigation.is_visible()

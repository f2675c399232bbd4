"""The stylesheet as a browser applies it: what a lost brace in site.css once broke unnoticed.

Measured on the home page in both languages, on a phone (390 px) and a desktop (1280 px).
"""

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "zh-hans"]
PHONE, DESKTOP = 390, 1280
ROW_TOLERANCE = 3  # px: items centred on one flex row may differ by rounding


@pytest.fixture(scope="module")
def open_home(browser, site_url):
    """The home page in a language at a width, loaded once for the module: the tests only read
    its layout (one context per width, one page per language and width)."""
    contexts, pages = {}, {}

    def open_at(language, width):
        if (language, width) not in pages:
            if width not in contexts:
                contexts[width] = browser.new_context(viewport={"width": width, "height": 900})
            pages[language, width] = contexts[width].new_page()
            pages[language, width].goto(f"{site_url}/{language}/")
        return pages[language, width]

    yield open_at
    for context in contexts.values():
        context.close()


def box(page, selector):
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not displayed"
    return found


def middle(found):
    return found["y"] + found["height"] / 2


def rgb(hex_colour):
    hex_colour = hex_colour.strip().lstrip("#")
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({red}, {green}, {blue})"


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("language", LANGUAGES)
def test_visually_hidden_text_takes_no_room_on_screen(open_home, language, width):
    page = open_home(language, width)
    hidden = page.locator(".visually-hidden")
    assert hidden.count() >= 1  # the label of the search box, at least
    for element in hidden.all():
        found = element.bounding_box()
        assert found is not None
        assert found["width"] <= 1 and found["height"] <= 1, element.inner_text()
    # It is still there for a screen reader.
    assert page.get_by_role("searchbox", name={"en": "Search the site", "zh-hans": "搜索本站"}[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_desktop_the_header_holds_the_name_search_and_languages_on_one_row_and_the_menu_below(
    open_home, language
):
    page = open_home(language, DESKTOP)
    brand, search, switcher = box(page, ".brand"), box(page, ".site-search"), box(page, ".lang-switch")
    first_link, header = box(page, ".site-nav a"), box(page, ".site-header")

    # One row: the same vertical centre, left to right.
    for item in (search, switcher):
        assert abs(middle(item) - middle(brand)) <= ROW_TOLERANCE
    assert brand["x"] + brand["width"] <= search["x"] < switcher["x"]
    # The menu has the full width of the row below (.site-nav: flex-basis 100%), right under it.
    row_bottom = max(item["y"] + item["height"] for item in (brand, search, switcher))
    assert row_bottom <= first_link["y"] <= row_bottom + 16
    # And nothing else: the header ends after the menu row, its padding and its border.
    assert header["y"] + header["height"] - (first_link["y"] + first_link["height"]) <= 20


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_search_button_is_styled(open_home, language):
    page = open_home(language, PHONE)
    crimson = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--crimson')")
    button = page.locator(".site-search__button")
    assert button.evaluate("element => getComputedStyle(element).backgroundColor") == rgb(crimson)
    # It sits at the end of the search box, on the same row.
    field = box(page, ".site-search__input")
    assert abs(middle(box(page, ".site-search__button")) - middle(field)) <= ROW_TOLERANCE


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_latest_news_are_kept_apart_by_a_line(open_home, language):
    page = open_home(language, PHONE)
    cards = page.locator(".latest-news .news-card")
    assert cards.count() >= 1
    for card in cards.all():
        border = card.evaluate(
            "element => { const style = getComputedStyle(element);"
            " return [style.borderBottomStyle, style.borderBottomWidth]; }"
        )
        assert border == ["solid", "1px"]

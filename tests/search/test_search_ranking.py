"""Search that answers an applicant's questions (issue 11): programmes and Contact first,
title matches above text matches, synonyms that staff edit, and a way on when nothing is found."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from pages.models import Programme
from search.documents import Entry
from search.models import SearchDocument
from tests.pages import factories as make
from tests.search import test_search
from tests.search.test_search import results, search, urls
from tests.support.second_factor import log_in_verified


@pytest.fixture
def listed():
    """A provider whose entries a test writes (as in test_search.py)."""
    yield from test_search.registered_listed()


pytestmark = pytest.mark.django_db

CONTACT = {"en": "/en/contact/", "zh-hans": "/zh-hans/lianxi/"}


def programme_url(key, language):
    return Programme.objects.get(key=key).get_absolute_url(language)


def programme_urls(language):
    return {programme.get_absolute_url(language) for programme in Programme.objects.visible(language)}


def kinds(found_urls, language):
    """The kind of each result, in order (from the index: the page shows only labels)."""
    by_url = dict(SearchDocument.objects.filter(language=language).values_list("url", "kind"))
    return [by_url[url] for url in found_urls]


@pytest.mark.parametrize("query", ["临床", "临床医学"])
def test_clinical_in_chinese_puts_the_clinical_medicine_programme_first(client, query):
    found = urls(search(client, "zh-hans", query))
    assert found[0] == programme_url("clinical-medicine", "zh-hans")
    # The milestones about the programme are found too, but below it.
    assert "milestone" in kinds(found[1:], "zh-hans")


@pytest.mark.parametrize("query", ["clinical", "medicine", "MBBS"])
def test_clinical_medicine_in_english_puts_the_programme_first(client, query):
    assert urls(search(client, "en", query))[0] == programme_url("clinical-medicine", "en")


@pytest.mark.parametrize(
    ("language", "query"), [("en", "apply"), ("en", "admission"), ("zh-hans", "申请"), ("zh-hans", "报考")]
)
def test_applying_finds_every_programme_first_and_the_contact_page(client, language, query):
    found = urls(search(client, language, query))
    assert set(found[:4]) == programme_urls(language)
    assert CONTACT[language] in found


def test_a_title_match_ranks_above_a_text_match_of_a_heavier_kind(client, listed):
    listed.index(
        Entry("text", "/en/text/", "Facilities", "Our axolotl tanks.", weight=30),
        Entry("title", "/en/title/", "Axolotl tanks of the old animal house", "", weight=5),
    )
    assert urls(search(client, "en", "axolotl")) == ["/en/title/", "/en/text/"]


def test_a_programme_ranks_above_a_milestone_with_the_same_words(client):
    milestone = make.milestone()
    make.translated(milestone, en={"title": "Zebrafish"}, zh_hans={"title": "斑马鱼"})
    milestone.save_translations()
    programme = make.programme()
    make.translated(programme, en={"title": "Zebrafish Biology"}, zh_hans={"title": "斑马鱼生物学"})
    programme.save_translations()

    for language, query in (("en", "zebrafish"), ("zh-hans", "斑马鱼")):
        found = urls(search(client, language, query))
        # The milestone's title is shorter, which alone would rank it first.
        assert kinds(found, language) == ["programme", "milestone"]
        assert found[0] == programme.get_absolute_url(language)


def test_the_contact_page_ranks_above_other_pages_for_the_same_words(client):
    found = urls(search(client, "zh-hans", "招生"))
    pages = [url for url, kind in zip(found, kinds(found, "zh-hans"), strict=True) if kind == "page"]
    assert pages[0] == CONTACT["zh-hans"]


def test_synonyms_are_searched_but_not_shown(client):
    html = search(client, "en", "MBBS")
    assert urls(html)[0] == programme_url("clinical-medicine", "en")
    assert "MBBS" not in html.split('class="search-results"')[1]


class FormFields(HTMLParser):
    """The values an admin change form would post as it stands (inputs, text areas, selects)."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if checkable and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value") or ("on" if checkable else "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def test_synonyms_edited_in_the_admin_take_effect_at_once(client):
    staff = get_user_model().objects.create_superuser("programme-editor", "editor@example.org", "secret")
    log_in_verified(client, staff)
    programme = Programme.objects.get(key="rehabilitation")
    with translation.override("zh-hans"):
        url = reverse("admin:pages_programme_change", args=[programme.pk]) + "?language=zh-hans"
    form = FormFields()
    form.feed(client.get(url).content.decode())
    assert "康复" in form.data["synonyms"]
    assert urls(search(client, "zh-hans", "推拿")) == []

    form.data["synonyms"] = "康复\n推拿"
    response = client.post(url, form.data)

    assert response.status_code == 302
    client.logout()
    assert urls(search(client, "zh-hans", "推拿")) == [programme.get_absolute_url("zh-hans")]
    assert programme.get_absolute_url("zh-hans") not in urls(search(client, "zh-hans", "理疗"))


@pytest.mark.parametrize(
    ("language", "query", "text"),
    [
        ("en", "xylophone", "Did not find your answer?"),
        ("zh-hans", "木琴", "没有找到您要的答案？"),
        ("en", "!!!", "Did not find your answer?"),  # no words to look for at all
    ],
)
def test_a_search_that_finds_nothing_suggests_contact_and_the_enquiry_form(
    client, language, query, text, django_assert_max_num_queries
):
    search(client, language, query)  # warms the CMS's cache of page URLs
    with django_assert_max_num_queries(4):
        html = search(client, language, query)
    assert results(html) == []
    assert text in html
    assert f'<a href="{CONTACT[language]}">' in html
    assert {"en": "enquiry form", "zh-hans": "咨询表单"}[language] in html


def test_a_search_that_finds_something_does_not_suggest_contact(client):
    assert "Did not find your answer?" not in search(client, "en", "clinical")


def test_documents_carry_the_weight_of_their_kind():
    documents = SearchDocument.objects.filter(language="en")
    weights = {
        kind: set(documents.filter(kind=kind).values_list("weight", flat=True))
        for kind in ("programme", "milestone")
    }
    assert weights == {"programme": {30}, "milestone": {5}}
    pages = dict(documents.filter(kind="page").values_list("url", "weight"))
    assert pages[CONTACT["en"]] == 30
    assert pages["/en/about/"] == 20

"""The admin site: it speaks the editor's language, never says "Django", and guards every URL."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from jeiweb.admin.roles import NEWS_EDITORS, PAGE_EDITORS
from jeiweb.admin.site import EditingSite
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

# The index, and the pages of the packages' apps whose names were English in Chinese.
PAGES = [
    "",
    "axes/",
    "axes/accessattempt/",
    "axes/accesslog/",
    "axes/accessfailurelog/",
    "djangocms_versioning/",
    "djangocms_versioning/pagecontentversion/select/",
    "djangocms_alias/",
    "filer/",
    "filer/thumbnailoption/",
    "auth/",
    "auth/user/",
    "sites/site/",
    "cms/",
]


class VisibleText(HTMLParser):
    """The text a reader sees: the page's title and body, without scripts and styles."""

    HIDDEN = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.parts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self._hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


def english_names():
    """Every app and model name the admin can show, in English (lower case)."""
    names = set()
    with translation.override("en"):
        for model in admin.site._registry:
            opts = model._meta
            names |= {
                str(name).lower()
                for name in (opts.app_config.verbose_name, opts.verbose_name, opts.verbose_name_plural)
            }
    return names


def latin_runs(text):
    """The runs of Latin words in a text ("Access attempts" in "Access attempts 修改")."""
    return {run.strip().lower() for run in re.findall(r"[A-Za-z][A-Za-z ()]*", text)}


@pytest.fixture
def root_client(client, django_user_model):
    log_in_verified(client, django_user_model.objects.create_superuser("root", "root@example.edu.cn", "x"))
    return client


def test_the_admin_is_our_site():
    assert isinstance(admin.site, EditingSite)


@pytest.mark.parametrize("page", PAGES)
def test_the_chinese_admin_names_every_app_and_model_in_chinese(root_client, page):
    response = root_client.get(f"/zh-hans/admin/{page}")
    assert response.status_code == 200
    text = VisibleText.of(response.content.decode())
    assert sorted(latin_runs(text) & english_names()) == []
    assert "django" not in text.lower()


@pytest.mark.parametrize("page", ["", "auth/user/", "filer/thumbnailoption/", "translations/"])
def test_no_admin_page_says_django_in_either_language(root_client, page):
    for language in ("en", "zh-hans"):
        text = VisibleText.of(root_client.get(f"/{language}/admin/{page}").content.decode())
        assert "django" not in text.lower()


def staff(username, group):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize(
    "path",
    [
        "cms/pagecontent/",
        "cms/page/1/advanced-settings/",
        "cms/placeholder/cms_wizard/create/",
        "djangocms_versioning/pagecontentversion/",
        "djangocms_alias/alias/",
        "axes/accessattempt/",
        "auth/user/",
        "auth/group/add/",
        "sites/site/",
    ],
)
def test_a_news_editor_is_refused_every_page_outside_the_news(client, path):
    log_in_verified(client, staff("news-editor", NEWS_EDITORS))
    assert client.get(f"/en/admin/{path}").status_code == 403


@pytest.mark.parametrize("path", ["news/article/add/", "news/event/add/", "news/category/"])
def test_a_page_editor_writes_no_news(client, path):
    """Page editors approve the writers' news (tests/news/test_news_review.py), and write none."""
    log_in_verified(client, staff("page-editor", PAGE_EDITORS))
    assert client.get(f"/en/admin/{path}").status_code == 403


def test_the_editors_tools_are_admin_views(client):
    """Visitors are sent to the login page; any staff member may open them."""
    for path in ("/en/admin/translations/", "/en/admin/guide/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/admin/login/")
    log_in_verified(client, staff("news-editor", NEWS_EDITORS))
    assert client.get("/en/admin/translations/").status_code == 200
    assert client.get("/en/admin/guide/").status_code == 200

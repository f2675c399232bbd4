"""No lost update: a save over a record that changed since its form was opened is refused,
in the editor's language, with their typing kept and what changed meanwhile shown."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.news.factories import make_article
from tests.support.admin_forms import form_data
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors():
    users = get_user_model().objects
    first = users.create_superuser("first", "first@example.edu.cn", "x")
    second = users.create_superuser("second", "second@example.edu.cn", "x")
    return log_in_verified(Client(), first), log_in_verified(Client(), second)


def test_the_second_save_is_refused_with_the_typing_kept_and_the_other_change_shown(editors):
    first, second = editors
    article = make_article(title="Open day")
    url = f"/zh-hans/admin/news/article/{article.pk}/change/?language=en"
    first_form = first.get(url).content.decode()
    second_form = second.get(url).content.decode()
    assert first.post(url, form_data(first_form, title="Open day 2026")).status_code == 302

    refused = second.post(url, form_data(second_form, summary="Typed by the second editor."))
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "您打开此记录后，其他人保存了修改" in html  # the editor's language
    assert "Typed by the second editor." in html  # nothing typed is lost
    assert "<ins> 2026</ins>" in html  # what the first editor changed
    article.refresh_from_db()
    assert article.summary != "Typed by the second editor."

    # Having seen it, saving again is deliberate, and goes through; the title the second
    # editor left alone is the first editor's now, so both changes are kept.
    assert 'value="Open day 2026"' in html
    assert second.post(url, form_data(html)).status_code == 302
    article = type(article).objects.get(pk=article.pk)
    article.set_current_language("en")
    assert (article.title, article.summary) == ("Open day 2026", "Typed by the second editor.")


def test_a_form_error_keeps_the_version_the_form_was_opened_on(editors):
    first, second = editors
    article = make_article(title="Open day")
    url = f"/en/admin/news/article/{article.pk}/change/?language=en"
    second_form = second.get(url).content.decode()
    invalid = second.post(url, form_data(second_form, title="")).content.decode()
    assert first.post(url, form_data(first.get(url).content.decode(), title="Changed")).status_code == 302
    refused = second.post(url, form_data(invalid, title="Mine"))
    assert refused.status_code == 200
    assert "Someone else saved this record after you opened it." in refused.content.decode()

"""History of site content: revisions per record in both languages, restore, recovery of a
deleted record with its children, and a restore reaching the page cache and the search."""

import pytest
from django.contrib.auth import get_user_model
from reversion.models import Version

from tests.news.factories import make_article
from tests.support.admin_forms import form_data, log_into_admin

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("root", "root@example.edu.cn", "x")


@pytest.fixture
def admin_client(client, superuser):
    return log_into_admin(client, superuser)


def edit(client, url, **changes):
    """Open the change form at `url`, change fields as an editor types, and save it."""
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, form_data(page.content.decode(), **changes))
    import re
    assert response.status_code == 302, (response.context["adminform"].form.errors, [f.errors for f in response.context["inline_admin_formsets"]])
    return response


def test_each_save_of_an_article_is_a_revision_with_a_diff_per_language(admin_client):
    article = make_article(title="Open day")
    url = ADMIN + f"news/article/{article.pk}/change/?language=en"
    edit(admin_client, url, title="Open day 2026")
    edit(admin_client, ADMIN + f"news/article/{article.pk}/change/?language=zh-hans", title="开放日")
    history = admin_client.get(ADMIN + f"news/article/{article.pk}/history/").content.decode()
    print(history[history.find('id="change-history"'):][:5000])
    assert Version.objects.get_for_object(article).count() == 3

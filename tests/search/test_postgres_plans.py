"""At 10,000 articles on PostgreSQL, a list page reads an index, not the whole table (EXPLAIN).

Runs on PostgreSQL only (DATABASE_URL=postgres://…); skipped on SQLite, whose planner differs.
"""

import pytest
from django.db import connection
from django.utils import timezone

from news.models import Article
from news.selectors import for_cards
from tests.news.factories import bulk_articles, make_category

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL's plans"),
]

ARTICLES = 10_000


def plan(queryset):
    with connection.cursor() as cursor:
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def big_archive():
    category = make_category()
    for start in range(0, ARTICLES, 2000):
        bulk_articles(
            2000, category if start == 0 else None, start=timezone.now() - timezone.timedelta(hours=start + 1)
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return category


def test_the_news_list_reads_an_index_at_10000_articles(big_archive):
    page = for_cards(Article.objects.visible("en"))[:10]
    explained = plan(page)
    print(explained)
    assert "Seq Scan on news_article " not in explained
    assert "Index Scan using news_article_visible" in explained


def test_a_category_page_reads_an_index_at_10000_articles(big_archive):
    page = for_cards(Article.objects.visible("en").filter(categories=big_archive))[:10]
    explained = plan(page)
    print(explained)
    assert "Seq Scan on news_article " not in explained

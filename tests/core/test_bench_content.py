"""The benchmark's generator (bench/): the requested records in both languages, and only they
are removed again by --delete."""

import pytest
from django.core.management import call_command

from news.models import Article, Event
from pages.models import Milestone

pytestmark = pytest.mark.django_db


def counts():
    return Article.objects.count(), Event.objects.count(), Milestone.objects.count()


def test_the_generator_creates_the_requested_records_in_both_languages_and_delete_removes_them():
    before = counts()

    call_command("generate_bench_content", articles=12, events=3, milestones=5, verbosity=0)

    assert counts() == (before[0] + 12, before[1] + 3, before[2] + 5)
    for language in ("en", "zh-hans"):
        assert (
            Article.objects.visible(language)
            .filter(translations__slug__startswith="bench-")
            .distinct()
            .count()
            == 12
        )
        assert (
            Event.objects.visible(language).filter(translations__slug__startswith="bench-").distinct().count()
            == 3
        )
        assert Milestone.objects.visible(language).filter(key__startswith="bench-").count() == 5
    # A second run adds to the first without clashing slugs.
    call_command("generate_bench_content", articles=2, verbosity=0)
    assert Article.objects.count() == before[0] + 14

    call_command("generate_bench_content", delete=True, verbosity=0)

    assert counts() == before

"""The benchmark's generator (bench/generate_content.py): the requested records in both
languages, and only they are removed again by delete()."""

import subprocess
import sys

import pytest
from django.conf import settings

from bench.generate_content import delete, generate
from news.models import Article, Event
from pages.models import Milestone

pytestmark = pytest.mark.django_db


def counts():
    return Article.objects.count(), Event.objects.count(), Milestone.objects.count()


def test_the_generator_creates_the_requested_records_in_both_languages_and_delete_removes_them():
    before = counts()

    generate(articles=12, events=3, milestones=5)

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
    generate(articles=2)
    assert Article.objects.count() == before[0] + 14

    delete()

    assert counts() == before


def test_the_generator_runs_as_a_script_with_the_projects_settings():
    script = settings.BASE_DIR / "bench" / "generate_content.py"
    result = subprocess.run([sys.executable, script, "--help"], capture_output=True, text=True, check=True)
    assert "--articles" in result.stdout and "--delete" in result.stdout

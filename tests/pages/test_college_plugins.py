"""The college's blocks on CMS pages: placed by editors anywhere, fed by the records."""

import re

import pytest
from cms.api import add_plugin, create_page, create_page_content
from cms.models import PageContent
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from djangocms_versioning.models import Version

from jeiweb.content.batching import batched_changes
from pages import models
from tests.pages import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("plugin-editor", "editor@example.org", "secret")


@pytest.fixture
def blocks_page(editor):
    """A new page, in both languages, carrying one of each block."""
    committee = models.Committee.objects.get(key="joint-executive-committee")
    page = create_page("Blocks", "pages/page.html", "en", slug="blocks", created_by=editor)
    create_page_content("zh-hans", "积木", page, slug="jimu", template="pages/page.html", created_by=editor)
    for language in ("en", "zh-hans"):
        content = PageContent.admin_manager.get(page=page, language=language)
        placeholder = content.get_placeholders().get(slot="content")
        add_plugin(placeholder, "KeyFactsPlugin", language, subject="teaching")
        add_plugin(placeholder, "KeyFactsPlugin", language, subject="students")
        add_plugin(placeholder, "ProgrammeCardsPlugin", language, level="postgraduate")
        add_plugin(placeholder, "TimelinePlugin", language, latest=3)
        add_plugin(placeholder, "CommitteePlugin", language, committee=committee)
        add_plugin(placeholder, "ResourcesPlugin", language)
        add_plugin(placeholder, "AccreditationsPlugin", language)
        Version.objects.get_for_content(content).publish(editor)
    return page


def test_every_block_renders_its_records_on_a_new_page(client, blocks_page):
    html = client.get("/en/blocks/").content.decode()
    # key facts: counts with their computed shares
    for figure in ("68 (78 %)", "76 (87 %)", "58 (67 %)", "65 (75 %)"):
        assert figure in html
    assert "Qualifications of the 87 core teachers, as of 2022" in html
    assert "School of Basic Medicine" in html
    assert '<span class="facts__number">448</span> students' in html
    assert "Figures as of 2024." in html
    # programme cards of one level
    assert re.findall(r'<h3 class="card__title"><a href="([^"]+)">', html) == [
        "/en/programmes/oncology-cancer-cell-molecular-biology/"
    ]
    # the latest three milestones, oldest first
    timeline = html[html.index('<ol class="timeline">') :]
    assert re.findall(r'<time datetime="([\d-]+)">', timeline)[:3] == ["2023-12", "2024-03", "2024-05"]
    # one committee
    assert "Joint Executive Committee" in html and "Joint Management Committee" not in html
    assert "<dt>Chair</dt>" in html and "Professor Deng Shixiong" in html
    # resources and accreditations
    assert "Acland Anatomy" in html and "A tablet computer for every student" in html
    assert "WFME Recognition Status" in html


def test_the_blocks_read_in_chinese(client, blocks_page):
    html = client.get("/zh-hans/jimu/").content.decode()
    expected = [
        *("68（78%）", "76（87%）", "58（67%）", "65（75%）"),
        *("87名核心教师的职称、学历与经历（截至2022年）", "其中：教授 / 主任医师", "基础医学院"),
        *("名学生", "数据截至2024年。", "联合执行委员会", "<dt>主任</dt>", "邓世雄教授"),
        *('<span lang="en">Acland Anatomy</span>', "获得世界医学教育联合会认定", "2024年5月"),
    ]
    for text in expected:
        assert text in html, text
    assert '<html lang="zh-Hans">' in html


def test_the_seeded_pages_render_their_facts_from_the_records(client):
    teaching = client.get("/en/about/teaching-teams/").content.decode()
    assert "68 (78 %)" in teaching and "Course teaching teams" not in teaching
    assert '<span class="facts__number">19</span> course teaching teams' in teaching
    governance = client.get("/zh-hans/guanyu/guanli-jiagou/").content.decode()
    assert "黄爱龙教授" in governance and "Nishan Canagarajah 教授" in governance
    students = client.get("/en/students-resources/").content.decode()
    assert '<span class="facts__number">15</span> provinces and municipalities of China' in students
    quality = client.get("/zh-hans/zhiliang-renzheng/").content.decode()
    assert "国际质量评估" in quality and "2023年5月" in quality


def test_no_seeded_page_types_a_percentage(page_specs):
    for spec in page_specs:
        for block in spec.blocks:
            name = None if block == "text" else block.get("text")
            if block == "text" or name:
                for language in ("en", "zh-hans"):
                    assert not re.search(r"\d\s*[%％]", spec.body(language, name)), (spec.reverse_id, name)


def test_an_edited_record_shows_at_once_on_a_cached_page(client):
    url = "/en/about/teaching-teams/"
    client.get(url)  # now in the page cache
    profile = models.TeachingStaffProfile.objects.current()
    profile.overseas_experience = 70
    profile.save()
    html = client.get(url).content.decode()
    assert "70 (80 %)" in html


def test_the_committee_block_costs_the_same_queries_for_4_or_40_members(
    client, django_assert_max_num_queries
):
    url = "/en/about/governance/"

    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    client.get(url)
    with_4 = queries()
    committee = models.Committee.objects.get(key="joint-management-committee")
    with batched_changes():  # the records, not their saves, are what this measures
        for _ in range(36):
            make.post(committee)
    assert queries() == with_4
    assert client.get(url).content.decode().count("<dt>Member</dt>") == 36
    cache.clear()  # +1: when content next changes by itself, for the page cache's state
    with django_assert_max_num_queries(21):
        client.get(url)

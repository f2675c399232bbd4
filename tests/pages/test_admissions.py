"""Places and results by province and year, their import, the public page, the cost of study.

Every figure here is made up, in the tests only: the site loads none (the tables stay empty
until staff import them).
"""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest
import tablib
from django.core.cache import cache
from django.utils.translation import override
from import_export.formats.base_formats import XLSX

from jeiweb.cache import pages as pages_cache
from jeiweb.i18n import reverse_in
from pages import models
from pages.admissions_import import AdmissionRecordResource, template_dataset
from tests.pages import factories as make

pytestmark = pytest.mark.django_db

YEARS = range(2015, 2025)
# What the tests of one province's table need: the years on each side of the reform of 2021.
RECENT_YEARS = range(2019, 2025)
MAINLAND = 31


def made_up_rows(programme_title, years=YEARS):
    """One made-up row per year, mainland province and track of that year (Chinese names)."""
    rows = []
    provinces = models.Province.objects.prefetch_related("translations").order_by("order")[:MAINLAND]
    for province in provinces:
        for year in years:
            for n, track in enumerate(province.tracks_in(year)):
                lowest = 560 + (year - 2015) + province.order + n
                rank = 30000 - 1000 * (year - 2015) + 10 * province.order + n
                name = province.safe_translation_getter("name", language_code="zh-hans")
                label = str(models.Track(track).label)
                rows.append(
                    [programme_title, year, name, label, 10, 10, lowest + 40, lowest + 15, lowest, rank, 520]
                )
    return rows


def chinese_file(rows, file_format="xlsx"):
    """The made-up rows under the template's Chinese headers, as the file staff upload."""
    dataset = template_dataset("zh-hans")
    for row in rows:
        dataset.append(row)
    return dataset.export(file_format)


def import_file(content, dry_run=False, language="zh-hans"):
    dataset = XLSX().create_dataset(content) if isinstance(content, bytes) else tablib.Dataset().load(content)
    with override(language):
        return AdmissionRecordResource().import_data(dataset, dry_run=dry_run)


@pytest.fixture
def programme():
    return make.programme()


@pytest.fixture
def imported(programme):
    with override("zh-hans"):
        rows = made_up_rows(programme.safe_translation_getter("title", language_code="zh-hans"), RECENT_YEARS)
        result = import_file(chinese_file(rows))
    assert not result.has_errors() and not result.has_validation_errors()
    return programme, rows


def admissions_url(programme, language="zh-hans", **query):
    slug = programme.safe_translation_getter("slug", language_code=language)
    return reverse_in(language, "programmes:admissions", query=query, slug=slug)


def table_cells(html):
    body = re.search(r'<table class="data-table admissions-table">.*?<tbody>(.*?)</tbody>', html, re.S).group(
        1
    )
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [[c.replace("–", "") for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in rows]


def test_ten_years_of_every_province_import_from_excel_and_a_dry_run_changes_nothing(programme):
    with override("zh-hans"):
        rows = made_up_rows(programme.safe_translation_getter("title", language_code="zh-hans"))
    content = chinese_file(rows)
    preview = import_file(content, dry_run=True)
    assert preview.totals["new"] == len(rows) and not preview.has_validation_errors()
    assert not models.AdmissionRecord.objects.exists()
    import_file(content)
    assert models.AdmissionRecord.objects.filter(programme=programme).count() == len(rows)
    assert len(rows) > 10 * MAINLAND  # two tracks where the province has two


def test_the_chongqing_2024_physics_row_is_shown_in_chinese_with_its_computed_margin(client, imported):
    programme, _rows = imported
    html = client.get(admissions_url(programme, province="chongqing", track="physics")).content.decode()
    row = next(row for row in table_cells(html) if row[0] == "2024")
    record = models.AdmissionRecord.objects.get(
        programme=programme, year=2024, province__key="chongqing", track=models.Track.PHYSICS
    )
    assert row == [
        "2024",
        "10",
        "10",
        str(record.highest_score),
        str(record.average_score),
        str(record.lowest_score),
        "520",
        f"+{record.lowest_score - 520}",
        str(record.lowest_rank),
    ]
    assert "线差" in html and "最低位次" in html and "重庆 · 物理类" in html
    # Before its reform (2021) Chongqing had science and arts: another table, not mixed in.
    assert [row[0] for row in table_cells(html)] == ["2021", "2022", "2023", "2024"]


def test_the_rank_chart_is_drawn_on_the_server_with_a_text_alternative(client, imported):
    programme, _rows = imported
    html = client.get(admissions_url(programme, province="sichuan", track="science")).content.decode()
    svg = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count("<circle") == len(RECENT_YEARS)  # Sichuan's science track, a point a year
    assert "越靠上" in html or "倒置" in html  # the page says the axis is inverted


def test_the_csv_and_json_downloads_equal_the_table(client, imported):
    programme, _rows = imported
    query = {"province": "guangdong", "track": "physics"}
    table = table_cells(client.get(admissions_url(programme, **query)).content.decode())
    slug = programme.safe_translation_getter("slug", language_code="zh-hans")
    response = client.get(reverse_in("zh-hans", "programmes:admissions-csv", query=query, slug=slug))
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff") and response["Content-Type"].startswith("text/csv")
    headings, *rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert headings[0] == "年份" and rows == table
    data = json.loads(
        client.get(reverse_in("zh-hans", "programmes:admissions-json", query=query, slug=slug)).content
    )
    assert [str(row["year"]) for row in data["rows"]] == [row[0] for row in table]
    assert [str(row["lowest_rank"]) for row in data["rows"]] == [row[-1] for row in table]
    assert [f"+{row['margin']}" for row in data["rows"]] == [row[-2] for row in table]


def test_a_bad_file_is_refused_with_row_numbered_chinese_errors_and_nothing_changes(imported):
    programme, _rows = imported
    before = models.AdmissionRecord.objects.count()
    title = programme.safe_translation_getter("title", language_code="zh-hans")
    rows = [
        [title, 2024, "重庆", "物理类", 10, 10, 640, 620, 600, 2000, 520],
        [title, 2024, "火星", "物理类", 10, 10, 640, 620, 600, 2000, 520],
        [title, 2024, "湖北", "物理类", 10, 10, 800, 620, 600, 2000, 520],
        [title, 2024, "湖南", "物理类", 10, 10, 640, 620, 600, "12.5", 520],
        [title, 2024, "重庆市", "物理类", 10, 10, 640, 620, 600, 2000, 520],
    ]
    result = import_file(chinese_file(rows, "csv"))
    assert models.AdmissionRecord.objects.count() == before  # the 2024 rows were not replaced
    with override("zh-hans"):
        errors = {
            row.number: " ".join(str(m) for ms in row.error_dict.values() for m in ms)
            for row in result.invalid_rows
        }
    assert set(errors) == {2, 3, 4, 5}
    assert "未知的省份" in errors[2]
    assert "满分750分" in errors[3]
    assert "不是正整数" in errors[4]
    assert "第1行" in errors[5]


def test_re_importing_a_year_replaces_that_year_only(imported):
    programme, _rows = imported
    title = programme.safe_translation_getter("title", language_code="zh-hans")
    import_file(chinese_file([[title, 2024, "重庆", "物理类", 12, 12, 650, 630, 610, 1800, 525]]))
    assert models.AdmissionRecord.objects.filter(programme=programme, year=2024).count() == 1
    assert models.AdmissionRecord.objects.filter(programme=programme, year=2023).count() > MAINLAND


def test_an_import_replacing_a_year_reaches_the_cached_page_with_one_cache_change(
    client, programme, monkeypatch
):
    """The page cache starts afresh once for a file, not once per row written or replaced."""
    title = programme.safe_translation_getter("title", language_code="zh-hans")
    chongqing = [title, 2024, "重庆", "物理类", 10, 10, 640, 620, 600, 2000, 520]
    hunan = [title, 2024, "湖南", "物理类", 10, 10, 640, 620, 600, 2100, 520]
    assert not import_file(chinese_file([chongqing, hunan])).has_validation_errors()
    url = admissions_url(programme, province="chongqing", track="physics")
    assert table_cells(client.get(url).content.decode())[-1][-1] == "2000"  # in the page cache now
    bumps = []
    monkeypatch.setattr(pages_cache, "bump_content_version", lambda **kwargs: bumps.append(kwargs))
    hubei = [title, 2024, "湖北", "物理类", 5, 5, 640, 620, 600, 900, 520]
    result = import_file(chinese_file([chongqing[:9] + [1800, 520], hunan, hubei]))
    assert not result.has_errors() and not result.has_validation_errors()
    assert len(bumps) == 1
    monkeypatch.undo()
    pages_cache.bump_content_version()  # what the one call did (replaced above, to count it)
    assert table_cells(client.get(url).content.decode())[-1][-1] == "1800"


def test_the_cost_table_totals_are_computed_from_the_stages_and_the_rate(client, programme):
    cost = make.CostOfStudyFactory(programme=programme, gbp_to_cny=Decimal("9.1234"))
    make.CostStageFactory(cost=cost, years=3, currency="CNY", tuition=60000, accommodation=1200, living=12000)
    make.CostStageFactory(cost=cost, years=2, currency="GBP", tuition=25000, accommodation=7000, living=9000)
    expected = Decimal(3 * 73200) + Decimal(2 * 41000) * Decimal("9.1234")
    assert cost.total.cny == expected
    assert cost.total.gbp == Decimal(3 * 73200) / Decimal("9.1234") + Decimal(2 * 41000)
    html = client.get(programme.get_absolute_url("zh-hans")).content.decode()
    assert f"{expected.quantize(Decimal(1)):,} 元" in html
    assert "2025年3月1日" in html  # the rate's date
    comparison = client.get(reverse_in("zh-hans", "programmes:list")).content.decode()
    assert f"{expected.quantize(Decimal(1)):,}" in comparison


def test_before_staff_publish_figures_the_pages_say_so_with_the_enquiry_link(client, programme):
    html = client.get(admissions_url(programme)).content.decode()
    assert "尚未公布" in html and reverse_in("zh-hans", "enquiry:form") in html
    assert "<table" not in html
    detail = client.get(programme.get_absolute_url("zh-hans")).content.decode()
    assert "尚未公布" in detail


def test_the_page_reads_few_queries_with_a_large_table(client, django_assert_max_num_queries):
    programmes = [make.programme() for _ in range(4)]
    provinces = list(models.Province.objects.order_by("order")[:MAINLAND])
    models.AdmissionRecord.objects.bulk_create(
        models.AdmissionRecord(
            programme=p,
            year=year,
            province=province,
            track=track,
            planned_places=5,
            lowest_score=600,
            control_line=500,
            lowest_rank=1000 + year,
            publication_start=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
            status="published",
        )
        for p in programmes
        for province in provinces
        for year in YEARS
        for track in ("physics", "history", "science")
    )
    url = admissions_url(programmes[0], province="chongqing", track="physics")
    client.get(admissions_url(programmes[0]))  # the site's own state (menus, content version) warmed
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200 and "<svg" in response.content.decode()
    cache.clear()

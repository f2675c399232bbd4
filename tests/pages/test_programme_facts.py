"""What parents ask of a programme (issue 11): each fact as data, shown once entered, in both
languages; the degree of each university; the comparison of what differs; FAQs; JSON-LD;
sharing to WeChat."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from cms.api import add_plugin, create_page, create_page_content
from cms.models import PageContent
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from djangocms_versioning.models import Version

from jeiweb.cache.pages import bump_content_version
from jeiweb.content.publishing import Status
from jeiweb.seo.sharing import qr_svg
from pages import models
from pages.loaders import load_college_data
from tests.pages import factories as make

pytestmark = pytest.mark.django_db

PSYCHIATRY = {
    "en": "/en/programmes/psychiatry-psychology/",
    "zh-hans": "/zh-hans/zhuanye/jingshen-yixue-xinlixue/",
}
CLINICAL = {"en": "/en/programmes/clinical-medicine/", "zh-hans": "/zh-hans/zhuanye/linchuang-yixue/"}
LIST = {"en": "/en/programmes/", "zh-hans": "/zh-hans/zhuanye/"}
ARTICLE = {
    "en": "/en/news-events/cqmu-uol-joint-institute-approved-by-the-ministry-of-education/",
    "zh-hans": "/zh-hans/xinwen-huodong/lianhe-xueyuan-huo-jiaoyubu-pizhun-sheli/",
}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def json_ld(html, kind):
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]
    return [block for block in blocks if block.get("@type") == kind]


def psychiatry():
    return models.Programme.objects.get(key="psychiatry")


def set_translated(programme, field, en, zh):
    for language, value in (("en", en), ("zh-hans", zh)):
        programme.set_current_language(language)
        setattr(programme, field, value)
    programme.save()


# Each fact: how to set it, and what the page then says (English, Chinese).
def set_duration(p):
    p.duration_months = 66
    p.save()


def set_tuition(p):
    p.tuition_amount, p.tuition_currency, p.tuition_year = Decimal("60000"), "CNY", 2025
    p.save()


def set_places(p):
    p.places = 30
    p.save()


def set_deadline(p):
    p.application_closes = datetime.date(2026, 6, 30)
    p.save()


def set_stage(p):
    stage = models.CurriculumStage(programme=p, order=1)
    make.translated(stage, en={"title": "Foundation year"}, zh_hans={"title": "基础阶段"})
    stage.save()


FACTS = {
    "length of study": (
        set_duration,
        '<dt>Length of study</dt><dd data-fact="duration">5 years 6 months</dd>',
        '<dt>学制</dt><dd data-fact="duration">5年6个月</dd>',
    ),
    "language of instruction": (
        lambda p: set_translated(p, "language_of_instruction", "English and Chinese", "英语和汉语"),
        '<dd data-fact="language">English and Chinese</dd>',
        '<dt>授课语言</dt><dd data-fact="language">英语和汉语</dd>',
    ),
    "annual tuition": (
        set_tuition,
        '<dt>Annual tuition</dt><dd data-fact="tuition">'
        "60,000 yuan (CNY) a year (2025–2026 academic year)</dd>",
        '<dt>学费（每年）</dt><dd data-fact="tuition">每年 60,000 元（人民币）（2025—2026学年）</dd>',
    ),
    "places": (
        set_places,
        '<dt>Places per year</dt><dd data-fact="places">30</dd>',
        '<dd data-fact="places">30</dd>',
    ),
    "entry subjects": (
        lambda p: set_translated(p, "entry_subjects", "Physics and chemistry", "物理和化学"),
        "<dt>Entry requirements: subjects</dt>",
        '<dt>入学要求：科目</dt><dd data-fact="subjects">物理和化学</dd>',
    ),
    "English": (
        lambda p: set_translated(p, "english_requirements", "English in the gaokao", "高考英语"),
        '<dd data-fact="english">English in the gaokao</dd>',
        "<dt>入学要求：英语</dt>",
    ),
    "application deadline": (
        set_deadline,
        '<dt>Application deadline</dt><dd data-fact="date"><time datetime="2026-06-30">',
        '<dt>报名截止</dt><dd data-fact="date"><time datetime="2026-06-30">2026年6月30日</time>',
    ),
    "curriculum": (set_stage, '<h2 id="curriculum-heading">Curriculum</h2>', "<h3>基础阶段</h3>"),
    "clinical placements": (
        lambda p: set_translated(p, "clinical_placements", "In teaching hospitals.", "在教学医院。"),
        '<h2 id="placements-heading">Clinical placements</h2>',
        '<h2 id="placements-heading">临床实习</h2>',
    ),
    "careers": (
        lambda p: set_translated(p, "careers", "Further study.", "继续深造。"),
        '<h2 id="careers-heading">Careers and further study</h2>',
        "<p>继续深造。</p>",
    ),
}


@pytest.mark.parametrize("fact", FACTS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_each_programme_fact_is_hidden_while_empty_and_shown_once_entered(client, fact, language):
    setter, english, chinese = FACTS[fact]
    expected = english if language == "en" else chinese
    assert expected not in html_of(client, PSYCHIATRY[language])
    setter(psychiatry())
    assert expected in html_of(client, PSYCHIATRY[language])


@pytest.mark.parametrize(
    ("language", "cqmu", "uol"),
    [
        ("en", "<dt>Degree from Chongqing Medical University</dt>", "Clinical Sciences BSc"),
        (
            "zh-hans",
            '<dt>重庆医科大学授予学位</dt><dd data-fact="degree-cqmu">临床医学专业本科学位证书</dd>',
            "<dt>莱斯特大学授予学位</dt>",
        ),
    ],
)
def test_the_degree_of_each_university_is_stated_and_no_bsc_is_claimed_for_cqmu(client, language, cqmu, uol):
    html = html_of(client, CLINICAL[language])
    assert cqmu in html and uol in html
    assert "理学学士（BSc）学位证书" not in html
    cards = html_of(client, LIST[language])
    assert "理学学士（BSc）" not in cards
    assert ("Chongqing Medical University: Undergraduate degree certificate, Clinical Medicine" in cards) or (
        "重庆医科大学：临床医学专业本科学位证书" in cards
    )


def test_the_loader_reads_one_degree_per_university_and_only_sourced_faqs(client):
    clinical = models.Programme.objects.get(key="clinical-medicine")
    assert sorted(d.university for d in clinical.degrees) == ["cqmu", "uol"]
    assert clinical.duration_months is None and not clinical.has_tuition and not clinical.key_dates
    assert models.Faq.objects.count() == 9
    assert load_college_data() == 0  # a second run creates nothing


def test_chinese_titles_are_short_with_the_english_name_as_a_subtitle(client):
    html = html_of(client, CLINICAL["zh-hans"])
    assert "<h1>临床医学</h1>" in html
    assert '<p class="subtitle" lang="en">Clinical Medicine / Clinical Sciences BSc</p>' in html
    assert '<p class="subtitle" lang="en">Clinical Medicine / Clinical Sciences BSc</p>' in html_of(
        client, LIST["zh-hans"]
    )
    assert 'class="subtitle"' not in html_of(client, CLINICAL["en"])


# Validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"tuition_amount": Decimal("60000")}, "tuition_currency"),
        ({"tuition_currency": "CNY", "tuition_year": 2025}, "tuition_amount"),
        (
            {"tuition_amount": Decimal("-1"), "tuition_currency": "CNY", "tuition_year": 2025},
            "tuition_amount",
        ),
        (
            {"tuition_amount": Decimal("1"), "tuition_currency": "USD", "tuition_year": 2025},
            "tuition_currency",
        ),
        ({"duration_months": 0}, "duration_months"),
        ({"duration_months": 500}, "duration_months"),
        (
            {"application_opens": datetime.date(2026, 7, 1), "application_closes": datetime.date(2026, 6, 1)},
            "application_closes",
        ),
        ({"results_on": datetime.date(2026, 8, 1), "starts_on": datetime.date(2026, 7, 1)}, "starts_on"),
    ],
)
def test_a_fact_that_is_not_a_valid_number_or_date_is_refused(fields, field):
    programme = make.programme(save=False, **fields)
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert field in error.value.message_dict


def test_a_degree_is_given_once_per_university(client):
    clinical = models.Programme.objects.get(key="clinical-medicine")
    duplicate = models.DegreeAward(programme=clinical, university="uol")
    duplicate.set_current_language("en")
    duplicate.name = "Another"
    with pytest.raises(ValidationError):
        duplicate.full_clean()


# The comparison ---------------------------------------------------------------------------------


def comparison(client, language="en"):
    html = html_of(client, LIST[language])
    table = html[html.index('<table class="compare') : html.index("</table>")]
    return html, dict(re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S))


def test_the_comparison_shows_only_the_facts_that_differ(client):
    html, rows = comparison(client)
    assert "Annual tuition" not in rows and "Length of study" not in rows  # nobody has one yet
    models.Programme.objects.update(duration_months=60)
    bump_content_version()  # update() sends no signal: say the content changed
    html, rows = comparison(client)
    assert "Length of study" not in rows
    shared = html[html.index('<dl class="key-facts shared-facts">') :]
    assert "<dt>Length of study</dt><dd>5 years</dd>" in shared
    models.Programme.objects.filter(key="oncology").update(duration_months=36)
    bump_content_version()  # update() sends no signal: say the content changed
    html, rows = comparison(client)
    assert re.findall(r"<td>([^<]+)</td>", rows["Length of study"]) == [
        "5 years",
        "5 years",
        "5 years",
        "3 years",
    ]


def test_a_fact_entered_for_one_programme_reads_not_published_for_the_others(client):
    set_tuition(psychiatry())
    _html, rows = comparison(client, "zh-hans")
    cells = re.findall(r"<td>([^<]+)</td>", rows["学费（每年）"])
    assert cells == ["暂未公布", "每年 60,000 元（人民币）（2025—2026学年）", "暂未公布", "暂未公布"]


def test_the_comparison_scrolls_in_a_labelled_focusable_region_with_a_hint(client):
    html = html_of(client, LIST["zh-hans"])
    assert '<p class="scroll-hint" id="compare-hint">左右滑动查看全部专业。</p>' in html
    assert (
        '<div class="table-scroll table-scroll--shadow" role="region" aria-labelledby="compare-caption" '
        'aria-describedby="compare-hint" tabindex="0">'
    ) in html


# Structured data --------------------------------------------------------------------------------


def test_the_programme_json_ld_names_each_universitys_degree_and_omits_unknown_facts(client):
    (data,) = json_ld(html_of(client, PSYCHIATRY["en"]), "EducationalOccupationalProgram")
    credentials = data["educationalCredentialAwarded"]
    assert [c["recognizedBy"]["name"] for c in credentials] == [
        "Chongqing Medical University",
        "University of Leicester",
    ]
    assert all(
        c["@type"] == "EducationalOccupationalCredential" and c["credentialCategory"] == "degree"
        for c in credentials
    )
    assert credentials[1]["name"] == "Psychology BSc"
    for absent in ("timeToComplete", "offers", "applicationDeadline", "startDate", "maximumEnrollment"):
        assert absent not in data


def test_the_programme_json_ld_carries_the_facts_once_entered(client):
    programme = psychiatry()
    programme.duration_months = 60
    programme.tuition_amount, programme.tuition_currency, programme.tuition_year = (
        Decimal("45000.50"),
        "CNY",
        2025,
    )
    programme.application_opens = datetime.date(2026, 6, 1)
    programme.application_closes = datetime.date(2026, 6, 30)
    programme.starts_on = datetime.date(2026, 9, 1)
    programme.full_clean()
    programme.save()
    (data,) = json_ld(html_of(client, PSYCHIATRY["zh-hans"]), "EducationalOccupationalProgram")
    assert data["timeToComplete"] == "P5Y"
    assert data["offers"] == {
        "@type": "Offer",
        "category": "Tuition",
        "price": "45000.50",
        "priceCurrency": "CNY",
        "description": "每年 45,000.50 元（人民币）（2025—2026学年）",
    }
    assert data["applicationStartDate"] == "2026-06-01"
    assert data["applicationDeadline"] == "2026-06-30"
    assert data["startDate"] == "2026-09-01"


def test_a_length_in_months_is_an_iso_duration():
    assert make.programme(save=False, duration_months=18).duration_iso == "P1Y6M"
    assert make.programme(save=False, duration_months=9).duration_iso == "P9M"


# FAQs -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "question"),
    [("en", "What degree do graduates receive?"), ("zh-hans", "毕业生获得什么学位？")],
)
def test_a_programmes_questions_are_a_disclosure_list_with_faqpage_data(client, language, question):
    html = html_of(client, CLINICAL[language])
    faq = models.Faq.objects.filter(programme__key="clinical-medicine").first()
    assert f'<details class="faq" id="faq-{faq.pk}">\n    <summary>{question}</summary>' in html
    (data,) = json_ld(html, "FAQPage")
    assert data["@context"] == "https://schema.org"
    assert len(data["mainEntity"]) == 3
    first = data["mainEntity"][0]
    assert first["@type"] == "Question" and first["name"] == question
    assert first["acceptedAnswer"]["@type"] == "Answer" and first["acceptedAnswer"]["text"]


def test_an_unpublished_question_is_hidden(client):
    models.Faq.objects.filter(programme__key="psychiatry").update(status=Status.DRAFT)
    bump_content_version()  # update() sends no signal: say the content changed
    html = html_of(client, PSYCHIATRY["en"])
    assert "<details" not in html and not json_ld(html, "FAQPage")


def test_a_question_is_found_by_search_and_leads_to_its_place_on_the_programme_page(client):
    faq = models.Faq.objects.get(
        programme__key="clinical-medicine", translations__question="Is the programme accredited?"
    )
    faq.save()  # indexed on save, as staff edits are
    html = html_of(client, "/en/search/?q=accredited")
    assert f'href="/en/programmes/clinical-medicine/#faq-{faq.pk}"' in html
    html = html_of(client, "/zh-hans/sousuo/?q=认证")
    assert f'href="/zh-hans/zhuanye/linchuang-yixue/#faq-{faq.pk}"' in html


def test_the_faq_plugin_shows_the_site_wide_questions_on_a_cms_page(client):
    faq = models.Faq(order=1)
    make.translated(
        faq,
        en={"question": "Where is the institute?", "answer": "In Chongqing."},
        zh_hans={"question": "学院在哪里？", "answer": "在重庆。"},
    )
    faq.save()
    editor = get_user_model().objects.create_superuser("faq-editor", "faq@example.org", "secret")
    page = create_page("FAQ", "pages/page.html", "en", slug="faq", created_by=editor, reverse_id="faq")
    create_page_content(
        "zh-hans", "常见问题", page, slug="changjian-wenti", template="pages/page.html", created_by=editor
    )
    for language in ("en", "zh-hans"):
        content = PageContent.admin_manager.get(page=page, language=language)
        add_plugin(content.get_placeholders().get(slot="content"), "FaqPlugin", language)
        Version.objects.get_for_content(content).publish(editor)
    html = html_of(client, "/zh-hans/changjian-wenti/")
    assert "<summary>学院在哪里？</summary>" in html
    assert "毕业生获得什么学位？" not in html  # a programme's question stays on its page
    (data,) = json_ld(html, "FAQPage")
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "在重庆。"
    assert faq.get_absolute_url("en") == f"/en/faq/#faq-{faq.pk}"


# Sharing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [CLINICAL, ARTICLE], ids=["programme", "article"])
@pytest.mark.parametrize(
    ("language", "caption"), [("en", "Scan with WeChat to share"), ("zh-hans", "微信扫一扫，分享本页")]
)
def test_a_page_offers_its_own_qr_code_for_wechat_drawn_by_us(client, page, language, caption):
    html = html_of(client, page[language])
    label = "QR code of this page" if language == "en" else "本页二维码"
    assert str(qr_svg(f"http://testserver{page[language]}", label)) in html
    assert f"<figcaption>{caption}</figcaption>" in html
    assert 'class="button share-native"' in html and " hidden>" in html  # shown by site.js where it works
    code = html[html.index('<svg role="img"') : html.index("</svg>")]
    assert "http" not in code.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_the_article_breadcrumb_links_back_to_the_news(client):
    html = html_of(client, ARTICLE["zh-hans"])
    crumbs = html[
        html.index('<nav class="breadcrumbs"') : html.index("</nav>", html.index('<nav class="breadcrumbs"'))
    ]
    assert '<a href="/zh-hans/xinwen-huodong/">新闻与活动</a>' in crumbs
    assert crumbs.count('aria-current="page"') == 1

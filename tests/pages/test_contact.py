"""Contact points as data: shown on Contact, each programme, the footer and in JSON-LD once set."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jeiweb.content.publishing import Status
from pages import models
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

CONTACT = {"en": "/en/contact/", "zh-hans": "/zh-hans/lianxi/"}
CLINICAL = {"en": "/en/programmes/clinical-medicine/", "zh-hans": "/zh-hans/zhuanye/linchuang-yixue/"}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def fill_in(key, **fields):
    point = models.ContactPoint.objects.get(key=key)
    for name, value in fields.items():
        if isinstance(value, dict):  # text per language
            for language, text in value.items():
                point.set_current_language(language)
                setattr(point, name, text)
        else:
            setattr(point, name, value)
    point.save()
    return point


def test_the_loaded_contact_points_have_names_only_so_nothing_is_shown(client):
    """The sources give no phone, e-mail or address: nothing is invented, nothing is shown."""
    assert set(models.ContactPoint.objects.values_list("key", "phone", "email", "map_url")) == {
        ("admissions", "", "", ""),
        ("institute", "", "", ""),
    }
    html = html_of(client, CONTACT["zh-hans"])
    assert "contact-point" not in html
    assert "site-footer__contact" not in html
    assert 'id="id_question"' in html  # the enquiry form is there all the same


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_footer_shows_the_institute_office_once_staff_fill_it_in(client, language):
    assert "tel:" not in footer(html_of(client, CONTACT[language]))
    fill_in(
        "institute",
        phone="+86 23 0000 0000",
        email="office@example.edu.cn",
        address={"en": "1 Example Road, Chongqing", "zh-hans": "重庆市示例路1号"},
    )
    # The Contact page is served from the page cache: saving a contact point starts it afresh.
    html = footer(html_of(client, CONTACT[language]))
    assert '<a href="tel:+862300000000">+86 23 0000 0000</a>' in html
    assert "mailto:office@example.edu.cn" in html
    assert ("重庆市示例路1号" if language == "zh-hans" else "1 Example Road, Chongqing") in html
    assert "office@example.edu.cn" in footer(html_of(client, CLINICAL[language]))


def test_the_footer_contact_costs_no_query_once_the_page_is_cached(client):
    fill_in("institute", email="office@example.edu.cn")
    html_of(client, "/en/search/")  # into the page cache
    with CaptureQueriesContext(connection) as queries:
        html = html_of(client, "/en/search/")
    assert "office@example.edu.cn" in footer(html)
    assert not [query for query in queries.captured_queries if "pages_contactpoint" in query["sql"]]


def test_a_draft_contact_point_is_shown_nowhere(client):
    fill_in("institute", email="office@example.edu.cn", status=Status.DRAFT)
    assert "office@example.edu.cn" not in html_of(client, CONTACT["en"])
    assert "institute" not in [data["kind"] for data in models.display_contact_points("en")]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_contact_page_lists_the_offices_and_the_form(client, language):
    fill_in("admissions", email="zs@example.edu.cn", office_hours={"en": "Mon–Fri", "zh-hans": "周一至周五"})
    fill_in("institute", admissions_url="https://example.edu.cn/zs/")
    html = html_of(client, CONTACT[language])
    names = re.findall(r'<h3 class="contact-point__name">([^<]+)</h3>', html)
    if language == "zh-hans":
        assert names == ["招生办公室", "重庆医科大学莱斯特大学联合学院"]
        assert "<dt>办公时间</dt><dd>周一至周五</dd>" in html
        assert '<h2 id="enquiry-heading">在线咨询</h2>' in html
    else:
        assert names == ["Admissions office", "CQMU–UoL Joint Educational Institute"]
    assert 'href="https://example.edu.cn/zs/"' in html
    assert f'action="{"/zh-hans/zixun/" if language == "zh-hans" else "/en/enquiry/"}"' in html


def test_a_programme_page_shows_the_admissions_office_and_the_form_with_the_programme_chosen(client):
    html = html_of(client, CLINICAL["zh-hans"])
    assert "contact-point" not in html
    fill_in("admissions", phone="023 0000 0000")
    html = html_of(client, CLINICAL["zh-hans"])
    apply = html[html.index('id="apply-heading"') :]
    assert '<h3 class="contact-point__name">招生办公室</h3>' in apply
    programme = models.Programme.objects.get(key="clinical-medicine")
    assert f'<option value="{programme.pk}" selected>' in apply
    assert 'action="/zh-hans/zixun/"' in apply


def test_the_institutes_json_ld_carries_its_contact_points_once_filled_in(client):
    def institute(html):
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return next(data for data in map(json.loads, blocks) if data["@type"] == "CollegeOrUniversity")

    assert "contactPoint" not in institute(html_of(client, "/en/"))
    fill_in(
        "admissions",
        phone="+86 23 0000 0000",
        email="zs@example.edu.cn",
        admissions_url="https://example.edu.cn/",
    )
    assert institute(html_of(client, "/zh-hans/"))["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "contactType": "招生办公室",
            "name": "招生办公室",
            "telephone": "+86 23 0000 0000",
            "email": "zs@example.edu.cn",
            "url": "https://example.edu.cn/",
        }
    ]


@pytest.mark.parametrize(
    ("language", "privacy", "accessibility"),
    [("en", "/en/privacy/", "/en/accessibility/"), ("zh-hans", "/zh-hans/yinsi/", "/zh-hans/wuzhangai/")],
)
def test_the_footer_links_the_privacy_notice_and_the_accessibility_statement(
    client, language, privacy, accessibility
):
    html = footer(html_of(client, f"/{language}/"))
    assert f'href="{privacy}"' in html and f'href="{accessibility}"' in html
    privacy_html = html_of(client, privacy)
    assert ("365" in privacy_html) and ("django_language" in privacy_html)
    assert "axe-core" in html_of(client, accessibility)


def test_staff_edit_contact_points_in_both_languages(client):
    from django.contrib.auth import get_user_model

    log_in_verified(
        client, get_user_model().objects.create_superuser("contact-editor", "e@example.org", "secret")
    )
    point = models.ContactPoint.objects.get(key="admissions")
    for language in ("en", "zh-hans"):
        assert client.get(f"/{language}/admin/pages/contactpoint/").status_code == 200
        assert client.get(f"/{language}/admin/pages/contactpoint/{point.pk}/change/").status_code == 200

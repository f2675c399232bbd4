"""The enquiry form as a visitor uses it without JavaScript, and what staff and mail get from it."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from jeiweb.cache.pages import bump_content_version, content_version
from pages import models
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

FORM = {"en": "/en/enquiry/", "zh-hans": "/zh-hans/zixun/"}
THANKS = {"en": "/en/enquiry/thanks/", "zh-hans": "/zh-hans/zixun/xiexie/"}


def answers(**changes):
    data = {
        "name": "王芳",
        "email": "parent@example.com",
        "phone": "",
        "province": "chongqing",
        "programme": "",
        "question": "临床医学专业学制几年？",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST the form as a browser without JavaScript does, running the after-commit mail."""

    def post(language="en", **changes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(FORM[language], answers(**changes))

    return post


@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("en", "We have received your question", "Dear 王芳,"),
        ("zh-hans", "我们已收到您的咨询", "王芳，您好："),
    ],
)
def test_an_enquiry_is_stored_mailed_and_confirmed_in_the_visitors_language(
    client, send, settings, language, subject, greeting
):
    settings.ENQUIRY_RECIPIENTS = ["admissions@example.edu.cn"]
    programme = models.Programme.objects.get(key="clinical-medicine")
    response = send(language, programme=str(programme.pk))
    assert response.status_code == 302
    assert response["Location"] == THANKS[language]
    enquiry = models.Enquiry.objects.get()
    assert (enquiry.name, enquiry.province, enquiry.programme, enquiry.language) == (
        "王芳",
        "chongqing",
        programme,
        language,
    )
    assert enquiry.status == models.EnquiryStatus.NEW
    assert enquiry.mail_sent is True
    office, confirmation = mail.outbox
    assert office.to == ["admissions@example.edu.cn"]
    assert office.reply_to == ["parent@example.com"]
    assert "临床医学专业学制几年？" in office.body
    assert "Province: Chongqing" in office.body  # staff read the office mail in English
    assert confirmation.to == ["parent@example.com"]
    assert confirmation.subject == subject
    assert greeting in confirmation.body
    assert client.get(THANKS[language]).status_code == 200


def test_without_an_e_mail_the_visitor_gets_no_mail_but_the_office_does(send, settings):
    settings.ENQUIRY_RECIPIENTS = []
    settings.ADMINS = [("Web team", "web@example.edu.cn")]
    assert send(email="", phone="138 0000 0000").status_code == 302
    assert models.Enquiry.objects.get().phone == "13800000000"
    assert [message.to for message in mail.outbox] == [["web@example.edu.cn"]]


def test_the_admissions_office_e_mail_receives_enquiries_when_no_recipient_is_set(send, settings):
    settings.ENQUIRY_RECIPIENTS = []
    models.ContactPoint.objects.filter(key="admissions").update(email="zs@example.edu.cn")
    bump_content_version()  # update() sends no signal: say the content changed
    send()
    assert mail.outbox[0].to == ["zs@example.edu.cn"]


def test_an_enquiry_is_stored_and_confirmed_even_when_the_mail_server_is_down(send, settings, client, caplog):
    settings.EMAIL_BACKEND = "tests.support.broken_mail.BrokenEmailBackend"
    settings.ENQUIRY_RECIPIENTS = ["admissions@example.edu.cn"]
    response = send("zh-hans")
    assert response.status_code == 302
    assert response["Location"] == THANKS["zh-hans"]
    enquiry = models.Enquiry.objects.get()
    assert enquiry.mail_sent is False
    assert "could not be sent" in caplog.text


def test_a_filled_honeypot_stores_nothing_but_answers_like_success(send):
    response = send(website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == THANKS["en"]
    assert not models.Enquiry.objects.exists()
    assert mail.outbox == []


def test_the_sixth_enquiry_within_the_hour_is_refused_in_chinese(send):
    for _ in range(5):
        assert send("zh-hans").status_code == 302
    response = send("zh-hans")
    assert response.status_code == 429
    assert "您的网络连接提交咨询的次数过多，请稍后再试。" in response.content.decode()
    assert models.Enquiry.objects.count() == 5


def test_behind_a_proxy_the_rate_limit_counts_each_visitor_apart(
    client, settings, django_capture_on_commit_callbacks
):
    """nginx is REMOTE_ADDR for everyone: the visitor is the address it appends to X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = 1

    def send_from(address):
        with django_capture_on_commit_callbacks(execute=True):
            # A client may send its own X-Forwarded-For: only the entry our proxy appended counts.
            forwarded = f"203.0.113.250, {address}"
            return client.post(FORM["en"], answers(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    for visitor in range(6):
        assert send_from(f"198.51.100.{visitor}").status_code == 302
    assert models.Enquiry.objects.count() == 6
    for _ in range(4):
        assert send_from("198.51.100.0").status_code == 302
    assert send_from("198.51.100.0").status_code == 429
    assert models.Enquiry.objects.count() == 10


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "请填写您的姓名。"),
        ({"email": "", "phone": ""}, "email", "请填写电子邮箱或电话号码，以便我们答复您。"),
        ({"email": "not-an-address"}, "email", "请填写有效的电子邮箱，例如 name@example.com。"),
        ({"phone": "12345"}, "phone", "请填写以1开头的11位手机号码、带区号的固定电话，或以+开头的国际号码。"),
        ({"phone": "12800000000"}, "phone", "请填写以1开头的11位手机号码"),
        ({"province": ""}, "province", "请选择您所在的省份，或选择“中国境外”。"),
        ({"province": "atlantis"}, "province", None),
        ({"question": ""}, "question", "请填写您的问题。"),
        ({"consent": None}, "consent", "请同意隐私声明，以便我们保存并答复您的问题。"),
    ],
)
def test_each_mistake_is_explained_next_to_its_field_in_chinese(send, changes, field, message):
    response = send("zh-hans", **changes)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert 'aria-invalid="true"' in html
    assert f'aria-describedby="{"id_email_help " if field == "email" else ""}id_{field}_error"' in html
    assert 'class="error-summary"' in html and "请更正以下内容：" in html
    if message:
        assert message in html
    assert "临床医学专业学制几年？" in html or field == "question"  # what was typed is kept
    assert not models.Enquiry.objects.exists()


@pytest.mark.parametrize("phone", ["13812345678", "+86 138 1234 5678", "023-68485000", "+44 116 252 2522"])
def test_mobile_landline_and_international_numbers_are_accepted(send, phone):
    assert send(email="", phone=phone).status_code == 302


def test_an_enquiry_leaves_the_visitors_page_cache_alone(send, client):
    client.get("/en/programmes/")
    before = content_version()
    assert send().status_code == 302
    assert models.Enquiry.objects.count() == 1
    assert content_version() == before  # no page shows an enquiry


def test_the_enquiry_page_opens_without_a_csrf_token_and_in_both_languages(client):
    for language, title in (("en", "Ask a question"), ("zh-hans", "在线咨询")):
        html = client.get(FORM[language]).content.decode()
        assert f"<h1>{title}</h1>" in html
        assert "csrfmiddlewaretoken" not in html
    assert 'name="website"' in html and 'tabindex="-1"' in html
    assert 'href="/zh-hans/yinsi/"' in html  # the consent links to the privacy notice
    assert html.count("<option") == 1 + 35 + 1 + 4  # provinces and programmes with their empty choice


# The staff inbox -------------------------------------------------------------------------------


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("inbox-reader", "reader@example.org", "secret")
    log_in_verified(client, user)
    return client


@pytest.fixture
def inbox():
    clinical = models.Programme.objects.get(key="clinical-medicine")
    return [
        models.Enquiry.objects.create(
            name="王芳",
            email="a@example.com",
            province="chongqing",
            programme=clinical,
            question="学费多少？",
        ),
        models.Enquiry.objects.create(
            name="Li Lei", phone="13800000000", province="sichuan", question="IELTS?"
        ),
    ]


def test_the_inbox_filters_by_status_programme_province_and_date(staff_client, inbox):
    url = "/en/admin/pages/enquiry/"
    html = staff_client.get(url).content.decode()
    assert "王芳" in html and "Li Lei" in html
    html = staff_client.get(url, {"province__exact": "sichuan"}).content.decode()
    assert "Li Lei" in html and "王芳" not in html
    html = staff_client.get(url, {"programme__id__exact": inbox[0].programme_id}).content.decode()
    assert "王芳" in html and "Li Lei" not in html
    html = staff_client.get(url, {"status__exact": "new", "q": "IELTS"}).content.decode()
    assert "Li Lei" in html and "王芳" not in html
    assert staff_client.get(url, {"created__gte": "2000-01-01 00:00:00+08:00"}).status_code == 200
    assert staff_client.get(f"{url}{inbox[0].pk}/change/").status_code == 200


def test_bulk_actions_mark_enquiries_answered_and_closed(staff_client, inbox):
    url = "/en/admin/pages/enquiry/"
    staff_client.post(url, {"action": "mark_answered", "_selected_action": [inbox[0].pk]})
    staff_client.post(url, {"action": "mark_closed", "_selected_action": [inbox[1].pk]})
    statuses = dict(models.Enquiry.objects.values_list("name", "status"))
    assert statuses == {"王芳": "answered", "Li Lei": "closed"}


def test_the_csv_export_opens_in_excel_with_chinese_intact(staff_client, inbox):
    response = staff_client.post(
        "/zh-hans/admin/pages/enquiry/",
        {"action": "export_csv", "_selected_action": [enquiry.pk for enquiry in inbox]},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["收到时间", "状态", "姓名"]
    assert [row[2] for row in rows[1:]] == ["王芳", "Li Lei"]
    assert rows[1][5] == "重庆市"


# Retention -------------------------------------------------------------------------------------


def test_purge_deletes_only_closed_enquiries_older_than_the_retention(settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.ENQUIRY_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    keep_open = models.Enquiry.objects.create(name="a", province="outside", question="q", created=old)
    gone = models.Enquiry.objects.create(
        name="b", province="outside", question="q", created=old, status="closed"
    )
    recent = models.Enquiry.objects.create(name="c", province="outside", question="q", status="closed")
    out = io.StringIO()
    call_command("purge_enquiries", "--dry-run", stdout=out)
    assert "would delete 1" in out.getvalue()
    assert models.Enquiry.objects.count() == 3
    call_command("purge_enquiries", stdout=io.StringIO())
    assert set(models.Enquiry.objects.values_list("pk", flat=True)) == {keep_open.pk, recent.pk}
    assert not models.Enquiry.objects.filter(pk=gone.pk).exists()

"""Staff's side of bookings, as each role may use it: the list with its counts, the CSV for
Excel, the check-in at the door on a phone, the mail to everyone confirmed, the registration
with the event (and the waiting list moving up when places are added)."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jeiweb.admin.roles import NEWS_EDITORS, PAGE_EDITORS
from news.bookings import services
from news.models import Booking
from tests.news.factories import make_booking, make_registration
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db


def login(client, group):
    user = get_user_model().objects.create_user(f"user-{group}", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return log_in_verified(client, user)


@pytest.fixture
def event():
    registration = make_registration(capacity=10)
    event = registration.event
    make_booking(event, places=3, name="王芳", phone="13800000001", province="chongqing", language="zh-hans")
    make_booking(event, places=2, name="Li Lei", phone="13900000002", email="li@example.com", attended=True)
    make_booking(event, places=4, name="Zhang Wei", status="waiting", email="zhang@example.com")
    make_booking(event, places=1, name="Chen Jing", status="cancelled")
    return event


def pages(event):
    root = f"/en/admin/news/booking/event/{event.pk}/"
    return {"list": root, "csv": root + "csv/", "check-in": root + "check-in/", "email": root + "email/"}


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        (NEWS_EDITORS, {"list": 200, "csv": 200, "check-in": 200, "email": 200}),
        (PAGE_EDITORS, {"list": 403, "csv": 403, "check-in": 403, "email": 403}),
    ],
)
def test_news_editors_serve_the_bookings_and_page_editors_do_not(client, event, group, expected):
    login(client, group)
    assert {name: client.get(url).status_code for name, url in pages(event).items()} == expected


def test_anonymous_visitors_are_sent_to_the_login(client, event):
    for url in pages(event).values():
        assert client.get(url)["Location"].startswith("/en/admin/login/")


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_counts_confirmed_waiting_cancelled_and_attended(client, event):
    login(client, NEWS_EDITORS)
    html = client.get(pages(event)["list"]).content.decode()
    assert "2 bookings, 5 places / 10" in html  # confirmed
    assert "1 booking, 4 places" in html  # waiting
    assert "1 booking, 1 places" in html  # cancelled; attended: Li Lei's 2
    assert "1 booking, 2 places" in html
    assert "王芳" in html and "Zhang Wei" in html


def test_the_list_and_the_check_in_cost_the_same_queries_for_4_or_40_bookings(client, event):
    login(client, NEWS_EDITORS)
    client.get(pages(event)["list"])  # the toolbar's and the content state's first reads
    few = {name: queries_of(client, pages(event)[name]) for name in ("list", "check-in", "csv")}
    for number in range(36):
        make_booking(event, name=f"Visitor {number}", phone=f"1370000{number:04d}")
    many = {name: queries_of(client, pages(event)[name]) for name in ("list", "check-in", "csv")}
    assert many == few
    assert few["csv"] <= 8


def test_the_csv_opens_in_excel_with_chinese_intact(client, event):
    login(client, NEWS_EDITORS)
    response = client.get(pages(event)["csv"].replace("/en/", "/zh-hans/"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["姓名", "电话"]
    first = rows[1]
    assert first[0] == "王芳" and first[5] == "重庆市" and first[7] == "已确认"
    assert len(rows) == 5


def test_check_in_finds_by_name_or_phone_and_marks_attended(client, event):
    login(client, NEWS_EDITORS)
    url = pages(event)["check-in"]
    html = client.get(url, {"q": "0001"}).content.decode()
    assert "王芳" in html and "Li Lei" not in html
    html = client.get(url, {"q": "zhang"}).content.decode()
    assert "No confirmed booking matches" in html  # on the waiting list: not at the door
    wang = Booking.objects.get(name="王芳")
    response = client.post(url, {"booking": wang.pk, "attended": "1", "q": "王"})
    assert response.status_code == 302
    wang.refresh_from_db()
    assert wang.attended is True
    assert 'name="viewport"' in client.get(url).content.decode()  # the admin is made for phones too


def test_a_waiting_booking_cannot_be_checked_in(client, event):
    login(client, NEWS_EDITORS)
    waiting = Booking.objects.get(name="Zhang Wei")
    assert client.post(pages(event)["check-in"], {"booking": waiting.pk, "attended": "1"}).status_code == 404


def test_one_mail_goes_to_each_confirmed_address(client, event):
    login(client, NEWS_EDITORS)
    response = client.post(pages(event)["email"], {"subject": "Parking", "body": "Use the north gate."})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["family@example.com"], ["li@example.com"]]


def test_the_event_admin_holds_the_registration_and_links_the_bookings(client, event):
    login(client, NEWS_EDITORS)
    html = client.get(f"/en/admin/news/event/{event.pk}/change/").content.decode()
    assert "Registration on this site" in html and 'name="registration-0-capacity"' in html
    assert pages(event)["list"] in client.get("/en/admin/news/event/").content.decode()


def test_adding_places_moves_the_waiting_list_up_and_tells_them(event, django_capture_on_commit_callbacks):
    registration = event.registration
    registration.capacity = 14
    registration.save()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.capacity_changed(registration)
    assert [booking.name for booking in promoted] == ["Zhang Wei"]
    assert mail.outbox[0].to == ["zhang@example.com"]

"""Issue 20's journey, in Debian's Chromium without JavaScript, in Chinese, on a 390 px phone:
a parent books three places at an open day, receives the confirmation with the calendar file,
cancels through the private link, and the first family on the waiting list is confirmed and
told; then a news editor checks that family in at the door, on a phone.

The site is served by gunicorn with its mail written to files (EMAIL_URL=filemail://), which
the test reads as the families' mailboxes."""

import email
import secrets
from email import policy

import pytest

from tests.support.second_factor import enrol_app_code, sign_in
from tests.support.server import served_site

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "java_script_enabled": False, "locale": "zh-CN"}
EVENT_PATH = "/zh-hans/xinwen-huodong/events/xiaoyuan-kaifangri/"

SETUP = """
from datetime import timedelta
from django.contrib.auth.models import Group, User
from django.utils import timezone
from news.models import Booking, Event, EventRegistration
start = timezone.now() + timedelta(days=14)
event = Event(status="published", start=start, end=start + timedelta(hours=4))
names = (("en", "Open day", "open-day"), ("zh-hans", "校园开放日", "xiaoyuan-kaifangri"))
for language, title, slug in names:
    event.set_current_language(language)
    event.title, event.slug, event.location = title, slug, "重庆医科大学"
    event.save()
EventRegistration.objects.create(event=event, enabled=True, capacity=5, max_places_per_booking=4)
Booking.objects.create(event=event, name="李家", phone="13900000000", province="sichuan", relation="parent",
                       places=2, status="confirmed", language="zh-hans")
editor = User.objects.create_user("door-editor", password={password!r}, is_staff=True)
editor.groups.add(Group.objects.get(name="News editors"))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, site_seed):
    workdir = tmp_path_factory.mktemp("bookings-browser")
    mailbox = workdir / "mail"
    mailbox.mkdir()
    password = secrets.token_urlsafe(16)
    # django-environ drops the first "/" of a filemail path: four in all for an absolute one.
    environment = {"CACHE_URL": f"filecache://{workdir / 'cache'}", "EMAIL_URL": f"filemail:///{mailbox}"}
    # One worker: the journey's requests come one at a time.
    with served_site(workdir, site_seed, environment=environment, workers=1) as served:
        served.manage("shell", "-c", SETUP.format(password=password) + enrol_app_code("door-editor"))
        served.mailbox, served.password = mailbox, password
        yield served


def mails_to(mailbox, address):
    """Every message written to the mailbox folder for `address`, oldest first."""
    messages = []
    for path in sorted(mailbox.iterdir(), key=lambda path: path.stat().st_mtime):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                message = email.message_from_bytes(chunk.strip(), policy=policy.default)
                if message["To"] == address:
                    messages.append(message)
    return messages


def book(page, name, email_address, places):
    page.fill("#id_name", name)
    page.check("#id_relation_1")  # 家长或家庭成员
    page.select_option("#id_places", str(places))
    page.fill("#id_email", email_address)
    page.select_option("#id_province", "chongqing")
    page.check("#id_consent")
    page.click(".booking-form button[type=submit]")


def test_a_parent_books_cancels_and_the_waiting_family_is_confirmed_and_checked_in(browser, site):
    parent = browser.new_context(**PHONE)
    page = parent.new_page()
    page.goto(site.url + EVENT_PATH)
    assert "剩余 3 个名额" in page.content()
    book(page, "王芳", "wang@example.com", 3)
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "您的预约已确认"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    (confirmation,) = mails_to(site.mailbox, "wang@example.com")
    assert confirmation["Subject"].strip() == "您的预约已确认：校园开放日"
    (calendar,) = [part for part in confirmation.iter_attachments() if part.get_filename().endswith(".ics")]
    assert calendar.get_content_type() == "text/calendar"
    assert "SUMMARY:校园开放日" in calendar.get_content()
    link = next(
        line
        for line in confirmation.get_body(("plain",)).get_content().splitlines()
        if "/events/booking/" in line
    )
    private_path = link[link.index("/zh-hans/") :]

    # The event is full now: the next family is offered the waiting list.
    family = browser.new_context(**PHONE)
    other = family.new_page()
    other.goto(site.url + EVENT_PATH)
    assert "名额已满" in other.content()
    book(other, "张伟", "zhang@example.com", 2)
    other.wait_for_load_state()
    assert other.locator("h1").inner_text() == "您已列入候补名单"
    family.close()

    # The parent cancels through the private link of the mail.
    page.goto(site.url + private_path)
    page.click(".booking-cancel button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "您的预约已取消"
    parent.close()

    waiting, promoted = mails_to(site.mailbox, "zhang@example.com")
    assert waiting["Subject"].startswith("您已列入候补名单")
    assert promoted["Subject"].strip() == "有名额空出，您的预约已确认：校园开放日"

    # At the door: a news editor finds the family by name on a phone and checks them in.
    staff = browser.new_context(**PHONE)
    door = staff.new_page()
    sign_in(door, site.url, "door-editor", site.password, language="zh-hans")
    door.goto(site.url + "/zh-hans/admin/news/event/")
    door.click("a[href*='/admin/news/booking/event/']")  # the event's bookings, from the events
    door.click(".booking-tools a[href$='/check-in/']")
    door.fill("#check-in-q", "张")
    door.click("form[role=search] button")
    door.click(".check-in-list button:has-text('签到')")
    door.wait_for_load_state()
    assert "已出席" in door.locator(".check-in-list").inner_text()
    assert door.evaluate("document.documentElement.scrollWidth") <= 390
    door.screenshot(path=str(site.mailbox.parent / "check-in.png"))
    staff.close()

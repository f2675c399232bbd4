"""Booking places at an event as a visitor does it without JavaScript: the form on the event page,
the confirmation and its mails, the private link, the waiting list, and when booking closes."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import override

from jeiweb.cache.pages import content_version
from news.bookings import services
from news.models import Booking
from tests.news.factories import make_booking, make_event, make_registration

pytestmark = pytest.mark.django_db


def answers(**changes):
    data = {
        "name": "王芳",
        "relation": "parent",
        "places": "3",
        "email": "parent@example.com",
        "phone": "138 0000 0000",
        "province": "chongqing",
        "programme": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def registration():
    return make_registration(make_event(start=timezone.now() + timedelta(days=3)), capacity=10)


@pytest.fixture
def book(client, django_capture_on_commit_callbacks):
    """POST the form as a browser without JavaScript does, running the after-commit mail."""

    def post(registration, language="en", **changes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(registration.event.get_absolute_url(language), answers(**changes))

    return post


def page(client, registration, language="en"):
    return client.get(registration.event.get_absolute_url(language)).content.decode()


@pytest.mark.parametrize(
    ("language", "heading", "subject"),
    [
        ("en", "Your booking is confirmed", "Your booking is confirmed: Event"),
        ("zh-hans", "您的预约已确认", "您的预约已确认：Event"),
    ],
)
def test_a_family_books_places_and_is_confirmed_in_its_language_with_the_calendar_file(
    client, book, registration, language, heading, subject
):
    assert "10 " in page(client, registration, language)
    response = book(registration, language)
    booking = Booking.objects.get()
    assert (booking.status, booking.places, booking.language, booking.phone) == (
        "confirmed",
        3,
        language,
        "13800000000",
    )
    assert response.status_code == 302
    assert response["Location"] == booking.get_absolute_url(language)
    confirmation = client.get(response["Location"])
    assert heading in confirmation.content.decode()
    assert "no-store" in confirmation["Cache-Control"]
    (message,) = mail.outbox
    assert message.subject.startswith(subject)
    assert message.to == ["parent@example.com"]
    assert booking.get_absolute_url(language) in message.body
    ((name, calendar, kind),) = message.attachments
    assert name.endswith(".ics") and kind == "text/calendar"
    assert "BEGIN:VEVENT" in calendar
    # The event page, served from the whole-page cache, shows the places left at once.
    assert "7 " in page(client, registration, language)


def test_the_form_keeps_what_was_typed_and_explains_each_mistake_in_chinese(client, book, registration):
    response = book(registration, "zh-hans", email="", phone="12345", province="", consent=None, places="9")
    html = response.content.decode()
    assert response.status_code == 200
    assert "请填写以1开头的11位手机号码" in html
    assert "请选择您所在的省份" in html
    assert "请同意隐私声明" in html
    assert "每次预约最多 4 个名额" in html
    assert 'value="王芳"' in html and 'value="12345"' in html
    assert 'aria-invalid="true"' in html
    assert not Booking.objects.exists()


def test_a_filled_honeypot_stores_nothing(book, registration):
    assert book(registration, website="http://spam.example").status_code == 302
    assert not Booking.objects.exists() and mail.outbox == []


def test_the_sixth_booking_within_the_hour_is_refused_in_chinese(book, registration):
    for _ in range(5):
        assert book(registration, "zh-hans", places="1").status_code == 302
    response = book(registration, "zh-hans", places="1")
    assert response.status_code == 429
    assert "您的网络连接提交的预约次数过多" in response.content.decode()


def test_a_booking_is_stored_even_when_the_mail_server_is_down(book, registration, settings, caplog):
    settings.EMAIL_BACKEND = "tests.support.broken_mail.BrokenEmailBackend"
    assert book(registration).status_code == 302
    assert Booking.objects.get().status == "confirmed"
    assert "could not be sent" in caplog.text


def test_beyond_the_places_left_a_booking_joins_the_waiting_list_and_the_page_offers_it(
    client, book, registration
):
    make_booking(registration.event, places=8)
    book(registration, places="3")
    assert Booking.objects.get(name="王芳").status == "waiting"
    assert "waiting list" in mail.outbox[0].subject
    book(registration, places="2")  # fits in the 2 places left: confirmed
    assert Booking.objects.confirmed().places() == 10
    html = page(client, registration)
    assert "All places are taken" in html and "Join the waiting list" in html


def test_cancelling_by_the_private_link_moves_up_whoever_fits_in_arrival_order(
    client, registration, django_capture_on_commit_callbacks
):
    event = registration.event
    family = make_booking(event, places=3, name="Family", email="family@example.com")
    make_booking(event, places=7, name="Group")
    first = make_booking(event, places=4, status="waiting", name="Too big", email="big@example.com")
    second = make_booking(
        event, places=2, status="waiting", name="Fits", email="fits@example.com", language="zh-hans"
    )
    third = make_booking(event, places=1, status="waiting", name="Also fits", email="also@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(family.get_absolute_url())
    assert response.status_code == 302
    statuses = dict(Booking.objects.values_list("name", "status"))
    assert statuses == {
        "Family": "cancelled",
        "Group": "confirmed",
        "Too big": "waiting",
        "Fits": "confirmed",
        "Also fits": "confirmed",
    }
    assert sorted(message.to[0] for message in mail.outbox) == ["also@example.com", "fits@example.com"]
    assert any("名额" in message.subject for message in mail.outbox)
    assert first.pk and second.pk and third.pk
    html = client.get(family.get_absolute_url()).content.decode()
    assert "Your booking is cancelled" in html and "Cancel my booking" not in html


@pytest.mark.parametrize(
    "alter", [lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"), lambda t: "forged"]
)
def test_an_altered_or_forged_link_is_refused(client, registration, alter):
    booking = make_booking(registration.event)
    url = booking.get_absolute_url().replace(booking.token, alter(booking.token))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Booking.objects.get().status == "confirmed"


def test_a_link_signed_for_something_else_is_refused(client, registration):
    booking = make_booking(registration.event)
    other = signing.Signer(salt="something-else").sign_object(booking.pk)
    assert client.get(booking.get_absolute_url().replace(booking.token, other)).status_code == 404


def test_booking_closes_when_the_event_starts(client, book, registration):
    with time_machine.travel(registration.event.start + timedelta(minutes=1)):
        assert "Booking for this event is closed" in page(client, registration)
        response = book(registration)
    assert response.status_code in (404, 409)
    assert not Booking.objects.exists()


def test_before_it_opens_the_page_says_when(client, registration):
    registration.opens_at = timezone.now() + timedelta(days=1)
    registration.save()
    assert "Booking opens on" in page(client, registration)
    assert registration.state(registration.opens_at) == "open"


def test_the_page_changes_when_booking_opens_without_an_edit(client, registration):
    registration.opens_at = timezone.now() + timedelta(hours=1)
    registration.save()
    assert "Booking opens on" in page(client, registration)
    with time_machine.travel(registration.opens_at + timedelta(seconds=1)):
        assert "10 places left" in page(client, registration)


def test_a_full_event_still_takes_bookings_on_the_waiting_list(registration):
    make_booking(registration.event, places=10)
    assert registration.state() == "full"


def test_a_booking_bumps_the_content_version_only_when_the_places_left_change(
    book, registration, django_capture_on_commit_callbacks
):
    before = content_version()
    book(registration, places="1")
    assert content_version() > before
    make_booking(registration.event, places=9)
    full = content_version()
    book(registration, places="1")  # waiting: the page stays as it was
    assert content_version() == full


def test_reminders_go_out_once_with_the_calendar_file(registration, settings):
    settings.BOOKING_REMINDER_HOURS = 24
    event = registration.event
    booking = make_booking(event, language="zh-hans")
    make_booking(event, status="waiting", name="Waiting")
    make_booking(event, status="cancelled", name="Cancelled")
    early = event.start - timedelta(hours=30)
    with time_machine.travel(early):
        call_command("send_booking_reminders", stdout=None)
    assert mail.outbox == []
    with time_machine.travel(event.start - timedelta(hours=20)):
        call_command("send_booking_reminders")
        call_command("send_booking_reminders")
    (reminder,) = mail.outbox
    assert reminder.subject.startswith("提醒")
    assert reminder.attachments[0][0].endswith(".ics")
    booking.refresh_from_db()
    assert booking.reminder_sent_at is not None


def test_purge_deletes_bookings_of_events_past_the_retention(registration, settings):
    settings.BOOKING_RETENTION_DAYS = 90
    old = make_event(start=timezone.now() - timedelta(days=100))
    make_booking(old, name="Old")
    make_booking(registration.event, name="Current")
    call_command("purge_bookings")
    assert list(Booking.objects.values_list("name", flat=True)) == ["Current"]


def test_under_the_rules_no_event_is_overbooked(registration):
    """The rule itself (the served test fires real concurrent requests at PostgreSQL)."""
    from news.bookings.forms import BookingForm

    for _ in range(6):
        with override("en"):
            form = BookingForm(answers(places="3"), registration=registration, language="en")
            assert form.is_valid(), form.errors
            services.book(registration.event, form, "en")
    assert registration.places_taken() == 9
    assert Booking.objects.filter(status="waiting").count() == 3


@pytest.mark.parametrize(
    ("path", "sentence"),
    [("/en/privacy/", "kept until %s days after"), ("/zh-hans/yinsi/", "活动结束后保存%s天")],
)
def test_the_privacy_notice_states_the_retention_that_purge_applies(client, settings, path, sentence):
    assert sentence % settings.BOOKING_RETENTION_DAYS in client.get(path).content.decode()


def test_the_page_cache_changes_when_booking_closes_at_the_start(client, registration):
    from jeiweb.content.registry import next_content_change

    event = registration.event
    assert next_content_change(event.start - timedelta(minutes=1)) == event.start
    html = page(client, registration)
    assert "10 places left" in html
    with time_machine.travel(event.start + timedelta(seconds=1)):
        assert "Booking for this event is closed" in page(client, registration)

"""The mails of a booking, each in the visitor's language: booked (confirmed or waiting), moved up
from the waiting list, the reminder before the event (with the event's .ics and the private
link), and staff's message to everyone confirmed.

Mail is sent after the booking is committed; whatever the mail server does, the booking stays
stored and the failure is logged (as for enquiries, pages/enquiries.py).
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from news.ical import calendar_for

from .models import Booking

log = logging.getLogger(__name__)


def absolute_url(path):
    """An address on the public site, for a mail (no request to take the host from)."""
    scheme = "https" if settings.SECURE_SSL_REDIRECT else "http"
    return f"{scheme}://{settings.SITE_DOMAIN}{path}"


def booking_message(template, booking, connection):
    """One mail to the booking's address, in its language, with the event's calendar file."""
    with translation.override(booking.language):
        event = booking.event
        event.set_current_language(booking.language)
        context = {
            "booking": booking,
            "event": event,
            "link": absolute_url(booking.get_absolute_url()),
            "event_url": absolute_url(event.get_absolute_url()),
        }
        subject = render_to_string(f"news/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"news/email/{template}.txt", context)
        message = EmailMessage(subject, body, to=[booking.email], connection=connection)
        slug = event.safe_translation_getter("slug", any_language=True)
        message.attach(f"{slug}.ics", calendar_for([event], absolute_url, event.title), "text/calendar")
    return message


def _send(template, pks):
    """Send `template` to each booking that has an e-mail address; False if the server failed."""
    bookings = Booking.objects.filter(pk__in=pks).exclude(email="").select_related("event")
    bookings = bookings.prefetch_related("event__translations")
    try:
        connection = get_connection()
        connection.send_messages([booking_message(template, booking, connection) for booking in bookings])
    except Exception:  # whatever the mail server does: the bookings are stored, staff see them
        log.exception("Bookings %s stored, but their %s mail could not be sent", pks, template)
        return False
    return True


def send_booked(pk):
    """The confirmation, or the news that the visitor is on the waiting list."""
    booking = Booking.objects.get(pk=pk)
    return _send("booking_confirmed" if booking.is_confirmed else "booking_waiting", [pk])


def send_promoted(pk):
    """A place has become free: the booking moved up from the waiting list."""
    return _send("booking_promoted", [pk])


def send_reminders(now=None):
    """Remind each confirmed booking whose event starts within BOOKING_REMINDER_HOURS, once.

    Each booking is claimed before it is mailed (`reminder_sent_at` set by a conditional update,
    which only one run can win), so two runs at once, or a run after a crash, never send a
    reminder twice; a reminder whose mail fails is not tried again (the failure is logged)."""
    now = now or timezone.now()
    sent = 0
    for pk in Booking.objects.due_for_reminder(now).values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Booking.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
        if claimed and _send("booking_reminder", [pk]):
            sent += 1
    return sent


def send_to_confirmed(event, subject, body):
    """Staff's message to everyone confirmed at `event` who gave an e-mail address, one mail each
    (nobody sees another's address); returns how many were sent."""
    addresses = sorted(set(event.bookings.confirmed().exclude(email="").values_list("email", flat=True)))
    connection = get_connection()
    messages = [EmailMessage(subject, body, to=[address], connection=connection) for address in addresses]
    connection.send_messages(messages)
    return len(messages)

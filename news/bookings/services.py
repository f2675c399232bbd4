"""Booking, cancelling and moving up the waiting list: the rules that keep an event from being
overbooked, however many visitors book at once on however many servers.

Every change of places happens inside a transaction that first locks the event's registration
row (`select_for_update`, PostgreSQL): two bookings for the last places are counted one after
the other, never side by side. (SQLite runs one writing transaction at a time anyway.)

A booking is stored before any mail is sent, and mails go out only once it is committed: a mail
server that is down loses nothing (news/bookings/mail.py logs the failure).
"""

from django.db import transaction
from django.utils import timezone

from jeiweb.cache.pages import content_changed
from jeiweb.security.rate_limits import RateLimit

from . import mail
from .models import Booking, BookingStatus, EventRegistration, RegistrationState

# Bookings per visitor address per window, as for enquiries (jeiweb/security/rate_limits.py).
RATE_LIMIT = RateLimit("booking", "BOOKING_RATE_LIMIT", "BOOKING_RATE_WINDOW_SECONDS")


class RegistrationClosed(Exception):
    """Booking is not open (any more) for this event: it started, closed, or was switched off."""


def _places_changed():
    """The event page shows the places left, and it is served from the whole-page cache: start
    the cache afresh once the change is committed (jeiweb/cache/pages.py)."""
    transaction.on_commit(content_changed)


def locked_registration(event):
    """The event's registration row, locked until the transaction ends."""
    return EventRegistration.objects.select_for_update().select_related("event").get(event=event)


def book(event, form, language, now=None):
    """Store the booking of a valid form: confirmed if its places are left, else on the waiting
    list. Raises RegistrationClosed if booking is not open at `now`."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = locked_registration(event)
        left = registration.places_left()
        state = registration.state(now, places_left=left)
        if state not in (RegistrationState.OPEN, RegistrationState.FULL):
            raise RegistrationClosed
        booking = form.save(commit=False)
        booking.event = registration.event
        booking.language = language
        # Stored in the order the lock was granted: the waiting list's order is this one.
        booking.created = timezone.now()
        booking.status = BookingStatus.CONFIRMED if booking.places <= left else BookingStatus.WAITING
        booking.save()
        if booking.is_confirmed:
            _places_changed()
        transaction.on_commit(lambda: mail.send_booked(booking.pk))
    return booking


def promote(registration, now=None):
    """Confirm, in arrival order, every waiting booking whose places fit in the places left (one
    that does not fit is passed over, and keeps its turn). Call it with the registration locked."""
    left = registration.places_left()
    promoted = []
    for booking in registration.event.bookings.waiting().select_for_update():
        if left <= 0:
            break
        if booking.places <= left:
            booking.status = BookingStatus.CONFIRMED
            booking.save(update_fields=["status"])
            left -= booking.places
            promoted.append(booking)
    if promoted:
        _places_changed()
        pks = [booking.pk for booking in promoted]
        transaction.on_commit(lambda: [mail.send_promoted(pk) for pk in pks])
    return promoted


def cancel(booking, now=None):
    """Cancel a booking (the visitor's private link) and move the waiting list up by whoever
    fits; returns the bookings promoted. Nothing happens to a booking already cancelled."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = locked_registration(booking.event_id)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.is_cancelled:
            return []
        was_confirmed = booking.is_confirmed
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        if not was_confirmed:
            return []
        _places_changed()
        return promote(registration, now)


def capacity_changed(registration, now=None):
    """Staff changed the number of places: whoever now fits moves up from the waiting list."""
    with transaction.atomic():
        registration = locked_registration(registration.event_id)
        _places_changed()
        return promote(registration, now)

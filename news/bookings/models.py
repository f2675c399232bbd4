"""Booking a place at an event: staff switch registration on per event; families book without an
account; places are counted from the confirmed bookings, never stored.

The rules (who is confirmed, who waits, who moves up) are in news/bookings/services.py; each
rule here takes `now`, so that a test names its moment.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeiweb.content import site_content
from jeiweb.i18n import reverse_in
from pages.models.enquiries import VisitorContact

# What a private link to a booking is signed for: a token of another kind is refused.
TOKEN_SALT = "news.booking"


class RegistrationState(models.TextChoices):
    """What the event page offers, at a moment."""

    OFF = "off", _("No registration on this site")
    NOT_YET = "not-yet", _("Registration not open yet")
    OPEN = "open", _("Open")
    FULL = "full", _("Full: waiting list")
    CLOSED = "closed", _("Closed")


# The times at which booking opens and closes change the event's page: declared with the event
# (news/models.py), whose publishing rule says which events count.
@site_content
class EventRegistration(models.Model):
    """Whether and how visitors book places at one event on this site (staff edit it with the event)."""

    event = models.OneToOneField(
        "news.Event", on_delete=models.CASCADE, related_name="registration", verbose_name=_("event")
    )
    enabled = models.BooleanField(_("registration open on this site"), default=False)
    opens_at = models.DateTimeField(
        _("opens"), null=True, blank=True, help_text=_("Empty: as soon as the event is published.")
    )
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1)], help_text=_("Everyone who comes counts, parents too.")
    )
    max_places_per_booking = models.PositiveSmallIntegerField(
        _("most places per booking"),
        default=4,
        validators=[MinValueValidator(1)],
        help_text=_("An applicant with their family takes several places."),
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return str(self.event)

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Registration must close after it opens.")})
        if self.capacity and self.max_places_per_booking and self.max_places_per_booking > self.capacity:
            raise ValidationError(
                {"max_places_per_booking": _("One booking cannot take more places than the event has.")}
            )

    @property
    def ends_at(self):
        """When booking stops: the closing time if staff set one, and the event's start at the latest."""
        start = self.event.start
        return min(self.closes_at, start) if self.closes_at else start

    def places_taken(self):
        return self.event.bookings.confirmed().places()

    def places_left(self):
        return max(0, self.capacity - self.places_taken())

    def state(self, now=None, places_left=None):
        """What the event page offers at `now` (`places_left` if the caller counted already)."""
        now = now or timezone.now()
        if not self.enabled:
            return RegistrationState.OFF
        if self.opens_at and now < self.opens_at:
            return RegistrationState.NOT_YET
        if now >= self.ends_at:
            return RegistrationState.CLOSED
        left = self.places_left() if places_left is None else places_left
        return RegistrationState.OPEN if left > 0 else RegistrationState.FULL


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Relation(models.TextChoices):
    APPLICANT = "applicant", _("An applicant")
    PARENT = "parent", _("A parent or family member")


class BookingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=BookingStatus.CONFIRMED)

    def waiting(self):
        """The waiting list, in arrival order."""
        return self.filter(status=BookingStatus.WAITING).order_by("created", "pk")

    def places(self):
        return self.aggregate(places=Coalesce(Sum("places"), 0))["places"]

    def counts(self):
        """{confirmed, waiting, cancelled, attended}: bookings of each kind, and the places they hold."""
        per_status = {
            f"{status}_{what}": aggregate(what_field, filter=Q(status=status))
            for status in BookingStatus.values
            for what, aggregate, what_field in (("bookings", Count, "pk"), ("places", Sum, "places"))
        }
        attended = {"attended_bookings": Count("pk", filter=Q(attended=True))}
        attended["attended_places"] = Sum("places", filter=Q(attended=True))
        return {name: value or 0 for name, value in self.aggregate(**per_status, **attended).items()}

    def due_for_reminder(self, now=None):
        """Confirmed bookings of events starting within BOOKING_REMINDER_HOURS, not yet reminded."""
        now = now or timezone.now()
        soon = now + datetime.timedelta(hours=settings.BOOKING_REMINDER_HOURS)
        return self.confirmed().filter(
            reminder_sent_at__isnull=True, event__start__gt=now, event__start__lte=soon
        )

    def expired(self, now=None):
        """Bookings of events that ended more than BOOKING_RETENTION_DAYS ago (the privacy notice)."""
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(days=settings.BOOKING_RETENTION_DAYS)
        return self.filter(event__end__lt=cutoff)

    def from_token(self, token):
        """The booking a private link names, or DoesNotExist (a forged or altered link too)."""
        try:
            pk = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
        except (signing.BadSignature, ValueError):  # altered, or not even a signed value
            raise self.model.DoesNotExist from None
        if not isinstance(pk, int):
            raise self.model.DoesNotExist
        return self.select_related("event").get(pk=pk)


class Booking(VisitorContact):
    """Places booked at an event by an applicant or their family: a visitor's own record, like
    an enquiry (not site content; the places it takes show on the event page)."""

    event = models.ForeignKey(
        "news.Event", on_delete=models.CASCADE, related_name="bookings", verbose_name=_("event")
    )
    programme = VisitorContact.programme_field("bookings", _("programme of interest"))
    relation = models.CharField(_("I am"), max_length=10, choices=Relation.choices)
    places = models.PositiveSmallIntegerField(_("places"), default=1, validators=[MinValueValidator(1)])
    status = models.CharField(_("status"), max_length=10, choices=BookingStatus.choices, db_index=True)
    attended = models.BooleanField(_("attended"), default=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created = models.DateTimeField(_("booked"), default=timezone.now, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        permissions = [("email_booking", _("Can e-mail everyone booked at an event"))]

    def __str__(self):
        return f"{self.name} ({self.places})"

    def get_absolute_url(self, language=None):
        return reverse_in(language or self.language, "news:booking", token=self.token)

    @property
    def token(self):
        """The signed key of this booking's private link: no account, nothing to guess."""
        # Signer, not dumps (TimestampSigner): the same link every time it is given out.
        return signing.Signer(salt=TOKEN_SALT).sign_object(self.pk)

    @property
    def is_confirmed(self):
        return self.status == BookingStatus.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == BookingStatus.WAITING

    @property
    def is_cancelled(self):
        return self.status == BookingStatus.CANCELLED

    def may_cancel(self, now=None):
        return not self.is_cancelled and (now or timezone.now()) < self.event.start

"""The visitor's side of a booking: the form on the event page (news/views.py, EventDetailView
mixes in `BookingFormMixin`), and the booking's private page, reached by its signed link, where
it is confirmed and may be cancelled.

No CSRF token on either form. The booking form is on the event page, which is cached and served
to every anonymous visitor alike (a token per visitor cannot be in it), and a forged post can
only make a booking, as for the enquiry form; the honeypot and the per-address rate limit keep
robots out. The cancel button posts to the private link itself: whoever can post there already
holds the secret the link carries, and the site sets visitors no cookie (the privacy notice).
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from jeiweb.i18n import TranslatedViewMixin
from jeiweb.security.clients import client_ip

from . import services
from .forms import BookingForm
from .models import Booking, EventRegistration, RegistrationState


def registration_of(event):
    """The event's registration settings, or None (no booking on this site)."""
    try:
        return event.registration
    except EventRegistration.DoesNotExist:
        return None


class BookingFormMixin:
    """Adds to an event's page its places left and the booking form; a POST books."""

    def registration_context(self, event, form=None, now=None):
        registration = registration_of(event)
        if registration is None:
            return {"registration": None, "registration_state": RegistrationState.OFF}
        left = registration.places_left() if registration.enabled else 0
        state = registration.state(now, places_left=left)
        if form is None and state in (RegistrationState.OPEN, RegistrationState.FULL):
            form = BookingForm(registration=registration, language=self.language)
        return {
            "registration": registration,
            "registration_state": state,
            "places_left": left,
            "booking_form": form,
        }

    def post(self, request, *args, **kwargs):
        self.object = event = self.get_object()
        registration = registration_of(event)
        if registration is None or not registration.enabled:
            raise Http404(_("This event takes no bookings on this site."))
        address = client_ip(request)
        if services.RATE_LIMIT.exceeded(address):
            return self.render_to_response(self.get_context_data(rate_limited=True), status=429)
        form = BookingForm(request.POST, registration=registration, language=self.language)
        if form.is_spam:
            # A robot filled in the hidden field: store nothing, but answer as if all went well.
            services.RATE_LIMIT.count(address)
            return redirect(event.get_absolute_url(self.language))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(booking_form=form))
        try:
            booking = services.book(event, form, self.language)
        except services.RegistrationClosed:
            return self.render_to_response(self.get_context_data(), status=409)
        services.RATE_LIMIT.count(address)
        return redirect(booking.get_absolute_url(self.language))


@method_decorator(csrf_exempt, name="dispatch")
class BookingView(TranslatedViewMixin, TemplateView):
    """A booking as its visitor sees it through the private link: its status, the event, the
    calendar file, and a button to cancel. Never cached anywhere: it is one person's."""

    template_name = "news/booking.html"

    def get_translated_url(self, language):
        return self.booking.get_absolute_url(language)

    def dispatch(self, request, *args, **kwargs):
        try:
            self.booking = Booking.objects.from_token(kwargs["token"])
        except Booking.DoesNotExist:
            raise Http404(_("This booking link is not valid.")) from None
        self.booking.event.set_current_language(self.language)
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_context_data(self, **kwargs):
        booking = self.booking
        title = {
            "confirmed": _("Your booking is confirmed"),
            "waiting": _("You are on the waiting list"),
            "cancelled": _("Your booking is cancelled"),
        }[booking.status]
        return super().get_context_data(
            booking=booking,
            event=booking.event,
            may_cancel=booking.may_cancel(),
            heading=title,
            meta={"title": title},
            translated_languages=None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.booking.may_cancel(timezone.now()):
            return self.render_to_response(self.get_context_data(), status=409)
        services.cancel(self.booking)
        return redirect(self.booking.get_absolute_url(self.language))

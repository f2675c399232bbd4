"""Staff's side of bookings: registration settings with each event, and per event the bookings
with their counts, a CSV export, a check-in page for the door (a phone) and a mail to everyone
confirmed. Who may do what is the News editors' role (jeiweb/admin/roles.py): seeing bookings
needs `view_booking`, checking in `change_booking`, writing to everyone `email_booking`."""

import csv
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import mail, services
from .models import Booking, EventRegistration


class EventRegistrationInline(admin.StackedInline):
    model = EventRegistration
    can_delete = False
    extra = 0
    max_num = 1
    verbose_name = verbose_name_plural = _("registration on this site")
    fields = ["enabled", "capacity", "max_places_per_booking", "opens_at", "closes_at"]


def require(request, permission):
    if not request.user.has_perm(f"news.{permission}"):
        raise PermissionDenied


class StaffMessageForm(forms.Form):
    subject = forms.CharField(label=_("subject"), max_length=200)
    body = forms.CharField(label=_("message"), widget=forms.Textarea(attrs={"rows": 10}))


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "places", "status", "attended", "relation", "created"]
    list_filter = ["status", "attended", "relation", "event"]
    search_fields = ["name", "phone", "email"]
    list_select_related = ["event"]
    readonly_fields = ["event", "status", "language", "created", "cancelled_at", "reminder_sent_at"]
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False  # bookings are made on the event page, where the places are counted

    def get_urls(self):
        pages = [("", self.event_view, "event"), ("csv/", self.csv_view, "csv")]
        pages += [("check-in/", self.check_in_view, "check-in"), ("email/", self.email_view, "email")]
        return [
            path(
                f"event/<int:event_id>/{route}", self.admin_site.admin_view(view), name=f"news_booking_{name}"
            )
            for route, view, name in pages
        ] + super().get_urls()

    def context(self, request, event, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "event": event,
            "title": title,
            "may_check_in": request.user.has_perm("news.change_booking"),
            "may_email": request.user.has_perm("news.email_booking"),
            **extra,
        }

    def event_of(self, request, event_id, permission="view_booking"):
        from news.models import Event

        require(request, permission)
        return get_object_or_404(Event.objects.select_related("registration"), pk=event_id)

    def event_view(self, request, event_id):
        """Every booking of the event, with the counts of confirmed, waiting, cancelled, attended."""
        event = self.event_of(request, event_id)
        bookings = event.bookings.select_related("programme").order_by("status", "created", "pk")
        title = gettext("Bookings: %(event)s") % {"event": event}
        context = self.context(request, event, title, bookings=bookings, counts=event.bookings.counts())
        return TemplateResponse(request, "admin/news/booking/event.html", context)

    def csv_view(self, request, event_id):
        """The bookings as CSV in UTF-8 with a byte-order mark, so that Excel opens the Chinese intact."""
        event = self.event_of(request, event_id)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bookings-{event.pk}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        fields = [
            "name",
            "phone",
            "email",
            "relation",
            "places",
            "province",
            "programme",
            "status",
            "attended",
        ]
        writer.writerow([Booking._meta.get_field(name).verbose_name for name in fields] + [_("booked")])
        for booking in event.bookings.select_related("programme").order_by("created", "pk"):
            writer.writerow(
                [
                    booking.name,
                    booking.phone,
                    booking.email,
                    booking.get_relation_display(),
                    booking.places,
                    booking.get_province_display(),
                    booking.programme or "",
                    booking.get_status_display(),
                    gettext("yes") if booking.attended else gettext("no"),
                    timezone.localtime(booking.created).strftime("%Y-%m-%d %H:%M"),
                ]
            )
        return response

    def check_in_view(self, request, event_id):
        """At the door: find a confirmed booking by name or phone, mark it attended (or undo)."""
        event = self.event_of(request, event_id, "change_booking")
        if request.method == "POST":
            booking = get_object_or_404(event.bookings.confirmed(), pk=request.POST.get("booking"))
            booking.attended = request.POST.get("attended") == "1"
            booking.save(update_fields=["attended"])
            back = reverse("admin:news_booking_check-in", args=[event.pk])
            query = request.POST.get("q", "")
            return redirect(f"{back}?{urlencode({'q': query})}" if query else back)
        query = request.GET.get("q", "").strip()
        found = event.bookings.confirmed().order_by("name", "pk")
        if query:
            digits = "".join(character for character in query if character.isdigit())
            match = Q(name__icontains=query) | (
                Q(phone__contains=digits) if len(digits) >= 3 else Q(pk__in=[])
            )
            found = found.filter(match)
        title = gettext("Check-in: %(event)s") % {"event": event}
        context = self.context(
            request, event, title, found=found[:50], query=query, counts=event.bookings.counts()
        )
        return TemplateResponse(request, "admin/news/booking/check_in.html", context)

    def email_view(self, request, event_id):
        """One message to everyone confirmed who gave an e-mail address."""
        event = self.event_of(request, event_id, "email_booking")
        form = StaffMessageForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            sent = mail.send_to_confirmed(event, form.cleaned_data["subject"], form.cleaned_data["body"])
            self.message_user(request, gettext("%(count)s e-mails sent.") % {"count": sent}, messages.SUCCESS)
            return redirect(reverse("admin:news_booking_event", args=[event.pk]))
        recipients = event.bookings.confirmed().exclude(email="").values("email").distinct().count()
        title = gettext("E-mail everyone confirmed: %(event)s") % {"event": event}
        context = self.context(request, event, title, form=form, recipients=recipients)
        return TemplateResponse(request, "admin/news/booking/email.html", context)


class EventBookingsMixin:
    """What the event admin adds: the registration inline, a link to the bookings, and the
    waiting list moving up when staff add places."""

    inlines = [EventRegistrationInline]

    @admin.display(description=_("bookings"))
    def bookings_link(self, obj):
        if not hasattr(obj, "registration"):
            return "–"
        url = reverse("admin:news_booking_event", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Bookings"))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        registration = EventRegistration.objects.filter(event=form.instance, enabled=True).first()
        if registration is not None:
            promoted = services.capacity_changed(registration)
            if promoted:
                message = gettext("%(count)s bookings moved up from the waiting list and were told.")
                self.message_user(request, message % {"count": len(promoted)}, messages.SUCCESS)

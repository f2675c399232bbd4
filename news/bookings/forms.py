"""The booking form on an event's page: who is coming, how many, and how to reach them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jeiweb.forms import CONTACT_WIDGETS, PublicFormMixin, require
from pages.forms import offer_provinces_and_programmes

from .models import Booking, Relation


class BookingForm(PublicFormMixin, forms.ModelForm):
    consent = forms.BooleanField(required=True)

    class Meta:
        model = Booking
        fields = ["name", "email", "phone", "relation", "places", "province", "programme"]
        widgets = {**CONTACT_WIDGETS, "relation": forms.RadioSelect}

    def __init__(self, *args, registration, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Your name")
        self.fields["relation"].choices = list(Relation.choices)
        places = self.fields["places"]
        places.widget = forms.Select(
            choices=[(n, n) for n in range(1, registration.max_places_per_booking + 1)]
        )
        places.max_value = registration.max_places_per_booking
        places.help_text = _("Everyone who comes, you included (at most %(count)s).") % {
            "count": registration.max_places_per_booking
        }
        places.error_messages["invalid_choice"] = places.error_messages["max_value"] = _(
            "One booking may take at most %(count)s places."
        ) % {"count": registration.max_places_per_booking}
        offer_provinces_and_programmes(self, language, _("Not sure yet"))
        self.fields["consent"].label = _(
            "I have read the privacy notice and agree that my booking is stored to organise the event."
        )
        require(
            self,
            {
                "name": _("Please tell us your name."),
                "relation": _("Please say whether you are an applicant or a parent."),
                "places": _("Please choose how many places you need."),
                "province": _("Please choose your province, or “Outside China”."),
                "consent": _("Please agree to the privacy notice so that we may store your booking."),
            },
        )
        self.describe()

    def clean_places(self):
        places = self.cleaned_data["places"]
        if places > self.fields["places"].max_value:
            raise forms.ValidationError(self.fields["places"].error_messages["max_value"])
        return places

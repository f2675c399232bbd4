"""What every public form shares (the enquiry form, the event booking form): a honeypot against
robots, an error per field tied to its field for screen readers, and phone numbers as people in
China type them."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Mainland mobile numbers are 11 digits starting 13–19; landlines are an area code (0 + 2–3
# digits) and 7–8 digits; anything else must be written internationally, with its "+".
MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
LANDLINE = re.compile(r"^(?:\+?86)?0\d{2,3}\d{7,8}$")
INTERNATIONAL = re.compile(r"^\+[1-9]\d{6,14}$")


def normalise_phone(value):
    """The number without the spaces, dashes, dots and brackets people type between digits."""
    return re.sub(r"[\s\-.()（）]", "", value or "")


def validate_phone(value):
    number = normalise_phone(value)
    if not (MOBILE.match(number) or LANDLINE.match(number) or INTERNATIONAL.match(number)):
        raise ValidationError(
            _(
                "Enter a mobile number of 11 digits starting with 1, a landline with its area code, "
                "or an international number starting with +."
            ),
            code="phone",
        )


# A visitor's contact fields, with the hints that let a phone fill them in (and open its number pad).
CONTACT_WIDGETS = {
    "name": forms.TextInput(attrs={"autocomplete": "name"}),
    "email": forms.EmailInput(attrs={"autocomplete": "email"}),
    "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
}


class PublicFormMixin(forms.Form):
    """A form anyone may send: a honeypot (`website`), e-mail or phone (at least one, the phone
    normalised), and each field pointing at its help and its error (aria-describedby)."""

    # A field people never see (hidden by CSS and from screen readers, out of the tab order):
    # only a robot fills it in. Named like a real field so that robots do.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    # The message when neither an e-mail address nor a phone number is given.
    contact_required_message = _("Give an e-mail address or a phone number so that we can answer you.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "phone" in self.fields:
            self.fields["phone"].validators.append(validate_phone)
        if "email" in self.fields:
            self.fields["email"].help_text = _("Give an e-mail address or a phone number (or both).")
            self.fields["email"].error_messages["invalid"] = _(
                "Enter an e-mail address such as name@example.com."
            )

    def describe(self):
        """Point each field at its help and its error (aria-describedby), and mark it invalid."""
        for name, field in self.fields.items():
            ids = [f"id_{name}_help"] if field.help_text else []
            if self.is_bound and self._errors is not None and name in self._errors:
                ids.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def full_clean(self):
        super().full_clean()
        self.describe()

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        given = cleaned.get("email") or cleaned.get("phone")
        if not given and not self.has_error("email") and not self.has_error("phone"):
            self.add_error("email", self.contact_required_message)
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website")))


def require(form, messages):
    """Set the message of each required field of `form` ({name: message})."""
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message

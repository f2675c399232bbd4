"""The enquiry form: what a visitor may ask, validated with an error per field in their language."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jeiweb.cache.pages import per_version
from pages.models import Enquiry, Programme, ProvinceChoice

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


def programme_choices(language):
    """(pk, title) of the published programmes in `language`, kept until the content changes."""

    def compute():
        programmes = Programme.objects.visible(language).prefetch_related("translations")
        return [
            (programme.pk, programme.safe_translation_getter("title", language_code=language))
            for programme in programmes
        ]

    return per_version(f"enquiry-programmes:{language}", compute)


class EnquiryForm(forms.ModelForm):
    # A field people never see (hidden by CSS and from screen readers, out of the tab order):
    # only a robot fills it in. Named like a real field so that robots do.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    consent = forms.BooleanField(required=True)

    class Meta:
        model = Enquiry
        fields = ["name", "email", "phone", "province", "programme", "question"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 5}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("Choose your province"))] + list(ProvinceChoice.choices)
        programme = self.fields["programme"]
        programme.queryset = Programme.objects.visible(language)
        programme.required = False
        # Every programme page holds the form: its list of programmes is read once per edit.
        programme.choices = [("", _("Not sure yet / general question")), *programme_choices(language)]
        self.fields["email"].help_text = _("Give an e-mail address or a phone number (or both).")
        self.fields["phone"].validators.append(validate_phone)
        self.fields["consent"].label = _(
            "I have read the privacy notice and agree that my enquiry is stored to answer it."
        )
        self.fields["consent"].error_messages["required"] = _(
            "Please agree to the privacy notice so that we may store and answer your question."
        )
        messages = {
            "name": _("Please tell us your name."),
            "province": _("Please choose your province, or “Outside China”."),
            "question": _("Please write your question."),
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an e-mail address such as name@example.com."
        )
        self.describe()

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
            message = _("Give an e-mail address or a phone number so that we can answer you.")
            self.add_error("email", message)
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website")))

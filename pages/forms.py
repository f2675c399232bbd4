"""The enquiry form: what a visitor may ask, validated with an error per field in their language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jeiweb.cache.pages import per_version
from jeiweb.forms import PublicFormMixin, normalise_phone, require, validate_phone  # noqa: F401 (re-exported)
from pages.models import Enquiry, Programme, ProvinceChoice


def programme_choices(language):
    """(pk, title) of the published programmes in `language`, kept until the content changes."""

    def compute():
        programmes = Programme.objects.visible(language).prefetch_related("translations")
        return [
            (programme.pk, programme.safe_translation_getter("title", language_code=language))
            for programme in programmes
        ]

    return per_version(f"enquiry-programmes:{language}", compute)


class EnquiryForm(PublicFormMixin, forms.ModelForm):
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
        require(self, messages)
        self.describe()

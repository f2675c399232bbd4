"""The enquiry form: what a visitor may ask, validated with an error per field in their language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jeiweb.cache.pages import per_version
from jeiweb.forms import CONTACT_WIDGETS, PublicFormMixin, normalise_phone, require, validate_phone  # noqa: F401 (re-exported)
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


def offer_provinces_and_programmes(form, language, not_sure):
    """The province and programme fields of a visitor's form (`VisitorContact`): every province,
    and the programmes published in `language` (read once per edit: every programme page holds
    the enquiry form), after `not_sure`."""
    form.fields["province"].choices = [("", _("Choose your province")), *ProvinceChoice.choices]
    programme = form.fields["programme"]
    programme.queryset = Programme.objects.visible(language)
    programme.required = False
    programme.choices = [("", not_sure), *programme_choices(language)]


class EnquiryForm(PublicFormMixin, forms.ModelForm):
    consent = forms.BooleanField(required=True)

    class Meta:
        model = Enquiry
        fields = ["name", "email", "phone", "province", "programme", "question"]
        widgets = {**CONTACT_WIDGETS, "question": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        offer_provinces_and_programmes(self, language, _("Not sure yet / general question"))
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

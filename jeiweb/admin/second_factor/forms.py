"""The second step's forms: a code typed by the staff member, checked against their devices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jeiweb.admin.second_factor.devices import confirm_app, device_for_code


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=64,
            strip=True,
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
            ),
            **kwargs,
        )


class SecondFactorForm(forms.Form):
    """The second step of signing in: a code from the authenticator app, or a recovery code."""

    code = CodeField(
        label=_("Code"),
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = device_for_code(self.user, code)
        if self.device is None:
            raise forms.ValidationError(
                _(
                    "That code is not right. Type the code your app shows now (check your phone's clock), or a recovery code."  # noqa: E501
                ),
                code="wrong_code",
            )
        return code


class ConfirmAppForm(forms.Form):
    """Enrolment: the first code from the authenticator app proves it holds the key."""

    code = CodeField(
        label=_("Code from the app"),
        help_text=_("The six digits the app shows for this account after you added it."),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not confirm_app(self.device, code):
            raise forms.ValidationError(
                _(
                    "That code is not right. Check that the app shows this account and that your phone's clock is right."  # noqa: E501
                ),
                code="wrong_code",
            )
        return code

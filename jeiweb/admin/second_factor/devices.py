"""An account's second-factor devices (django-otp's models), and whether a session passed one."""

import base64
from io import BytesIO

import segno
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

# The local account `make run` creates (manage.py create_dev_superuser), whose password is
# known to everyone: it may skip the second factor while DEBUG is on, never otherwise.
DEV_SUPERUSER = "admin"

APP_DEVICE_NAME = _("Authenticator app")
RECOVERY_DEVICE_NAME = "recovery codes"


def is_exempt(user):
    """Only the development superuser, and only while DEBUG is on (README: "The two commands")."""
    return settings.DEBUG and user.get_username() == DEV_SUPERUSER


def passed_second_factor(user):
    """Whether this request's session passed a second factor (or needs none: is_exempt)."""
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified()) or is_exempt(user)


def is_enrolled(user):
    """Whether the account has a confirmed device to sign in with."""
    return user_has_device(user, confirmed=True)


def has_passkey(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def app_being_set_up(user):
    """The authenticator app the account is setting up: unconfirmed until a first code from it
    is right. Asked again (a reload, a wrong code), it is the same one, so the key in the app
    stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(APP_DEVICE_NAME), confirmed=False)
    return device


def key_text(device):
    """The key as an app that cannot scan asks for it: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def qr_code_svg(device):
    """The otpauth:// address as an SVG drawn here (segno): the key never leaves the server."""
    out = BytesIO()
    segno.make(device.config_url, error="m").save(
        out, kind="svg", scale=5, border=2, xmldecl=False, svgns=True, title=str(_("QR code for your app"))
    )
    return out.getvalue().decode()


def confirm_app(device, code):
    """Confirm the app being set up if `code` is its current code; True if so."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _detail = device.verify_is_allowed()
        if not allowed or not device.verify_token(code):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return True


def new_recovery_codes(user):
    """Replace the account's recovery codes with fresh ones (each works once) and return them."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _n in range(settings.RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalised(code):
    """What the person typed, without the spaces and case an app or a printout adds."""
    return "".join(code.split()).lower()


def device_for_code(user, code):
    """The confirmed device that accepts `code` (an app's six digits or a recovery code), else None.

    Only the kind of device the code can be from is asked, so that a wrong app code does not
    count against (and throttle) the recovery codes, nor the reverse. A recovery code is used up.
    """
    code = normalised(code)
    # An app's codes are six digits; recovery codes are eight letters and digits.
    model = TOTPDevice if code.isdigit() and len(code) < 8 else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            allowed, _detail = device.verify_is_allowed()
            if allowed and device.verify_token(code):
                return device
    return None

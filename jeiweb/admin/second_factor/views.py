"""The second step of signing in, the enrolment, the recovery codes and the account's devices.

`verify_view` and `enrol_view` serve a signed-in staff member who has not passed the second
factor yet, so they are not behind EditingSite.admin_view (which requires it): `half_signed_in`
guards them instead. The other two are ordinary admin views.
"""

from functools import wraps

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from jeiweb.admin.second_factor import devices, lockout
from jeiweb.admin.second_factor.forms import ConfirmAppForm, SecondFactorForm

# The recovery codes just made, kept in the session until the page that shows them once.
FRESH_CODES_KEY = "jeiweb_fresh_recovery_codes"


def half_signed_in(view):
    """For the steps before the second factor: an active staff member signed in with their
    password (anyone else goes to the login page); never cached, CSRF-checked."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return never_cache(csrf_protect(guarded))


def next_url(request):
    """Where to go once done: the `next` the admin's login passed on, if it is ours."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def with_next(url_name, target):
    return f"{reverse(url_name)}?{urlencode({'next': target})}"


def allow_passkeys(response):
    """The site's Permissions-Policy forbids passkeys (publickey-credentials-get); the screens
    that offer them allow them for our own origin."""
    policy = settings.PERMISSIONS_POLICY.replace(
        "publickey-credentials-get=()", "publickey-credentials-get=(self)"
    )
    response["Permissions-Policy"] = policy
    return response


def render(request, template, title, **context):
    context = {**admin.site.each_context(request), "title": title, "next": next_url(request), **context}
    return allow_passkeys(TemplateResponse(request, f"admin/second_factor/{template}", context))


@half_signed_in
def verify_view(request):
    """Second step: a code from the app, a recovery code, or a passkey."""
    user = request.user
    target = next_url(request)
    if devices.passed_second_factor(user):
        return HttpResponseRedirect(target)
    if not devices.is_enrolled(user):
        return HttpResponseRedirect(with_next("admin:second-factor-enrol", target))
    if lockout.is_locked_out(request, user):
        return lockout.lockout_response(request, user)
    form = SecondFactorForm(user, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            otp_login(request, form.device)
            lockout.forget_failures(request, user)
            if isinstance(form.device, StaticDevice):
                left = devices.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code: %(left)d is left. Make new ones under “Sign-in security”.",  # noqa: E501
                        "You used a recovery code: %(left)d are left. Make new ones under “Sign-in security”.",  # noqa: E501
                        left,
                    )
                    % {"left": left},
                )
            return HttpResponseRedirect(target)
        lockout.record_wrong_code(request, user)
        if request.axes_locked_out:
            return lockout.lockout_response(request, user)
    return render(
        request,
        "verify.html",
        _("Second step of signing in"),
        form=form,
        has_passkey=devices.has_passkey(user),
    )


@half_signed_in
def enrol_view(request):
    """Set up an authenticator app (QR code and key), or a passkey. Required before the admin
    opens to an account without a device; a signed-in account adds another one here."""
    user = request.user
    target = next_url(request)
    first_device = not devices.is_enrolled(user)
    if not first_device and not devices.passed_second_factor(user):
        # A password alone must never add a device to an account that has one.
        return HttpResponseRedirect(with_next("admin:second-factor", target))
    device = devices.app_being_set_up(user)
    form = ConfirmAppForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not user.is_verified():
            otp_login(request, TOTPDevice.objects.get(pk=device.pk))
        lockout.forget_failures(request, user)
        if first_device:
            return show_new_recovery_codes(request, target)
        messages.success(request, _("The authenticator app is set up: you can sign in with its codes."))
        return HttpResponseRedirect(reverse("admin:sign-in-security"))
    return render(
        request,
        "enrol.html",
        _("Set up a second factor") if first_device else _("Add an authenticator app"),
        form=form,
        first_device=first_device,
        qr_code=mark_safe(devices.qr_code_svg(device)),  # noqa: S308 (SVG drawn by segno from our own data)
        key_text=devices.key_text(device),
        after_passkey=with_next("admin:recovery-codes", target)
        if first_device
        else reverse("admin:sign-in-security"),
    )


def show_new_recovery_codes(request, target):
    request.session[FRESH_CODES_KEY] = devices.new_recovery_codes(request.user)
    return HttpResponseRedirect(with_next("admin:recovery-codes", target))


def recovery_codes_view(request):
    """Recovery codes, each shown once: just after they were made (after the enrolment, or on
    asking for new ones, which replaces the old). An account that enrolled with a passkey gets
    its first codes on its first visit."""
    if request.method == "POST":
        return show_new_recovery_codes(request, reverse("admin:sign-in-security"))
    codes = request.session.pop(FRESH_CODES_KEY, None)
    if codes is None and not StaticDevice.objects.filter(user=request.user).exists():
        codes = devices.new_recovery_codes(request.user)
    return render(
        request,
        "recovery_codes.html",
        _("Recovery codes"),
        codes=codes,
        left=devices.recovery_codes_left(request.user),
    )


def sign_in_security_view(request):
    """The account's ways of signing in: its apps, passkeys and recovery codes."""
    user = request.user
    return render(
        request,
        "security.html",
        _("Sign-in security"),
        apps=TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk"),
        passkeys=WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("pk"),
        left=devices.recovery_codes_left(user),
        after_passkey=reverse("admin:sign-in-security"),
    )

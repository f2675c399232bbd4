"""Signing staff in with their second factor, for every test that uses the admin.

The admin requires a session that passed a second factor (jeiweb/admin/second_factor/):
- `log_in_verified(client, user)`: Django's test client, signed in and verified by an
  authenticator app (a confirmed TOTP device, made if the user has none), as after the real
  second step. pytest-django's `admin_client` is overridden with it (tests/conftest.py);
  `log_in_superuser(client)` makes the user first (the admin bench signs in with it too).
- For a served site: `ENROL_APP` (code for `served.manage("shell", "-c", ...)`) gives an
  account an app with the known `APP_KEY`; `app_code()` is the code that app shows;
  `sign_in(page, ...)` goes through the real login and second step in a Playwright page.
"""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp

# The key of the authenticator app every served test account has (hex, as django-otp stores it).
APP_KEY = "3132333435363738393031323334353637383930"

ENROL_APP = """
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
TOTPDevice.objects.get_or_create(
    user=get_user_model().objects.get(username={username!r}),
    defaults={{"name": "Test app", "key": {key!r}, "confirmed": True}},
)
"""


def enrol_app_code(username):
    """Python for the served site's shell: `username` gets the test authenticator app."""
    return ENROL_APP.format(username=username, key=APP_KEY)


def app_code(key=APP_KEY, steps_ahead=0):
    """The six digits an app holding `key` (hex) shows now (time-machine moves it), or
    `steps_ahead` 30 s steps later: a code is accepted once only, one step ahead is accepted."""
    return f"{totp(bytes.fromhex(key), drift=steps_ahead):06d}"


def verified_device(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test app", key=APP_KEY, confirmed=True)


def log_in_verified(client, user):
    """Sign `user` in on the test client, their second factor passed; returns the client."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
    session.save()
    return client


def log_in_superuser(client, username="root"):
    """A new superuser, signed in and verified on `client`; returns the user."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser(username, f"{username}@example.edu.cn", "x")
    log_in_verified(client, user)
    return user


_used_steps = {}


def sign_in(page, site_url, username, password, language="en", key=APP_KEY):
    """The real sign-in in a Playwright page: the admin's login, then a code of the app on the
    second step. Each code is accepted once, so a second sign-in within 30 s uses the next step's;
    a test that signs one account in more often shares the cookies of one sign-in
    (`context.storage_state()`)."""
    page.goto(f"{site_url}/{language}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url("**/admin/second-factor/**")
    # The app's code of a step after the last one this account used: django-otp refuses a step
    # at or before it, and accepts one step ahead of the clock (TOTPDevice.tolerance).
    now = int(time.time() // 30)
    step = max(now, _used_steps.get((site_url, username), now - 1) + 1)
    assert step - now <= 1, f"{username} signed in three times in 30 s: share a signed-in state"
    _used_steps[(site_url, username)] = step
    page.locator("#id_code").fill(app_code(key, steps_ahead=step - now))
    page.locator(".second-factor [type=submit].default").click()
    page.wait_for_url(f"{site_url}/{language}/admin/")

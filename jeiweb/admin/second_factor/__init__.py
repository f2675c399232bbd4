"""The staff's second factor: no account is one password away from the admin.

A staff member signs in with the password (the admin's login, counted by django-axes) and
then, in the same session, with a second factor (django-otp): a code from an authenticator app
(TOTP), a passkey (django-otp-webauthn), or one of their one-time recovery codes. Until then
the admin refuses them (EditingSite.has_permission asks `user.is_verified()`) and the rest of
the site treats them as a visitor (middleware.py). An account with no confirmed device is sent
to enrol one first (views.enrol_view); enrolling also gives the recovery codes, shown once.

- devices.py: the account's devices: the authenticator app being set up (its QR code drawn
  here, its key as text), recovery codes, checking a code; who may skip the second factor.
- lockout.py: wrong codes count as failed logins for django-axes.
- forms.py, views.py: the screens, in the admin's look and the editor's language.
- passkeys.py: django-otp-webauthn's relying party, from the host served.
"""

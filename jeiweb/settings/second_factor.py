"""The staff's second factor (django-otp, django-otp-webauthn): jeiweb/admin/second_factor/.

Every staff account signs in with its password and then a second factor: a code from an
authenticator app (TOTP), a passkey (WebAuthn) or a one-time recovery code. The admin asks for
it (EditingSite.has_permission); a repeated wrong code counts as a failed login for
django-axes (security.py), like a wrong password.
"""

import environ
from django.utils.translation import gettext_lazy as _

env = environ.Env()  # base.py has read .env into the environment already

# The name the authenticator app shows next to the account ("CQMU–UoL JEI: alice").
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="CQMU-UoL JEI")
# A code is accepted one 30 s step either side of the server's clock (phones drift), and
# each code only once (django-otp remembers the last step used).
OTP_TOTP_TOLERANCE = 1

# The admin (superusers: removing a lost device) never shows a device's secret key or QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Passkeys are a second factor only: the password comes first, so django-axes sees every
# sign-in. The relying party (the domain a passkey belongs to) and the allowed origin are the
# host the admin is served on (ALLOWED_HOSTS has vetted it): one setting fewer to get wrong.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID_CALLABLE = "jeiweb.admin.second_factor.passkeys.relying_party_id"
OTP_WEBAUTHN_HELPER_CLASS = "jeiweb.admin.second_factor.passkeys.SiteWebAuthnHelper"
OTP_WEBAUTHN_RP_NAME = _("CQMU–UoL Joint Educational Institute")
# Its errors reach the editor as a message; the detail goes to this logger.
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = "jeiweb.second_factor"

# How many one-time recovery codes an account gets (each works once; new ones replace them all).
RECOVERY_CODE_COUNT = env.int("RECOVERY_CODE_COUNT", default=10)

"""Production: served by gunicorn behind a TLS-terminating proxy, PostgreSQL via DATABASE_URL.

Passes `manage.py check --deploy --fail-level WARNING` with SECRET_KEY and ALLOWED_HOSTS set.
"""

from .base import *  # noqa: F403
from .base import SILENCED_SYSTEM_CHECKS, env

DEBUG = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
SECRET_KEY = env("SECRET_KEY")  # no default: refuse to start without a real key

# The proxy terminates TLS and tells us so.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# A load balancer may ask gunicorn for /healthz over plain http: answer, do not redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Every cookie is sent over HTTPS only and never with a cross-site request (SameSite=Lax
# still lets a visitor follow a link to us from elsewhere); the session and language cookies
# are not readable by scripts (none of ours reads them).
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)

SILENCED_SYSTEM_CHECKS = [
    *SILENCED_SYSTEM_CHECKS,
    # security.W019: X_FRAME_OPTIONS is SAMEORIGIN, not DENY, because django CMS shows our
    # own pages inside its editing iframe. Pages from other origins still cannot frame us.
    "security.W019",
    # security.W021: HSTS preload is a one-way commitment for the whole domain; it is left
    # to the operator (SECURE_HSTS_PRELOAD=true) once every subdomain serves HTTPS.
    "security.W021",
]

"""Security settings of every environment: the login lockout, the Content-Security-Policy and
the other response headers. `base.py` imports them all; production adds HTTPS (production.py)."""

from datetime import timedelta

import environ
from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE

env = environ.Env()  # base.py has read .env into the environment already

# Login: django-axes counts failed logins (in the database, so every worker sees them) and,
# after AXES_FAILURE_LIMIT of them, refuses that username AND that address (either alone is
# enough to be locked out) for AXES_COOLOFF_HOURS, even with the right password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(hours=env.float("AXES_COOLOFF_HOURS", default=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The password is only the first step: the failures are forgotten once the second factor is
# passed too (jeiweb/admin/second_factor/lockout.py), so that a right password cannot wipe the
# count of wrong codes typed after it.
AXES_RESET_ON_SUCCESS = False
# Our page, in the visitor's language (the admin's URL carries it), answered with 429.
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The client's address is REMOTE_ADDR unless TRUSTED_PROXY_COUNT proxies (nginx: 1) stand in
# front and append to X-Forwarded-For: then it is the entry they added, never one a client
# could forge further left. Leave it 0 when nothing trustworthy sets the header.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "jeiweb.security.clients.client_ip"

# django CMS's toolbar and structure mode show our pages inside an iframe of our own.
X_FRAME_OPTIONS = "SAMEORIGIN"

# Content-Security-Policy for visitors: everything from our own origin (no CDN, font or
# third-party script: see "China-ready"), nothing inline, no plugins, no <base>, forms posting
# only to us, framed only by ourselves (the CMS editing iframe). JSON-LD blocks are data, not
# scripts, so `script-src 'self'` leaves them alone. `default-src 'none'` makes every new
# kind of resource a deliberate addition here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# For signed-in staff only (StaffContentSecurityPolicyMiddleware): django CMS's toolbar,
# structure mode and text editor, the admin and django-filer use inline scripts and styles,
# eval (the toolbar's templates, cms/js/modules/tmpl.js, compile with `new Function`),
# data:/blob: images (thumbnails, previews) and our own frames.
CONTENT_SECURITY_POLICY_STAFF = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
    },
}
# Browser features the site never uses are switched off (ResponseHeadersMiddleware).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
)
# Other sites may link to our pages and images but not load them as their own resources.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

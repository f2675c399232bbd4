"""Passkeys (django-otp-webauthn): the relying party is the site as the browser sees it."""

from django.http.request import split_domain_port
from django_otp_webauthn.helpers import WebAuthnHelper


def relying_party_id(request):
    """A passkey belongs to the host name the admin is served on (request.get_host(), which
    ALLOWED_HOSTS vetted). Browsers allow passkeys over HTTPS, and over plain HTTP on localhost
    and 127.0.0.1 (development)."""
    domain, _port = split_domain_port(request.get_host())
    return domain


class SiteWebAuthnHelper(WebAuthnHelper):
    """A ceremony is accepted only from the origin the admin is served on (the package would
    otherwise need OTP_WEBAUTHN_ALLOWED_ORIGINS listed by hand)."""

    def get_allowed_origins(self):
        return [f"{self.request.scheme}://{self.request.get_host()}"]

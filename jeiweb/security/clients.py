"""Who is asking: one answer for every rule that counts requests per visitor."""

from django.conf import settings


def client_ip(request):
    """The visitor's address, for every per-visitor rule: the login lockout (django-axes) and
    the enquiry rate limit.

    REMOTE_ADDR, unless settings.TRUSTED_PROXY_COUNT proxies stand in front of us: each of them
    appends the address it saw to X-Forwarded-For, so the client is the entry that many places
    from the right. Anything further left was sent by the client and could be forged.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")

"""How many times one visitor may do something within a window: the public forms' rate limits.

A visitor is `client_ip(request)` (jeiweb/security/clients.py). The address is kept only as a
hash, in the cache, for the window (the privacy notice says so). A rate limit instead of a
CAPTCHA, which is blocked in mainland China.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    """At most `settings.<limit_setting>` actions per address per `settings.<window_setting>` s."""

    name: str
    limit_setting: str
    window_setting: str

    def key(self, address):
        return f"jeiweb:rate:{self.name}:" + hashlib.sha256(address.encode()).hexdigest()[:32]

    @property
    def limit(self):
        return getattr(settings, self.limit_setting)

    @property
    def window(self):
        return getattr(settings, self.window_setting)

    def exceeded(self, address):
        """Whether this address has already acted `limit` times within the window."""
        return (cache.get(self.key(address)) or 0) >= self.limit

    def count(self, address):
        """One more action from this address; the window starts with the first one."""
        key = self.key(address)
        if cache.add(key, 1, self.window):
            return
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, self.window)

"""A hung cache costs almost nothing: a circuit breaker in front of Redis, and a small memory
cache of the process's own that stands in while it is open.

django-redis fails open (a failed call is a miss), but a Redis that hangs instead of refusing
(frozen, swapping, a network that drops packets) makes *every* cache call wait for its socket
timeout, and a page makes several (content state, page entry, menus, translations): seconds per
page. So the first call that fails opens the breaker, and for `BREAKER_SECONDS` no call goes to
Redis at all; then one call is let through to probe it (half-open): if Redis answers, the breaker
closes, if not it opens for another window. A worker pays one timeout per window, not one per
call.

While the breaker is open the stand-in (a bounded LocMemCache per process) answers instead: a
render with no cache at all costs several times a normal one (menus, translations, the page
cache), so a few seconds of local caching keep pages fast. Correctness: the stand-in cannot see
an edit made through another process (its content version bump went nowhere: Redis is down), so
what it holds must not outlive the window in which it was written. It is emptied whenever the
breaker opens, opens again after a failed probe, or closes: everything it serves (pages, the
content version, CMS fragments) was computed within the current window, so an edit made
anywhere is hidden at most one window (plus one probe's timeout) from this process. An edit made
through this process bumps the version in its own stand-in and shows here at once.

The breaker is the outage's state, so it also does the logging: one warning when it opens (per
process: each gunicorn worker has its own breaker), one line when the cache is back, with what
the outage cost. Nothing is logged per call.
"""

import logging
import secrets
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.dispatch import Signal
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger("jeiweb.cache")

# Sent when Redis answers again after an outage. Edits made during it bumped the content version
# only in a stand-in (jeiweb/cache/pages.py connects it: the pages Redis kept from before the
# outage must not be served again as if nothing had changed).
cache_recovered = Signal()

# What `CircuitBreaker.admit` answers: go to Redis (closed), go to Redis as the one probe
# (half-open), or use the stand-in (open).
CLOSED, PROBE, SKIP = "closed", "probe", "skip"


class CircuitBreaker:
    """Closed until a call fails; then open for `seconds`; then one probe closes or reopens it.

    Thread-safe (gunicorn may run threads): one lock around a few fields, never held during a
    call to Redis. `clock` is injectable for tests (time-machine does not move `monotonic`).
    """

    def __init__(self, seconds, clock=time.monotonic):
        self.seconds = float(seconds)
        self.clock = clock
        self._lock = threading.Lock()
        self.open_until = None  # None: closed
        self.probing = False
        self.outage_started = None
        self.failed_calls = 0  # calls that went to Redis and failed (each paid a timeout)
        self.skipped_calls = 0

    @property
    def is_open(self):
        return self.open_until is not None

    def admit(self):
        """CLOSED or PROBE: call Redis (then report with `succeeded`/`failed`); SKIP: do not."""
        if self.open_until is None:  # the common case needs no lock
            return CLOSED
        with self._lock:
            if self.open_until is None:
                return CLOSED
            if not self.probing and self.clock() >= self.open_until:
                self.probing = True
                return PROBE
            self.skipped_calls += 1
            return SKIP

    def succeeded(self, ticket):
        """Redis answered. Returns True if that closed the breaker (the outage is over)."""
        if ticket is not PROBE or self.open_until is None:  # a call let in before it opened
            return False  # proves nothing
        with self._lock:
            if self.open_until is None:
                return False
            logger.info(
                "Cache available again after %.1f s (%d calls failed, %d skipped)",
                self.clock() - self.outage_started,
                self.failed_calls,
                self.skipped_calls,
            )
            self.open_until = self.outage_started = None
            self.probing = False
            self.failed_calls = self.skipped_calls = 0
            return True

    def failed(self, ticket, error):
        """Redis failed or timed out. Returns True if that opened a new window."""
        with self._lock:
            self.failed_calls += 1
            if ticket is CLOSED and self.open_until is not None:
                return False  # another thread's call already opened it
            now = self.clock()
            if self.open_until is None:
                self.outage_started = now
                logger.warning(
                    "Cache unavailable (%s): using this process's memory cache, trying again every %g s",
                    error,
                    self.seconds,
                )
            self.open_until = now + self.seconds
            self.probing = False
            return True

    def release(self, ticket):
        """The call ended without a verdict (an exception of our own): let the next call probe."""
        if ticket is PROBE:
            with self._lock:
                self.probing = False


# One breaker and one stand-in per Redis server and process: Django makes a cache object per
# thread, and all of them must see the same outage.
_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location, seconds):
    with _breakers_lock:
        if location not in _breakers:
            _breakers[location] = CircuitBreaker(seconds)
        return _breakers[location]


class BreakerRedisCache(RedisCache):
    """django-redis's cache behind a `CircuitBreaker`, with a per-process memory stand-in.

    Extra OPTIONS: `BREAKER_SECONDS` (how long to skip Redis after a failure) and
    `STAND_IN_MAX_ENTRIES` (the stand-in's bound). The Django cache API goes through the breaker
    and never raises for a Redis failure (a failed call is answered by the stand-in: a miss for
    a read, kept locally for a write). django-redis's own extras (`keys`, `lock`, `ttl`, ...,
    used by nothing of ours) bypass it and keep django-redis's IGNORE_EXCEPTIONS.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        seconds = options.pop("BREAKER_SECONDS", 5)
        max_entries = options.pop("STAND_IN_MAX_ENTRIES", 300)
        super().__init__(server, {**params, "OPTIONS": options})
        location = server if isinstance(server, str) else ",".join(server)
        self.breaker = breaker_for(location, seconds)
        # LocMemCache instances of one name share their storage: every thread's stand-in is one.
        self.stand_in = LocMemCache(
            f"jeiweb-breaker:{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "KEY_FUNCTION": params.get("KEY_FUNCTION"),
                "OPTIONS": {"MAX_ENTRIES": max_entries},
            },
        )

    def _call(self, name, *args, **kwargs):
        ticket = self.breaker.admit()
        if ticket is not SKIP:
            try:
                result = getattr(self.client, name)(*args, **kwargs)
            except ConnectionInterrupted as interrupted:
                self._settle(ticket, interrupted.__cause__ or interrupted)
            except BaseException:
                self.breaker.release(ticket)
                raise
            else:
                self._settle(ticket)
                return result
        return getattr(self.stand_in, name)(*args, **kwargs)

    def _settle(self, ticket, failure=None):
        """Tell the breaker how a call to Redis went; empty the stand-in when a window starts or
        the outage ends (see the module's docstring: nothing it holds outlives its window)."""
        changed = self.breaker.failed(ticket, failure) if failure else self.breaker.succeeded(ticket)
        if changed:
            self.stand_in.clear()
        if changed and not failure:
            cache_recovered.send(sender=type(self))

    def probe(self):
        """Does Redis itself work (a write read back), whatever the breaker says? For /healthz,
        whose answer moves the breaker too: a balancer's probe ends an outage as soon as Redis
        answers, and finds it as soon as it fails."""
        key, token = "jeiweb:breaker-probe", secrets.token_hex(8)
        try:
            self.client.set(key, token, timeout=10)
            works = self.client.get(key) == token
        except ConnectionInterrupted as interrupted:
            self._settle(PROBE, interrupted.__cause__ or interrupted)
            return False
        self._settle(PROBE)
        return works

    # Django's cache API (get_or_set and decr_version are BaseCache's, built on these).
    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version=version)

    def delete(self, key, version=None):
        return bool(self._call("delete", key, version=version))

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version=version) or []

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version=version)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", key, delta, version=version)

    def incr_version(self, key, delta=1, version=None):
        return self._call("incr_version", key, delta, version=version)

    def clear(self):
        return self._call("clear")

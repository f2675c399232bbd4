"""`/healthz`: is this server fit to take requests? For the load balancer.

The database is essential: without it no page renders, so the answer is 503 and the balancer
takes the server out of rotation. The cache is not: it fails open (pages render from the
database, slower), so a cache outage answers 200 with `"cache": "unavailable"` and
`"status": "degraded"`; taking every server out of rotation because the shared Redis is down
would turn a slowdown into a full outage. Monitoring should alert on "degraded".

The answer names the checks and their outcome only: no host names, versions or error text
(those go to the log). It is given by a middleware near the top of the stack, before django
CMS's middleware (whose toolbar reads the Site from the database on every response) and
before the host check, so that it depends on nothing but the checks themselves and a
balancer may probe gunicorn by its address.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def database_works():
    try:
        for connection in connections.all():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        return True
    except Exception:  # any failure of the database or its driver means "down"
        logger.exception("Health check: the database is unavailable")
        return False


def cache_works():
    """Write and read back a value (in Redis itself, past its circuit breaker's memory stand-in)."""
    key, token = "healthz:probe", secrets.token_hex(8)
    try:
        if hasattr(cache, "probe"):  # Redis behind a circuit breaker: ask Redis, not the stand-in
            return cache.probe()
        cache.set(key, token, timeout=10)
        return cache.get(key) == token
    except Exception:  # a cache that does not fail open (locmem never fails; others might)
        logger.exception("Health check: the cache is unavailable")
        return False


class HealthCheckMiddleware:
    """Answer `/healthz` (no language prefix) before the rest of the stack runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)


@never_cache
@require_GET
def healthz(request):
    checks = {
        "database": "ok" if database_works() else "unavailable",
        "cache": "ok" if cache_works() else "unavailable",
    }
    if checks["database"] != "ok":
        status = "down"
    elif checks["cache"] != "ok":
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == "down" else 200)

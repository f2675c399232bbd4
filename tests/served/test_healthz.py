"""`/healthz` for the load balancer: 200 when the database answers, 503 when it does not.

A Redis outage leaves the site working (the cache fails open), so /healthz stays 200 and
reports the cache as unavailable ("degraded") rather than taking the server out of rotation.
"""

import json
import secrets
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from tests.conftest import PROXIED
from tests.support.server import free_port, wait_until_serving


def health(url, headers=None):
    request = urllib.request.Request(url + "/healthz", headers=headers or {})
    try:
        response = urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers, json.loads(response.read())


def test_healthz_is_200_with_every_check_ok_and_never_cached(production_site):
    status, headers, body = health(production_site.url, PROXIED)
    assert status == 200
    assert body == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in headers["Cache-Control"]
    assert headers["Content-Type"] == "application/json"


def test_healthz_answers_plain_http_without_a_redirect_or_a_language_prefix(production_site):
    status, _headers, body = health(production_site.url)  # no X-Forwarded-Proto: plain http
    assert status == 200
    assert body["status"] == "ok"
    # A balancer probing the server by its address, not by the site's name.
    assert health(production_site.url, {"Host": "10.0.0.5:8000"})[0] == 200


def test_healthz_stays_200_but_reports_the_cache_when_redis_is_down(production_site, private_redis):
    private_redis.stop()
    try:
        status, _headers, body = health(production_site.url, PROXIED)
    finally:
        private_redis.start()
    assert status == 200
    assert body == {"status": "degraded", "checks": {"database": "ok", "cache": "unavailable"}}
    assert health(production_site.url, PROXIED)[2]["status"] == "ok"  # by itself, once Redis is back


@pytest.fixture
def site_without_a_database(tmp_path):
    """gunicorn under production settings whose database (and cache) listen nowhere."""
    port = free_port()
    environment = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "jeiweb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://jeiweb:secret-password@127.0.0.1:{free_port()}/jeiweb",
        "CACHE_URL": f"redis://127.0.0.1:{free_port()}/0",
        "STATIC_ROOT": str(tmp_path),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "jeiweb.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/healthz", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_healthz_is_503_when_the_database_is_down_and_tells_no_secrets(site_without_a_database):
    status, headers, body = health(site_without_a_database)
    assert status == 503
    assert body == {"status": "down", "checks": {"database": "unavailable", "cache": "unavailable"}}
    assert "secret-password" not in json.dumps(body) and "jeiweb" not in json.dumps(body)
    assert "no-store" in headers["Cache-Control"]

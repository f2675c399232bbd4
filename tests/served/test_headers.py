"""Security headers as served by gunicorn under production settings, behind a pretend TLS proxy.

Mozilla's HTTP Observatory scanner itself (npm `@mdn/mdn-http-observatory`, installed in
tests/observatory/ by `make observatory`) grades the site; the Content-Security-Policy is parsed
and held to "nothing inline, nothing from elsewhere" on every public page type, and Chromium runs
every page type under it without a single violation.
"""

import json
import os
import random
import re
import shutil
import socket
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from tests.conftest import PROXIED
from tests.support.audit import AUDIT_EVENT, audited_paths
from tests.support.second_factor import app_code, enrol_app_code
from tests.support.server import gunicorn

# `mdn-http-observatory-scan` (its bin) points Node at a certificate bundle that its install
# script downloads from outside our registries; its own scan.js lets us name our certificate.
SCANNER = Path(__file__).parents[1] / "observatory/node_modules/@mdn/mdn-http-observatory/src/scan.js"

STAFF_PASSWORD = "staff-password-for-csp-9a"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None, data=None):
    """The response, whatever its status, without following redirects."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        response = opener.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    response.body = response.read().decode("utf-8", errors="replace")
    return response


def cookies_of(response):
    return response.headers.get_all("Set-Cookie") or []


def parse_csp(header):
    """{directive: [sources]} of a Content-Security-Policy; ValueError if it cannot be parsed."""
    policy = {}
    for part in header.split(";"):
        tokens = part.split()
        if not tokens:
            continue
        name = tokens[0].lower()
        if name in policy:
            raise ValueError(f"directive {name} given twice")
        policy[name] = [token.lower() if token.startswith("'") else token for token in tokens[1:]]
    if not policy:
        raise ValueError("empty policy")
    return policy


def missing(reason):
    """Fail in CI, which must run every test; skip on a developer's machine."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def loopback_address_with_standard_ports():
    """A loopback address of our own (127.0.0.0/8 is all loopback) whose ports 80 and 443 are
    free to bind: the Observatory scans a host name on the standard ports only."""
    for _ in range(20):
        host = f"127.{random.randint(100, 254)}.{random.randint(0, 254)}.{random.randint(1, 254)}"
        try:
            for port in (80, 443):
                with socket.socket() as probe:
                    probe.bind((host, port))
        except PermissionError:
            missing("binding ports 80 and 443 needs root (or CAP_NET_BIND_SERVICE)")
        except OSError:  # taken
            continue
        return host
    raise RuntimeError("no free loopback address with ports 80 and 443")


@pytest.fixture(scope="module")
def standard_ports_site(site, tmp_path_factory):
    """The production site's host name as the Observatory scans it: plain http on port 80 (which
    redirects) and HTTPS on 443 with a certificate of our own, served by two more gunicorns on
    the production site's database and cache. Yields (host name, certificate)."""
    if not (shutil.which("node") and SCANNER.exists()):
        missing("the Observatory scanner is not installed (make observatory; needs Node.js 20)")
    if not shutil.which("openssl"):
        missing("no openssl to make a certificate (apt-get install -y openssl)")
    host = loopback_address_with_standard_ports()
    workdir = tmp_path_factory.mktemp("observatory")
    certificate, key = workdir / "certificate.pem", workdir / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={host}",
            "-addext",
            f"subjectAltName=IP:{host}",
            "-keyout",
            key,
            "-out",
            certificate,
        ],
        check=True,
        capture_output=True,
    )
    environment = {**site.environment, "ALLOWED_HOSTS": host}
    with (
        gunicorn(environment, workers=1, address=(host, 80)),
        gunicorn(environment, workers=1, address=(host, 443), tls=(certificate, key)),
    ):
        yield host, certificate


@pytest.fixture(scope="module")
def site(production_site):
    production_site.manage("shell", "-c", AUDIT_EVENT)
    production_site.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User\n"
        "if not User.objects.filter(username='csp-staff').exists():\n"
        f"    User.objects.create_superuser('csp-staff', 'staff@example.com', '{STAFF_PASSWORD}')",
    )
    production_site.manage("shell", "-c", enrol_app_code("csp-staff"))
    return production_site


_staff_sessions = {}


def staff_session(site_url):
    """Sign in through the admin's login form and its second step, as a browser would over
    HTTPS; the login's answer, which sets the session cookie. Once per site: a code of the
    authenticator app is accepted once."""
    if site_url not in _staff_sessions:
        _staff_sessions[site_url] = signed_in_staff(site_url)
    return _staff_sessions[site_url]


def signed_in_staff(site_url):
    origin = "https://" + urllib.parse.urlsplit(site_url).netloc
    form = fetch(site_url + "/en/admin/login/", PROXIED)
    csrf_cookie = SimpleCookie(cookies_of(form)[0])["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.body).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": "csp-staff",
            "password": STAFF_PASSWORD,
            "next": "/en/admin/",
        }
    ).encode()
    answer = fetch(
        site_url + "/en/admin/login/",
        {
            **PROXIED,
            "Cookie": f"csrftoken={csrf_cookie}",
            "Origin": origin,
            "Referer": origin + "/en/admin/login/",
        },
        data,
    )
    assert answer.status == 302, answer.body[:500]
    # The second step, as a browser takes it: its form (the login may have rotated the CSRF
    # cookie), then the code.
    cookies = {"csrftoken": csrf_cookie}
    cookies.update(
        (name, morsel.value) for header in cookies_of(answer) for name, morsel in SimpleCookie(header).items()
    )

    def cookie_header():
        return "; ".join(f"{name}={value}" for name, value in cookies.items())

    step = fetch(site_url + "/en/admin/second-factor/", {**PROXIED, "Cookie": cookie_header()})
    cookies.update(
        (name, morsel.value) for header in cookies_of(step) for name, morsel in SimpleCookie(header).items()
    )
    step_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', step.body).group(1)
    second = fetch(
        site_url + "/en/admin/second-factor/",
        {
            **PROXIED,
            "Cookie": cookie_header(),
            "Origin": origin,
            "Referer": origin + "/en/admin/second-factor/",
        },
        urllib.parse.urlencode(
            {"csrfmiddlewaretoken": step_token, "code": app_code(), "next": "/en/admin/"}
        ).encode(),
    )
    assert (second.status, second.headers["Location"]) == (302, "/en/admin/"), second.body[:500]
    return answer


def test_the_observatory_grades_the_site_a_plus_with_no_test_lost(standard_ports_site):
    host, certificate = standard_ports_site
    scan = subprocess.run(
        ["node", SCANNER, host],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(certificate)},  # our certificate is valid
        capture_output=True,
        text=True,
        timeout=120,
    )
    result = json.loads(scan.stdout)
    assert "error" not in result, result

    report = "\n".join(
        f"{name}: {test['result']} [{test['scoreModifier']:+d}]" for name, test in result["tests"].items()
    )
    print(f"\nObservatory score {result['scan']['score']} ({result['scan']['grade']})\n{report}")
    assert result["scan"]["grade"] == "A+", report
    assert result["tests"]["redirection"]["result"] == "redirection-to-https", report
    assert all(test["scoreModifier"] >= 0 for test in result["tests"].values()), report


def test_every_cookie_the_site_sets_is_secure_and_same_site_and_the_session_http_only(site):
    """The cookies the Observatory cannot reach: the login form's CSRF cookie and the session."""
    form = fetch(site.url + "/en/admin/login/", PROXIED)
    home = fetch(site.url + "/", PROXIED)
    cookies = cookies_of(form) + cookies_of(home) + cookies_of(staff_session(site.url))
    names = set()
    for header in cookies:
        name, morsel = next(iter(SimpleCookie(header).items()))
        names.add(name)
        assert morsel["secure"] and morsel["samesite"] == "Lax", header
        if name in {"sessionid", "django_language"}:
            assert morsel["httponly"], header
    assert {"csrftoken", "sessionid"} <= names


@pytest.mark.parametrize(("kind", "path"), audited_paths())
def test_every_public_page_sends_the_strict_policy_and_the_security_headers(site, kind, path):
    for attempt in ("rendered", "from the page cache"):
        response = fetch(site.url + path, PROXIED)
        assert response.status in {200, 404}, f"{kind} {attempt}"
        policy = parse_csp(response.headers["Content-Security-Policy"])
        assert policy["default-src"] == ["'none'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["base-uri"] == ["'none'"]
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
        # A well-formed Vary: no empty names (the CMS page cache used to send "Vary: , Cookie").
        for vary in response.headers.get_all("Vary") or []:
            assert all(name.strip() for name in vary.split(",")), f"{kind} {attempt}: Vary: {vary}"
        for header in cookies_of(response):
            morsel = next(iter(SimpleCookie(header).values()))
            assert morsel["secure"] and morsel["samesite"] == "Lax", header
        # Nothing inline that the policy would block: no inline script (JSON-LD is data) or style.
        for tag in re.findall(r"<script\b[^>]*>", response.body):
            assert " src=" in tag or 'type="application/ld+json"' in tag, tag
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", response.body)


def test_signed_in_staff_get_the_policy_the_cms_toolbar_needs_and_visitors_never_do(site):
    login = staff_session(site.url)
    session = SimpleCookie(cookies_of(login)[-1])
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in session.items())
    assert "sessionid" in cookie

    staff_policy = parse_csp(
        fetch(site.url + "/en/about/", {**PROXIED, "Cookie": cookie}).headers["Content-Security-Policy"]
    )
    visitor_policy = parse_csp(fetch(site.url + "/en/about/", PROXIED).headers["Content-Security-Policy"])
    forged = fetch(site.url + "/en/about/", {**PROXIED, "Cookie": "sessionid=not-a-session"})

    assert "'unsafe-inline'" in staff_policy["script-src"]
    assert "'unsafe-inline'" not in visitor_policy["script-src"]
    assert "'unsafe-inline'" not in parse_csp(forged.headers["Content-Security-Policy"])["script-src"]


def test_static_files_carry_nosniff_and_the_resource_policy(site):
    home = fetch(site.url + "/en/", PROXIED)
    script = re.search(r'<script src="([^"]+)"', home.body).group(1)
    response = fetch(site.url + script, PROXIED)
    assert response.status == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def watched_page(context):
    """A new page of `context` and the list its console's Content Security Policy violations fill."""
    page = context.new_page()
    violations = []

    def note(message):
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", note)
    return page, violations


@pytest.mark.browser
def test_chromium_runs_every_page_type_without_a_policy_violation(site, browser):
    context = browser.new_context(extra_http_headers=PROXIED)
    page, violations = watched_page(context)
    try:
        for _kind, path in audited_paths():
            page.goto(site.url + path)
            page.wait_for_load_state("load")
            # The menu script ran (it makes the Menu link a button): our own script is allowed.
            assert page.evaluate("document.querySelector('.nav-toggle').getAttribute('role')") == "button", (
                path
            )
    finally:
        context.close()
    assert violations == []


@pytest.mark.browser
def test_chromium_runs_the_cms_toolbar_editing_and_the_admin_for_staff_without_a_violation(site, browser):
    context = browser.new_context(extra_http_headers=PROXIED)
    page, violations = watched_page(context)
    # Signed in over (pretend) HTTPS; the browser speaks plain http to gunicorn, so it gets the
    # session cookie without the Secure flag, which it would not send over http.
    session = SimpleCookie(cookies_of(staff_session(site.url))[-1])["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": session, "url": site.url}])
    try:
        page.goto(site.url + "/en/about/")
        page.wait_for_selector(".cms-toolbar", state="attached")
        edit = re.search(r'href="(/en/admin/cms/placeholder/object/[^"]*/edit/[^"]*)"', page.content())
        assert edit, "no edit link in the toolbar"
        page.goto(site.url + edit.group(1).replace("&amp;", "&"))
        page.wait_for_load_state("load")
        for path in ("/en/admin/", "/en/admin/cms/pagecontent/", "/en/admin/news/article/add/"):
            page.goto(site.url + path)
            page.wait_for_load_state("load")
    finally:
        context.close()
    assert violations == []

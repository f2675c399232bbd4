"""Mozilla's HTTP Observatory (v2) score, computed from the headers and the HTML we serve.

The published table (https://github.com/mozilla/http-observatory, `httpobs/docs/scoring.md`,
2024 revision, the one the MDN HTTP Observatory uses): every site starts at 100; each test
adds a modifier; bonuses (positive modifiers) count only if the score without them is 90 or
more. 100+ is A+. The tests and the outcomes implemented here (modifier in brackets):

- Content-Security-Policy: not implemented or unparsable [-25]; 'unsafe-inline' (or a data:,
  a wildcard or an http(s): scheme source) for scripts [-20]; 'unsafe-eval' [-10]; http:
  sources for active content [-20] or only for images and media [-10]; 'unsafe-inline' in
  style-src only [0]; no unsafe source [+5]; no unsafe source and `default-src 'none'` [+10].
- Cookies: none [0]; a session cookie (name with "sess" or "login") without Secure [-40] or
  without HttpOnly [-30]; an anti-CSRF cookie (name with "csrf") without SameSite [-20]; an
  invalid SameSite [-20]; another cookie without Secure [-20, -5 under HSTS]; all Secure,
  sessions HttpOnly [0]; and all with SameSite [+5].
- Cross-origin resource sharing: our origin reflected to any origin with credentials [-50];
  otherwise [0].
- Redirection (the first answer over plain http): to https on the same host [0]; to another
  host [-5]; to http [-20]; none [-20].
- Referrer-Policy: no-referrer, same-origin, strict-origin, strict-origin-when-cross-origin
  [+5]; no-referrer-when-downgrade or none [0]; unsafe-url, origin, origin-when-cross-origin,
  or invalid [-5] (the last valid token of the header counts, as in browsers).
- Strict-Transport-Security: none or invalid [-20]; max-age under six months (15768000)
  [-10]; six months or more [0]; preloaded [+5] (cannot be known from headers: not counted).
- Subresource integrity: every script same-origin, no integrity [0]; integrity on all [+5];
  an external script without integrity over https [-5], over http [-50].
- X-Content-Type-Options: nosniff [0]; missing or invalid [-5].
- X-Frame-Options: CSP frame-ancestors [+5]; DENY or SAMEORIGIN [0]; missing or invalid [-20].
- Cross-Origin-Resource-Policy: same-origin, same-site, cross-origin or none [0]; invalid [-5].
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

PRIVATE_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
UNSAFE_REFERRER_POLICIES = {"unsafe-url", "origin", "origin-when-cross-origin"}
REFERRER_POLICIES = PRIVATE_REFERRER_POLICIES | UNSAFE_REFERRER_POLICIES | {"no-referrer-when-downgrade"}
SIX_MONTHS = 15768000


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


def csp_modifier(header):
    if not header:
        return "csp-not-implemented", -25
    try:
        policy = parse_csp(header)
    except ValueError:
        return "csp-header-invalid", -25
    default = policy.get("default-src", ["*"])
    scripts = policy.get("script-src", default)
    styles = policy.get("style-src", default)
    if "'unsafe-inline'" in scripts or any(source in {"*", "data:", "http:", "https:"} for source in scripts):
        return "csp-implemented-with-unsafe-inline", -20
    active = [policy.get(name, default) for name in ("script-src", "object-src", "connect-src", "frame-src")]
    if any(source.startswith("http:") for sources in active for source in sources):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-eval'" in scripts:
        return "csp-implemented-with-unsafe-eval", -10
    passive = [policy.get(name, default) for name in ("img-src", "media-src")]
    if any(source.startswith("http:") for sources in passive for source in sources):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10
    if "'unsafe-inline'" in styles:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if default == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies_modifier(set_cookie_headers, hsts):
    cookies = []
    for header in set_cookie_headers:
        jar = SimpleCookie()
        jar.load(header)
        cookies.extend(jar.values())
    if not cookies:
        return "cookies-not-found", 0
    for cookie in cookies:
        name = cookie.key.lower()
        session = "sess" in name or "login" in name
        if session and not cookie["secure"]:
            return "cookies-session-without-secure-flag", -40
        if session and not cookie["httponly"]:
            return "cookies-session-without-httponly-flag", -30
        if cookie["samesite"] and cookie["samesite"].lower() not in {"strict", "lax", "none"}:
            return "cookies-samesite-flag-invalid", -20
        if "csrf" in name and not cookie["samesite"]:
            return "cookies-anticsrf-without-samesite-flag", -20
        if not cookie["secure"]:
            return (
                ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                if hsts
                else ("cookies-without-secure-flag", -20)
            )
    if all(cookie["samesite"] for cookie in cookies):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def cors_modifier(headers, probe_origin):
    reflected = headers.get("Access-Control-Allow-Origin") == probe_origin
    credentials = (headers.get("Access-Control-Allow-Credentials") or "").lower() == "true"
    if reflected and credentials:
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    if headers.get("Access-Control-Allow-Origin"):
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    return "cross-origin-resource-sharing-not-implemented", 0


def redirection_modifier(status, location, host):
    if status not in {301, 302, 303, 307, 308} or not location:
        return "redirection-missing", -20
    target = urlsplit(location)
    if target.scheme != "https":
        return "redirection-not-to-https", -20
    if target.netloc.split(":")[0] != host.split(":")[0]:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_modifier(header):
    if not header:
        return "referrer-policy-not-implemented", 0
    valid = [
        token.strip().lower() for token in header.split(",") if token.strip().lower() in REFERRER_POLICIES
    ]
    if not valid:
        return "referrer-policy-header-invalid", -5
    if valid[-1] in PRIVATE_REFERRER_POLICIES:
        return "referrer-policy-private", 5
    if valid[-1] in UNSAFE_REFERRER_POLICIES:
        return "referrer-policy-unsafe", -5
    return "referrer-policy-no-referrer-when-downgrade", 0


def hsts_modifier(header):
    if not header:
        return "hsts-not-implemented", -20
    fields = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        fields[name.lower()] = value.strip('"')
    try:
        max_age = int(fields["max-age"])
    except (KeyError, ValueError):
        return "hsts-header-invalid", -20
    if max_age < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


class ScriptParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []  # (src, has integrity)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.scripts.append((attributes["src"], bool(attributes.get("integrity"))))


def sri_modifier(html, host):
    parser = ScriptParser()
    parser.feed(html)
    if not parser.scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    external = [(src, sri) for src, sri in parser.scripts if urlsplit(src).netloc not in {"", host}]
    if all(sri for _src, sri in parser.scripts):
        return "sri-implemented-and-all-scripts-loaded-securely", 5
    if not external:
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    if any(src.startswith("http:") for src, _sri in external):
        return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
    return "sri-not-implemented-but-external-scripts-loaded-securely", -5


def xcto_modifier(header):
    if (header or "").strip().lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return (
        ("x-content-type-options-header-invalid", -5)
        if header
        else ("x-content-type-options-not-implemented", -5)
    )


def xfo_modifier(header, csp_header):
    try:
        ancestors = parse_csp(csp_header).get("frame-ancestors") if csp_header else None
    except ValueError:
        ancestors = None
    if ancestors and "*" not in ancestors:
        return "x-frame-options-implemented-via-csp", 5
    if (header or "").strip().upper() in {"DENY", "SAMEORIGIN"}:
        return "x-frame-options-sameorigin-or-deny", 0
    return ("x-frame-options-header-invalid", -20) if header else ("x-frame-options-not-implemented", -20)


def corp_modifier(header):
    if not header:
        return "corp-not-implemented", 0
    if header.strip().lower() in {"same-origin", "same-site", "cross-origin"}:
        return f"corp-implemented-with-{header.strip().lower()}", 0
    return "corp-header-invalid", -5


@dataclass
class Score:
    modifiers: dict = field(default_factory=dict)  # test: (result, modifier)

    @property
    def total(self):
        penalties = 100 + sum(value for _result, value in self.modifiers.values() if value < 0)
        bonuses = sum(value for _result, value in self.modifiers.values() if value > 0)
        return max(0, penalties + (bonuses if penalties >= 90 else 0))

    @property
    def grade(self):
        for floor, grade in (
            (100, "A+"),
            (90, "A"),
            (85, "A-"),
            (80, "B+"),
            (70, "B"),
            (65, "B-"),
            (60, "C+"),
        ):
            if self.total >= floor:
                return grade
        return "C or worse"


def score(headers, html, set_cookie_headers, redirect_status, redirect_location, host, probe_origin):
    """The score of a home page from its final response's headers and body, every cookie set on
    the way, and the first answer to a plain-http request."""
    csp = headers.get("Content-Security-Policy")
    hsts = headers.get("Strict-Transport-Security")
    return Score(
        {
            "content-security-policy": csp_modifier(csp),
            "cookies": cookies_modifier(set_cookie_headers, hsts_modifier(hsts)[1] == 0),
            "cross-origin-resource-sharing": cors_modifier(headers, probe_origin),
            "redirection": redirection_modifier(redirect_status, redirect_location, host),
            "referrer-policy": referrer_modifier(headers.get("Referrer-Policy")),
            "strict-transport-security": hsts_modifier(hsts),
            "subresource-integrity": sri_modifier(html, host),
            "x-content-type-options": xcto_modifier(headers.get("X-Content-Type-Options")),
            "x-frame-options": xfo_modifier(headers.get("X-Frame-Options"), csp),
            "cross-origin-resource-policy": corp_modifier(headers.get("Cross-Origin-Resource-Policy")),
        }
    )

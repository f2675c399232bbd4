"""Middleware of the core: malformed requests refused early, and the headers of every response."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import BadRequest

# PostgreSQL cannot store or compare a NUL character in text: psycopg2 raises ValueError
# ("A string literal cannot contain NUL"), which would reach the visitor as a 500. No URL,
# query or cookie of ours ever holds one (nor any other C0 control character but tab).
FORBIDDEN_CHARACTERS = frozenset(chr(code) for code in range(32) if chr(code) != "\t")


def _malformed(text):
    return not FORBIDDEN_CHARACTERS.isdisjoint(text)


class RejectMalformedRequestsMiddleware:
    """Answer 400 to a path, query or cookie with control characters (NUL above all), or too long.

    It runs early, so that no database query, cache key or log line is built from such input.
    Invalid percent-encoding needs nothing here: Django keeps an invalid escape (`%zz`) or
    invalid UTF-8 (`%ff`, overlong `%c0%ae`) as literal text in the path, which matches no
    URL (404), and decodes it in a query as U+FFFD. Forms already refuse NUL
    (ProhibitNullCharactersValidator). The length limits bound the work a request can ask
    for: our longest real URL is far shorter.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_path = settings.MAX_PATH_LENGTH
        self.max_query = settings.MAX_QUERY_STRING_LENGTH

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if len(request.path_info) > self.max_path or len(query_string) > self.max_query:
            raise BadRequest("Request line too long")
        if _malformed(request.path_info):
            raise BadRequest("Control character in the path")
        for key, values in request.GET.lists():
            if _malformed(key) or any(_malformed(value) for value in values):
                raise BadRequest("Control character in the query")
        for name, value in request.COOKIES.items():
            if _malformed(name) or _malformed(value):
                raise BadRequest("Control character in a cookie")
        return self.get_response(request)


class ResponseHeadersMiddleware:
    """Headers every response carries, and a well-formed `Vary`.

    `Vary`: django CMS's page cache calls `patch_vary_headers(response, [])` for pages whose
    plugins vary on nothing, and Django then writes an empty `Vary: ` header; the header is
    stored with the cached page, and when SessionMiddleware adds `Cookie` on the way out the
    visitor gets `Vary: , Cookie`, which caches and proxies may misread. This middleware runs
    outside every other that touches `Vary`, so it sees the final value and drops the empty
    and repeated names.

    `Permissions-Policy` turns off the browser features the site never uses, so that no
    injected script or framed page could ask for them; `Cross-Origin-Resource-Policy` keeps
    other sites from loading our responses as their own resources.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = settings.PERMISSIONS_POLICY
        self.resource_policy = settings.CROSS_ORIGIN_RESOURCE_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Vary"):
            names, seen = [], set()
            for name in response["Vary"].split(","):
                name = name.strip()
                if name and name.lower() not in seen:
                    seen.add(name.lower())
                    names.append(name)
            if names:
                response["Vary"] = ", ".join(names)
            else:
                del response["Vary"]
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if self.resource_policy:
            response.headers.setdefault("Cross-Origin-Resource-Policy", self.resource_policy)
        return response


class StaffContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the looser policy django CMS and the admin need for staff only.

    Visitors get CONTENT_SECURITY_POLICY: scripts and styles from our origin only, nothing
    inline. django CMS's toolbar, structure mode and editors (and parts of the admin and
    django-filer) write inline scripts and style attributes, so a signed-in staff member gets
    CONTENT_SECURITY_POLICY_STAFF instead. The user is read after the view ran
    (AuthenticationMiddleware is inside this one), and only when a session cookie came with
    the request, so that an anonymous page does not touch the session (and gain `Vary: Cookie`)
    for nothing.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and self._is_staff(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_STAFF["DIRECTIVES"]
        return parts

    @staticmethod
    def _is_staff(request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated and user.is_staff)

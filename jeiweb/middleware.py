"""Middleware of the core: refuse malformed requests before any view or query sees them."""

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

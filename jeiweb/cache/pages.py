"""Whole-page caching for anonymous readers: every public page (CMS pages and the apps' pages,
feeds, calendars, sitemaps, search results), kept as it was sent and replayed by
`PublicPageCacheMiddleware` under a key made of the *content version*, the address (host, path
with its language prefix, query) and the response's encoding:

- The content version is one counter in the cache. Saving or deleting any record of site content
  (each model says so where it is defined, `@site_content`; CMS pages, their versions and filer
  images are declared in jeiweb/content/registry.py) increments it, so every cached page is
  stale at once and none is served again. Nothing lists which page shows which record: a change
  is rare, a re-render is cheap. A save costs one atomic increment, however many records and
  pages there are. django CMS's own page and placeholder caches follow it: the first request of
  a version forgets them (`forget_cms_renderings`), and within a version they spare the blocks of
  a page rendered at a second address (another query string, the other encoding). No plugin or
  record keeps a cache of its own.
- Content also changes with time alone: a scheduled record comes due, an event ends and moves
  from "upcoming" to "past". The registry says when that next happens (`next_content_change(now)`,
  from the publishing rule of every declared model). The first request of each version asks it
  once and keeps the answer beside the counter; the first request after that moment increments
  the counter. No cron.
- Only anonymous GET/HEAD requests without a session or messages cookie are served from the
  cache, and only GET responses are written to it: staff (their session), previews (staff only)
  and a visitor with a message waiting always get a fresh render. A response that set a cookie
  or used a CSRF token is never stored.

The counter starts from the clock, not from 1: if the cache loses it (an eviction, a restart of
a local-memory cache), the new value cannot meet entries written under an old one.
"""

import hashlib
import re
import time
from urllib.parse import urlencode

from cms.middleware.language import LanguageCookieMiddleware
from cms.signals import post_obj_operation
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control
from django.utils.encoding import iri_to_uri
from django.utils.http import parse_http_date_safe
from django.utils.translation import override

from jeiweb.cache.breaker import cache_recovered
from jeiweb.content.batching import after_changes
from jeiweb.content.history import content_restored
from jeiweb.content.registry import is_site_content, next_content_change

VERSION_KEY = "jeiweb:content-version"
# (version, moment): the next change by time alone, as worked out for that version.
NEXT_CHANGE_KEY = "jeiweb:content-next-change"
# What WeChat, Weibo, QQ and web analytics append to a shared link (`?from=singlemessage&
# isappinstalled=0`, `utm_source=…`): no view reads them, so a shared link is the same page and
# the same cache entry, not a render per share.
SHARING_PARAMETERS = re.compile(r"^(?:utm_\w+|from|isappinstalled|scene|clicktime|enterid|spm|fbclid|gclid)$")
ENTRY_PREFIX = "jeiweb:page"


def content_state():
    """{"version", "next_change"}: read once per request (one cache round trip). The first
    request of a version starts it (`_begin`); when its next change has come, the version
    moves on."""
    stored = cache.get_many([VERSION_KEY, NEXT_CHANGE_KEY])
    version = stored.get(VERSION_KEY) or _start_version()
    begun = stored.get(NEXT_CHANGE_KEY)
    next_change = begun[1] if begun and begun[0] == version else _begin(version)
    if next_change is not None and next_change <= timezone.now():
        version = bump_content_version()
        next_change = _begin(version)
    return {"version": version, "next_change": next_change}


def _start_version():
    # From the clock: a value that entries written under a lost counter cannot meet.
    cache.add(VERSION_KEY, time.time_ns(), timeout=None)
    return cache.get(VERSION_KEY) or time.time_ns()


def _begin(version):
    """The work of a new version, done by its first request rather than by every save (an import
    saves hundreds of records, a test thousands): django CMS forgets its renderings, and the
    registry says when content next changes by itself (one query). A request that finds the
    version begun by none renders only after doing this itself; one that races an edit may
    store the moment for an older version, and the next request then begins the new one."""
    forget_cms_renderings()
    moment = next_content_change(timezone.now())
    cache.set(NEXT_CHANGE_KEY, (version, moment), timeout=None)
    return moment


def forget_cms_renderings():
    """django CMS keeps its own renderings of pages and placeholders, which it clears when a
    page changes but not when a record that a block shows changes (or comes due): they follow
    the content version. Within a version, a page rendered at a second address reuses its
    rendered placeholders (the home page: 12 ms instead of 33)."""
    from cms.cache import invalidate_cms_page_cache
    from cms.cache.placeholder import clear_placeholder_cache
    from cms.models import CMSPlugin, Placeholder

    invalidate_cms_page_cache()
    placed = CMSPlugin.objects.values_list("placeholder_id", "language").distinct()
    for placeholder_id, language in placed.order_by():
        clear_placeholder_cache(Placeholder(pk=placeholder_id), language, settings.SITE_ID)


def content_version():
    return content_state()["version"]


def per_version(key, compute, timeout=None):
    """A value derived from the content (a count, the list of categories), kept until the next
    content change: the whole-table work of a list is done once per edit, not per request."""
    key = f"jeiweb:derived:{content_version()}:{key}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout or settings.APP_PAGE_CACHE_SECONDS)
    return value


def bump_content_version(**kwargs):
    """A record changed: every cached page is stale (its key holds the old version). Atomic, so
    that edits in two processes at once are two increments, never one."""
    if kwargs.get("raw"):  # loaddata
        return None
    try:
        return cache.incr(VERSION_KEY)
    except ValueError:  # no counter yet (a new cache, or one that lost it)
        return _start_version()


def _bump_on_commit():
    bump_content_version()


def _record_changed(sender, **kwargs):
    if kwargs.get("raw") or not is_site_content(sender):
        return
    content_changed()


def content_changed():
    """Content changed (a save, a delete, a bulk write such as the search index's): every cached
    page is stale now, and again when the transaction commits.

    Inside a transaction (every admin save), a reader may render the old content under the new
    version before the commit: bump once more when it commits (once per transaction).
    Inside `batched_changes()` (an import of many rows), once, when the batch ends."""
    after_changes(_content_changed, last=True)


def _content_changed(_items=()):
    bump_content_version()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        callback is _bump_on_commit for _savepoints, callback, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_bump_on_commit)


def _cms_operation(sender, **kwargs):
    content_changed()


def _record_restored(sender, **kwargs):
    """A restore from the history saves with `raw=True`, which `_record_changed` skips."""
    if is_site_content(sender):
        content_changed()


def connect_content_version():
    """Every save or delete of a content record (and of an m2m link between such records) bumps
    it, and so does every django CMS operation: moving a page rewrites the addresses of it and
    its descendants with plain SQL updates, which send no save signal."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_record_changed, weak=False, dispatch_uid=f"jeiweb-content-version-{id(signal)}")
    post_obj_operation.connect(_cms_operation, weak=False, dispatch_uid="jeiweb-content-version-cms")
    content_restored.connect(_record_restored, weak=False, dispatch_uid="jeiweb-content-version-restored")
    cache_recovered.connect(_cache_recovered, weak=False, dispatch_uid="jeiweb-content-version-recovered")


def _cache_recovered(sender, **kwargs):
    """Redis is back after an outage: an edit made meanwhile bumped the version only in some
    process's stand-in, so every page Redis kept from before is stale. Forgetting the counter
    starts a new version from the clock (see the module's docstring), with no query here."""
    cache.delete_many([VERSION_KEY, NEXT_CHANGE_KEY])


def is_cacheable_request(request):
    """Anonymous readers only: no session (staff, previews), no messages waiting, no toolbar."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return not any(name in request.GET for name in ("edit", "preview", "structure", "toolbar_on"))


def is_cacheable_response(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        # The language cookie (the reader's choice of language, set on any page) is no secret.
        and not set(response.cookies) - {settings.LANGUAGE_COOKIE_NAME}
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


def accepts_gzip(request):
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def address(request):
    """The page's address without the parameters that sharing adds and no view reads."""
    # As the views read it (request.GET, decoded as UTF-8), so that two query strings the views
    # read alike are one entry, and two they read apart are two.
    query = [
        (name, value)
        for name, values in request.GET.lists()
        if not SHARING_PARAMETERS.match(name)
        for value in values
    ]
    path = iri_to_uri(request.path)
    return f"{request.scheme}://{request.get_host()}{path}{'?' + urlencode(query) if query else ''}"


def entry_key(request, version):
    """The page as sent to this kind of reader: the address (with its language prefix and query)
    and whether the response went out gzipped."""
    where = address(request)
    digest = hashlib.sha1(where.encode()).hexdigest()
    return f"{ENTRY_PREFIX}:{version}:{'gz' if accepts_gzip(request) else 'id'}:{digest}"


def seconds_until(moment, default):
    if moment is None:
        return default
    return max(0, min(default, int((moment - timezone.now()).total_seconds())))


def remember_language(request, response):
    """What django CMS's LanguageCookieMiddleware does on a render, done for a replay (which that
    middleware, below this one, never sees): the reader's language cookie follows the page."""
    language = response.get("Content-Language")
    if language:
        with override(language):
            LanguageCookieMiddleware(get_response=None).process_response(request, response)


class PublicPageCacheMiddleware:
    """Every page an anonymous reader gets (CMS pages and the apps' pages, feeds, calendars,
    sitemaps, search results) is kept as it was sent, compressed, with its headers and ETag, and
    replayed to the next reader from the top of the middleware stack: no session, URL
    resolution, CMS lookup or compression runs again until the content changes.

    It sits just inside WhiteNoise: above it, only the guards that every request must pass
    (security headers and redirects, the health check, malformed input). A reader's request is
    replayed only if `is_cacheable_request`; a response is kept only if it is a public 200
    (`is_cacheable_response`, and `public` from CacheHeadersMiddleware below), never for
    staff, previews, or a page that used a CSRF token or set a cookie other than the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        state = content_state()
        key = entry_key(request, state["version"])
        stored = cache.get(key)
        if stored is not None:
            return self.replay(request, stored, state)
        response = self.get_response(request)
        if self.is_storable(request, response):
            timeout = seconds_until(state["next_change"], settings.APP_PAGE_CACHE_SECONDS)
            if timeout > 0 and request.method == "GET":
                cache.set(key, (response.content, list(response.items())), timeout)
            self.limit_browser_cache(response, state)
        return response

    @staticmethod
    def limit_browser_cache(response, state):
        """Browsers and proxies may keep a page until the next scheduled change at the latest."""
        patch_cache_control(
            response, max_age=seconds_until(state["next_change"], settings.PUBLIC_CACHE_SECONDS)
        )

    @staticmethod
    def is_storable(request, response):
        return is_cacheable_response(request, response) and "public" in response.get("Cache-Control", "")

    @classmethod
    def replay(cls, request, stored, state):
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        cls.limit_browser_cache(response, state)
        remember_language(request, response)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )


class CacheHeadersMiddleware:
    """What browsers, nginx and a CDN may keep: `public, max-age` for anonymous readers' pages,
    `private, no-store` for anyone with a session (staff above all). Placed above the views
    (the CMS pages included), it sees every response that is rendered; conditional GET
    (ETag/304) is left to Django's ConditionalGetMiddleware, placed above it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        if not is_cacheable_request(request):
            if getattr(request, "user", None) is not None and request.user.is_authenticated:
                add_never_cache_headers(response)
            else:
                patch_cache_control(response, private=True)
        elif (
            "Cache-Control" not in response
            and response.status_code == 200
            and is_cacheable_response(request, response)
        ):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        elif "max-age" in response.get("Cache-Control", "") and is_cacheable_response(request, response):
            patch_cache_control(response, public=True)  # a view that set max-age only
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Compress HTML, feeds and calendars for anonymous readers only.

    Compression next to a secret lets an attacker guess it byte by byte (BREACH). Public pages
    carry none: no CSRF token (`is_cacheable_response` refuses a page that used one) and nothing
    of a user. Pages for a session (staff, the admin) go out uncompressed.
    """

    def process_response(self, request, response):
        if "public" not in response.get("Cache-Control", ""):
            return response
        return super().process_response(request, response)

"""Settings shared by every environment.

Every knob is read from the environment (or a `.env` file at the project root), with a
default that is safe for local development. `.env.example` lists and explains each variable.
The thin `dev`, `test` and `production` modules only change what differs between them.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps come first so that their templates override those of the packages. The core
    # (jeiweb: languages, page metadata, caching, the seed content) comes before the apps
    # that build on it; `load_site_content` loads each app's content in this order.
    "jeiweb",
    "pages",
    "news",
    "search",
    # Django's admin, with our site (jeiweb/admin/site.py) as its default one.
    "jeiweb.admin.apps.EditingAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Serve static files through WhiteNoise under `runserver` too, as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    # django CMS and its ecosystem
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "djangocms_versioning",
    "djangocms_alias",
    "djangocms_text",
    "djangocms_link",
    "filer",
    "easy_thumbnails",
    "parler",
    "csp",
    # Login lockout after repeated failures (per account and per address).
    "axes",
    # Staff import tables (the teachers' roster, the admissions figures) from CSV or Excel,
    # previewed first.
    "import_export",
    # The staff's second factor: authenticator apps, recovery codes, passkeys.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    # Earlier versions of every record of site content (jeiweb/content/history.py).
    "reversion",
]

MIDDLEWARE = [
    # No ApphookReloadMiddleware: it costs a query on every request, including those served
    # from the page cache. Attaching an application to a page is rare: restart the server.
    "django.middleware.security.SecurityMiddleware",
    # Outside every middleware that writes Vary (so it sees the final value), and outside
    # WhiteNoise so that static files get Permissions-Policy and CORP too.
    "jeiweb.security.middleware.ResponseHeadersMiddleware",
    # /healthz for the load balancer, before anything that needs the database (jeiweb/ops/health.py).
    "jeiweb.ops.health.HealthCheckMiddleware",
    # A NUL byte or an overlong address gets a 400 before anything queries the database with it.
    "jeiweb.security.middleware.RejectMalformedRequestsMiddleware",
    # Right after the guards above, so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages replayed as they were sent, before the rest of the stack runs.
    "jeiweb.cache.pages.PublicPageCacheMiddleware",
    # Outermost of the three: compresses what the two below produced, anonymous pages only.
    "jeiweb.cache.pages.PublicGZipMiddleware",
    # ETag for every response that has none (cached ones included) and 304 when it matches.
    "django.middleware.http.ConditionalGetMiddleware",
    # `public, max-age` for anonymous readers, `private`/`no-store` for sessions (staff).
    "jeiweb.cache.pages.CacheHeadersMiddleware",
    # Content-Security-Policy (django-csp), looser for signed-in staff: it reads request.user
    # on the way out, so it sits outside AuthenticationMiddleware.
    "jeiweb.security.middleware.StaffContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware reads the session and must run before CommonMiddleware, which
    # resolves URLs (and so needs the active language for i18n_patterns).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed its second factor.
    "django_otp.middleware.OTPMiddleware",
    # Without it, a staff session counts as anonymous outside the admin (no toolbar, no drafts).
    "jeiweb.admin.second_factor.middleware.SecondFactorMiddleware",
    # Development: the Site's domain follows the host served (off unless SITE_DOMAIN_FROM_REQUEST).
    "jeiweb.ops.sites.RequestHostSiteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    # Remembers the visitor's language in a cookie, so that `/` sends them back to it.
    "cms.middleware.language.LanguageCookieMiddleware",
    # Login (issue 9): refuses a locked-out account or address with our lockout page.
    # Last, as django-axes asks, so that it sees the response of the login view.
    "axes.middleware.AxesMiddleware",
]

# Longer paths or query strings are refused (400): our longest real path is a fraction of
# this. A query gets more room: a Chinese search of 100 characters (the most the search
# uses) takes 900 once percent-encoded, and the search tells the visitor it cut a longer one.
MAX_PATH_LENGTH = env.int("MAX_PATH_LENGTH", default=2000)
MAX_QUERY_STRING_LENGTH = env.int("MAX_QUERY_STRING_LENGTH", default=8000)

ROOT_URLCONF = "jeiweb.urls"
WSGI_APPLICATION = "jeiweb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.media",
                "django.template.context_processors.static",
                "django.template.context_processors.tz",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
                "jeiweb.context_processors.site_settings",
            ],
        },
    },
]

# Database: SQLite in var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
# One connection per worker, kept between requests: opening one costs more than most of our
# queries (a persistent connection gave +10 to +45 % req/s and halved PostgreSQL's CPU). The
# health check replaces a connection the server dropped (a restart) instead of failing a request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless CACHE_URL names a shared one (redis://…), which workers must share.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://jeiweb")}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # The cache fails open: when Redis is down or hangs, a cache call is a miss and the page
    # renders, never an error. A dead Redis refuses connections at once; a hung one (frozen,
    # a network dropping packets) makes each call wait for the socket timeout, and a page makes
    # several. So a circuit breaker (jeiweb/cache/breaker.py) stands in front of it: the first
    # failure or timeout opens it, and for CACHE_BREAKER_SECONDS this process skips Redis and
    # uses a small memory cache of its own; then one call probes Redis and, if it answers, the
    # breaker closes. Each worker pays one timeout per window instead of one per call. redis-py
    # reconnects by itself. django CMS (page, menu and permission caches) goes through this same
    # cache. IGNORE_EXCEPTIONS covers only django-redis's extras (keys, lock, ...) that bypass
    # the breaker: nothing of ours calls them.
    CACHES["default"]["BACKEND"] = "jeiweb.cache.breaker.BreakerRedisCache"
    CACHES["default"]["OPTIONS"] = {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": env.float("CACHE_CONNECT_TIMEOUT", default=0.1),
        "SOCKET_TIMEOUT": env.float("CACHE_TIMEOUT", default=0.2),
        # Long enough that a hung Redis costs each worker one timeout per window, short enough
        # that a recovered Redis (and an edit made through another worker meanwhile) is seen soon.
        "BREAKER_SECONDS": env.float("CACHE_BREAKER_SECONDS", default=5),
        # The stand-in holds at most this many entries per process (pages, menus, fragments).
        "STAND_IN_MAX_ENTRIES": env.int("CACHE_STAND_IN_ENTRIES", default=300),
        **CACHES["default"].get("OPTIONS", {}),
    }
# Sessions (staff logins) live in the database, never only in the cache: a Redis restart
# must not log everyone out, and an outage must not break the admin.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# The apps' pages (news, events, feeds, programmes, milestones, sitemap) are cached for anonymous
# readers until their content changes (jeiweb/cache/pages.py): a stored page lives this long at
# most (an edit, or a scheduled article coming due, ends it sooner).
APP_PAGE_CACHE_SECONDS = env.int("APP_PAGE_CACHE_SECONDS", default=3600)
# How long browsers, nginx or a CDN may keep an anonymous page (`Cache-Control: public,
# max-age`). They learn of no edit, so it stays short: an edit shows within this time.
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=60)

# (E-mail, for the password reset and the enquiries, is set up below.)
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60 * 24)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the same two in Django, django CMS and django-parler.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
# Ours first; then the Chinese of packages that ship only zh_CN (filer, djangocms-text),
# copied by `manage.py package_translations`, which Django would not find for zh-hans.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "packages"]
FORMAT_MODULE_PATH = ["jeiweb.i18n.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

SITE_ID = 1
SITE_DOMAIN = env("SITE_DOMAIN", default="127.0.0.1:8000")
# Development serves the site on any host and port: absolute links (sitemap, feeds, e-mail)
# then use the host of the request instead of SITE_DOMAIN (jeiweb/ops/sites.py). Off in production.
SITE_DOMAIN_FROM_REQUEST = env.bool("SITE_DOMAIN_FROM_REQUEST", default=False)
SITE_NAME = "CQMU–UoL Joint Educational Institute"

CMS_CONFIRM_VERSION4 = True
CMS_TEMPLATES = [
    ("pages/home.html", _("Home page")),
    ("pages/page.html", _("Standard page")),
]
CMS_LANGUAGES = {
    SITE_ID: [
        {"code": "en", "name": _("English"), "fallbacks": ["zh-hans"], "public": True},
        {"code": "zh-hans", "name": _("Simplified Chinese"), "fallbacks": ["en"], "public": True},
    ],
    "default": {
        # A page missing in the visitor's language is left out of their menu rather than
        # shown in the other language under their language's prefix.
        "hide_untranslated": True,
        "redirect_on_fallback": True,
        "public": True,
    },
}
# django CMS's page and placeholder caches start afresh with the content version of the
# whole-page cache (jeiweb/cache/pages.py: forget_cms_renderings), on any record change and
# when a scheduled one comes due; this is only the longest they keep an entry.
CMS_CACHE_DURATIONS = {
    "content": env.int("CMS_CONTENT_CACHE_SECONDS", default=3600),
    "menus": env.int("CMS_MENU_CACHE_SECONDS", default=3600),
    "permissions": 3600,
}

PARLER_LANGUAGES = {
    SITE_ID: ({"code": "en"}, {"code": "zh-hans"}),
    "default": {"fallbacks": ["en"], "hide_untranslated": False},
}
PARLER_DEFAULT_LANGUAGE_CODE = "en"
# django-parler would write every translation it reads back to the cache: one cache SET per
# object per render (20,410 for a sitemap of 10,000 articles). Our views prefetch translations
# and whole pages are cached, so parler's own cache only costs.
PARLER_ENABLE_CACHING = env.bool("PARLER_ENABLE_CACHING", default=False)
# A translation counts as outdated once another language changed more than this many seconds
# after it (jeiweb/i18n/status.py): a day lets an editor write both languages in turn.
TRANSLATION_OUTDATED_AFTER = env.int("TRANSLATION_OUTDATED_AFTER", default=24 * 3600)

# Rich text is sanitised; editors may also mark a passage in the other language (`lang`,
# which screen readers and search engines need) and expand an abbreviation (`title`).
TEXT_ADDITIONAL_ATTRIBUTES = {"*": {"lang"}, "abbr": {"title"}}
# The site's own styles (static/css/site.css), offered in the editor's Styles menu. The editor
# (Tiptap) keeps only the classes it knows: a paragraph class missing here is stripped by the
# first inline edit, as happened to the pages' lead paragraphs.
TEXT_EDITOR_SETTINGS = {
    "blockStyles": [
        {"name": _("Lead paragraph"), "element": "p", "attributes": {"class": "lead"}},
        {"name": _("Note"), "element": "p", "attributes": {"class": "note"}},
    ],
    "inlineStyles": [
        {"name": _("Small print"), "element": "small"},
    ],
}

# E-mail: the staff's password reset, and the enquiry form, which mails the office and
# confirms to the visitor. Unset, mail is printed to the console (development); production
# names its SMTP server, e.g.
# EMAIL_URL=smtp+tls://user:password@smtp.example.edu.cn:587. Enquiries are stored before any
# mail is sent, so a mail outage loses none.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Mail is sent while the visitor waits for the confirmation page: a hung server must not hold it.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Who gets Django's error mails, and the enquiries when nobody else is named: "Name <a@b>".
ADMINS = [tuple(admin.rsplit("<", 1)) for admin in env.list("ADMINS", default=[])]
ADMINS = [(name.strip(), address.rstrip(">").strip()) for name, address in ADMINS]

# Enquiries (pages/enquiries.py). Who reads them: unset, the e-mail of the admissions contact
# point (edited in the admin), else the ADMINS. How long closed ones are kept (the privacy
# notice promises it; `manage.py purge_enquiries` deletes older ones). How many a visitor's
# address may send per window: a rate limit instead of a CAPTCHA, which China blocks.
ENQUIRY_RECIPIENTS = env.list("ENQUIRY_RECIPIENTS", default=[])
ENQUIRY_RETENTION_DAYS = env.int("ENQUIRY_RETENTION_DAYS", default=365)
ENQUIRY_RATE_LIMIT = env.int("ENQUIRY_RATE_LIMIT", default=5)
ENQUIRY_RATE_WINDOW_SECONDS = env.int("ENQUIRY_RATE_WINDOW_SECONDS", default=3600)

# The number shown in the footer, which a website hosted in mainland China must display.
ICP_LICENCE = env("ICP_LICENCE", default="")

SILENCED_SYSTEM_CHECKS = [
    # treebeard.E001: django CMS 5.1 pins django-treebeard < 6 and its PageManager is not yet
    # a MP_NodeManager; the warning is about treebeard 6, which we do not run.
    "treebeard.E001",
    # otp_webauthn.E030 asks for OTP_WEBAUTHN_ALLOWED_ORIGINS: our helper accepts the origin the
    # admin is served on instead (jeiweb/admin/second_factor/passkeys.py).
    "otp_webauthn.E030",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # The process id tells gunicorn's workers apart.
        "plain": {"format": "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        # The cache's circuit breaker logs one warning when an outage starts and one line when
        # it ends (per worker), nothing per call.
        "jeiweb.cache": {"level": "INFO"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# The history of site content and the audit trail (history.py); event bookings: reminders,
# retention, rate limit (bookings.py); uploads, thumbnails, static and media files (media.py);
# review before publishing, the two-person rule (review.py); the staff's second factor
# (second_factor.py); the login lockout and the security headers (security.py).
from jeiweb.settings.bookings import *  # noqa: E402, F403
from jeiweb.settings.history import *  # noqa: E402, F403
from jeiweb.settings.media import *  # noqa: E402, F403
from jeiweb.settings.review import *  # noqa: E402, F403
from jeiweb.settings.second_factor import *  # noqa: E402, F403
from jeiweb.settings.security import *  # noqa: E402, F403

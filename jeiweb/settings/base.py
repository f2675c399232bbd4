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
    "django.contrib.admin",
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
]

MIDDLEWARE = [
    # No ApphookReloadMiddleware: it costs a query on every request, including those served
    # from the page cache. Attaching an application to a page is rare: restart the server.
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware reads the session and must run before CommonMiddleware, which
    # resolves URLs (and so needs the active language for i18n_patterns).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Development: the Site's domain follows the host served (off unless SITE_DOMAIN_FROM_REQUEST).
    "jeiweb.sites.RequestHostSiteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    # Remembers the visitor's language in a cookie, so that `/` sends them back to it.
    "cms.middleware.language.LanguageCookieMiddleware",
]

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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless CACHE_URL names a shared one (e.g. redis://127.0.0.1:6379/1).
# The CMS page cache lives here, so several gunicorn workers should share Redis.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://jeiweb")}

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
FORMAT_MODULE_PATH = ["jeiweb.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

SITE_ID = 1
SITE_DOMAIN = env("SITE_DOMAIN", default="127.0.0.1:8000")
# Development serves the site on any host and port: absolute links (sitemap, feeds, e-mail)
# then use the host of the request instead of SITE_DOMAIN (jeiweb/sites.py). Off in production.
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
# Anonymous pages are served from the CMS page cache; staff edits invalidate it.
CMS_PAGE_CACHE = True
CMS_CACHE_DURATIONS = {
    "content": env.int("CMS_CONTENT_CACHE_SECONDS", default=60),
    "menus": env.int("CMS_MENU_CACHE_SECONDS", default=3600),
    "permissions": 3600,
}

PARLER_LANGUAGES = {
    SITE_ID: ({"code": "en"}, {"code": "zh-hans"}),
    "default": {"fallbacks": ["en"], "hide_untranslated": False},
}
PARLER_DEFAULT_LANGUAGE_CODE = "en"
# A translation counts as outdated once another language changed more than this many seconds
# after it (jeiweb/translation_status.py): a day lets an editor write both languages in turn.
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

THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)
THUMBNAIL_HIGH_RESOLUTION = True

# Uploads through django-filer (the news photos): images only, within a size and a pixel
# limit. Filer rejects an image over FILER_MAX_IMAGE_PIXELS (and one Pillow cannot read, such
# as a decompression bomb) with a form error, and sanitises SVG (scripts removed). Our own
# validator adds the size limit and checks that the bytes are really an image.
FILER_MIME_TYPE_WHITELIST = ["image/jpeg", "image/png", "image/gif", "image/webp", "image/svg+xml"]
FILER_MAX_IMAGE_PIXELS = env.int("FILER_MAX_IMAGE_PIXELS", default=40_000_000)
NEWS_MAX_UPLOAD_BYTES = env.int("NEWS_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
FILER_UPLOADER_MAX_FILE_SIZE = NEWS_MAX_UPLOAD_BYTES
FILER_ADD_FILE_VALIDATORS = {
    mime_type: ["news.validation.validate_image_upload"]
    for mime_type in ("image/jpeg", "image/png", "image/gif", "image/webp")
}
# The news list and the "latest news" block on the home page (served from the CMS page cache)
# never show a due scheduled article later than this many seconds after its time.
NEWS_PLUGIN_CACHE_SECONDS = env.int("NEWS_PLUGIN_CACHE_SECONDS", default=60)

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed (gzip and Brotli) files with content hashes in their names, so that they
    # can be cached "forever" by browsers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# django CMS's toolbar and structure mode show our pages inside an iframe of our own.
X_FRAME_OPTIONS = "SAMEORIGIN"

# The number shown in the footer, which a website hosted in mainland China must display.
ICP_LICENCE = env("ICP_LICENCE", default="")

SILENCED_SYSTEM_CHECKS = [
    # treebeard.E001: django CMS 5.1 pins django-treebeard < 6 and its PageManager is not yet
    # a MP_NodeManager; the warning is about treebeard 6, which we do not run.
    "treebeard.E001",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

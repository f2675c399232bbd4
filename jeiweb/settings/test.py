"""The test suite: production-like behaviour (DEBUG off), fast and self-contained."""

import tempfile

from .base import *  # noqa: F403
from .base import STORAGES, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests render templates and serve static files (to the browser tests) without running
# collectstatic first: WhiteNoise finds them where they live.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# Each test client loads the middleware anew: WhiteNoise would list every static file of every
# app each time (80 ms, a quarter of the in-process tests' time). It looks a file up when asked.
WHITENOISE_AUTOREFRESH = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Uploads made by tests (news photos) go to a scratch directory, never to var/media.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=tempfile.mkdtemp(prefix="jeiweb-test-media-"))

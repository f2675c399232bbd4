"""Local development: `make run`. Debug on unless DEBUG says otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Edited static files are served at once, without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# The site answers on whatever host and port it is started on: links follow the request's host.
SITE_DOMAIN_FROM_REQUEST = env.bool("SITE_DOMAIN_FROM_REQUEST", default=True)

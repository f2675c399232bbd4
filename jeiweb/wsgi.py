"""WSGI entry point, used by gunicorn in production (`gunicorn jeiweb.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeiweb.settings.production")

application = get_wsgi_application()

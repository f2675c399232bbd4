"""The site's URLs plus the media files served as `DEBUG` serves them (django.views.static)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from jeiweb.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]

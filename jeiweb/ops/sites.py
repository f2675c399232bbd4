"""The host in absolute links (sitemap, feeds, e-mail, "View on site") is the one the site is
served on.

In production that is `SITE_DOMAIN`: the `Site` record takes it after every `migrate` (and
`load_site_content`), so links built outside a request (e-mail sent by a command) use it too.
In development the site runs on whatever host and port one starts it on: with
`SITE_DOMAIN_FROM_REQUEST` on (the dev settings' default), each request hands its own host to
the current `Site` (the cached object only: nothing is written to the database).
"""

from django.conf import settings
from django.contrib.sites.models import Site


def sync_site_domain(**kwargs):
    """The `Site` record names `SITE_DOMAIN` (connected to `post_migrate`)."""
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )
    Site.objects.clear_cache()


class RequestHostSiteMiddleware:
    """Development only: the current `Site` names the host this request came to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SITE_DOMAIN_FROM_REQUEST:
            # get_host() is validated against ALLOWED_HOSTS: a forged Host header is refused.
            Site.objects.get_current().domain = request.get_host()
        return self.get_response(request)

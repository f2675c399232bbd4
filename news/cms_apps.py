from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class NewsApphook(CMSApp):
    """News and events, attached to the "News & Events" page (namespace `news`)."""

    name = _("News and events")
    app_name = "news"
    # Public by nature: its pages are served from the cache (jeiweb/cache/pages.py) without
    # looking up the page's permissions first (two queries on every hit). Never attach it to a
    # page that needs a login.
    permissions = False

    def get_urls(self, page=None, language=None, **kwargs):
        return ["news.urls"]

from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _

from jeiweb.cms_apps import PublicApphook


@apphook_pool.register
class NewsApphook(PublicApphook):
    """News and events, attached to the "News & Events" page (namespace `news`)."""

    name = _("News and events")
    app_name = "news"
    _urls = ["news.urls"]

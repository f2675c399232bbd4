"""What the site's apphooks share; each app registers its own in its cms_apps.py."""

from cms.app_base import CMSApp


class PublicApphook(CMSApp):
    """An application attached to a public page: its pages are served from the cache
    (jeiweb/cache/pages.py) without looking up the page's permissions first (two queries on
    every hit). Never attach one to a page that needs a login.

    A subclass names its URLconf in `_urls`, django CMS's own attribute for it."""

    permissions = False

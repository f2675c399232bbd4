from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def load_content(self, log):
        """The seeded news and the "News editors" group (called by `load_site_content`)."""
        from news.services import load_news, setup_news_editors

        articles = load_news(log=log)
        setup_news_editors()
        return f'{articles} articles created; "News editors" group ready'

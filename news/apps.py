from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def ready(self):
        from jeiweb.content.loading import loaders
        from news.services import load_news

        # Stories link to the college's programmes and milestones: those must exist first.
        loaders.register("news", load_news, after=("college",), reports="{} articles created")

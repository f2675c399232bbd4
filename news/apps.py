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

    def next_content_change(self, now):
        """When the news pages change with no edit: a scheduled article comes due, or an
        upcoming event ends and becomes a past one (jeiweb/cache/pages.py)."""
        from news.models import Article, Event

        due = (
            Article.objects.scheduled(now)
            .order_by("publication_start")
            .values_list("publication_start", flat=True)
        )
        ending = Event.objects.published().upcoming(now).order_by("end").values_list("end", flat=True)
        times = [moment for moment in (due.first(), ending.first()) if moment is not None]
        return min(times) if times else None

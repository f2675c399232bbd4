"""The news app's pages, under the page it is attached to (/en/news-events/, /zh-hans/xinwen-huodong/).

Every page is cached for anonymous readers until its content changes (jeiweb/pagecache.py)."""

from django.urls import path

from jeiweb.pagecache import cache_for_visitors as cached

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", cached(views.ArticleListView.as_view()), name="article-list"),
    path("category/<slug:category>/", cached(views.ArticleListView.as_view()), name="category"),
    path("archive/<int:year>/", cached(views.ArticleListView.as_view()), name="archive"),
    path("feed/rss/", cached(feeds.LatestArticlesFeed()), name="feed-rss"),
    path("feed/atom/", cached(feeds.LatestArticlesAtomFeed()), name="feed-atom"),
    path("category/<slug:category>/feed/rss/", cached(feeds.LatestArticlesFeed()), name="category-feed-rss"),
    path(
        "category/<slug:category>/feed/atom/",
        cached(feeds.LatestArticlesAtomFeed()),
        name="category-feed-atom",
    ),
    path("events/", cached(views.EventListView.as_view()), name="event-list"),
    path("events/past/", cached(views.EventListView.as_view(past=True)), name="event-past"),
    path("events/calendar.ics", cached(views.EventCalendarView.as_view()), name="event-calendar"),
    path("events/<slug:slug>/", cached(views.EventDetailView.as_view()), name="event-detail"),
    path("events/<slug:slug>.ics", cached(views.EventIcsView.as_view()), name="event-ics"),
    path("<slug:slug>/", cached(views.ArticleDetailView.as_view()), name="article-detail"),
]

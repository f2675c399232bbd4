"""The news app's pages, under the page it is attached to (/en/news-events/, /zh-hans/xinwen-huodong/).

Every page is cached for anonymous readers until its content changes (jeiweb/cache/pages.py)."""

from django.urls import path

from . import feeds, views
from .bookings.views import BookingView

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("category/<slug:category>/", views.ArticleListView.as_view(), name="category"),
    path("archive/<int:year>/", views.ArticleListView.as_view(), name="archive"),
    path("feed/rss/", feeds.LatestArticlesFeed(), name="feed-rss"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("category/<slug:category>/feed/rss/", feeds.LatestArticlesFeed(), name="category-feed-rss"),
    path(
        "category/<slug:category>/feed/atom/",
        feeds.LatestArticlesAtomFeed(),
        name="category-feed-atom",
    ),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/past/", views.EventListView.as_view(past=True), name="event-past"),
    path("events/calendar.ics", views.EventCalendarView.as_view(), name="event-calendar"),
    # A booking's private page: the signed link of its confirmation mail (news/bookings/views.py).
    path("events/booking/<str:token>/", BookingView.as_view(), name="booking"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("events/<slug:slug>.ics", views.EventIcsView.as_view(), name="event-ics"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]

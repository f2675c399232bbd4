from django.urls import path

from jeiweb.pagecache import cache_for_visitors as cached
from pages import views

app_name = "milestones"

urlpatterns = [
    path("", cached(views.MilestoneListView.as_view()), name="list"),
]

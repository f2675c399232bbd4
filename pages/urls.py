from django.urls import path

from jeiweb.pagecache import cache_for_visitors as cached
from pages import views

app_name = "programmes"

urlpatterns = [
    path("", cached(views.ProgrammeListView.as_view()), name="list"),
    path("<slug:slug>/", cached(views.ProgrammeDetailView.as_view()), name="detail"),
]

from django.urls import path

from pages import people_views

app_name = "teams"

urlpatterns = [
    path("", people_views.TeamListView.as_view(), name="list"),
    path("<slug:slug>/", people_views.TeamDetailView.as_view(), name="detail"),
]

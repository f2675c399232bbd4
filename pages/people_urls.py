from django.urls import path

from pages import people_views

app_name = "people"

urlpatterns = [
    path("", people_views.PeopleDirectoryView.as_view(), name="directory"),
    path("<slug:slug>/", people_views.PersonDetailView.as_view(), name="detail"),
]

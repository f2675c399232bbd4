from django.urls import path

from pages import views

app_name = "milestones"

urlpatterns = [
    path("", views.MilestoneListView.as_view(), name="list"),
]

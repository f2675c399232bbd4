from django.urls import path

from pages import admissions_views, views

app_name = "programmes"

urlpatterns = [
    path("", views.ProgrammeListView.as_view(), name="list"),
    # The admissions charter of a year (招生章程): the same for every programme.
    path("charter/<int:year>/", admissions_views.CharterDetailView.as_view(), name="charter"),
    path("<slug:slug>/", views.ProgrammeDetailView.as_view(), name="detail"),
    path("<slug:slug>/admissions/", admissions_views.ProgrammeAdmissionsView.as_view(), name="admissions"),
    path(
        "<slug:slug>/admissions.csv",
        admissions_views.AdmissionsDownloadView.as_view(extension="csv"),
        name="admissions-csv",
    ),
    path(
        "<slug:slug>/admissions.json",
        admissions_views.AdmissionsDownloadView.as_view(extension="json"),
        name="admissions-json",
    ),
]

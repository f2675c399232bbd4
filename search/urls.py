from django.urls import path
from django.utils.translation import pgettext_lazy

from search.views import SearchView

app_name = "search"

urlpatterns = [
    # Translators: the path of the search page, /zh-hans/sousuo/: lower-case ASCII, ending in "/".
    path(pgettext_lazy("URL", "search/"), SearchView.as_view(), name="results"),
]

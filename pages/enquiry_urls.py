from django.urls import path
from django.utils.translation import pgettext_lazy

from pages.enquiry_views import EnquiryThanksView, EnquiryView

app_name = "enquiry"

urlpatterns = [
    # Translators: the path of the enquiry form, /zh-hans/zixun/: lower-case ASCII, ending in "/".
    path(pgettext_lazy("URL", "enquiry/"), EnquiryView.as_view(), name="form"),
    # Translators: the path of the enquiry confirmation, /zh-hans/zixun/xiexie/.
    path(pgettext_lazy("URL", "enquiry/thanks/"), EnquiryThanksView.as_view(), name="thanks"),
]

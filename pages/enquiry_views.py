"""The enquiry form's own pages: the form (with its errors), and the confirmation (PRG)."""

from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from jeiweb.i18n import TranslatedViewMixin
from jeiweb.security.clients import client_ip
from pages import enquiries
from pages.forms import EnquiryForm


# No CSRF token: the form is embedded in the Contact and programme pages, which are cached
# and served to every anonymous visitor alike, so a per-visitor token cannot be in them. A
# forged submission can only create an enquiry: it changes no state of a logged-in user. The
# honeypot and the per-address rate limit are what keep robots out.
@method_decorator(csrf_exempt, name="dispatch")
class EnquiryView(TranslatedViewMixin, TemplateView):
    """GET: the form on a page of its own. POST: store and confirm, or show the errors."""

    template_name = "pages/enquiry.html"
    url_name = "enquiry:form"

    def get_form(self, data=None):
        return EnquiryForm(data, language=self.language)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        meta = {
            "title": _("Ask a question"),
            "description": _("Ask the CQMU–UoL Joint Educational Institute a question about its programmes."),
        }
        return super().get_context_data(meta=meta, **kwargs)

    def post(self, request, *args, **kwargs):
        address = client_ip(request)
        if enquiries.rate_limited(address):
            context = self.get_context_data(rate_limited=True)
            return self.render_to_response(context, status=429)
        form = self.get_form(request.POST)
        if form.is_spam:
            # A robot filled in the hidden field: store nothing, but answer as if all went well.
            enquiries.count_submission(address)
            return redirect("enquiry:thanks")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        enquiries.submit(form, self.language)
        enquiries.count_submission(address)
        return redirect("enquiry:thanks")


class EnquiryThanksView(TranslatedViewMixin, TemplateView):
    template_name = "pages/enquiry_thanks.html"
    url_name = "enquiry:thanks"

    def get_context_data(self, **kwargs):
        meta = {
            "title": _("Thank you for your question"),
            "description": _("Your question has reached the CQMU–UoL Joint Educational Institute."),
        }
        return super().get_context_data(meta=meta, **kwargs)

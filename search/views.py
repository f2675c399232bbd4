from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.generic import TemplateView
from menus.utils import set_language_changer

from search.analysis import MAX_QUERY_LENGTH, query_terms
from search.highlight import highlight, snippet
from search.models import SearchDocument
from search.registry import registry

RESULTS_PER_PAGE = 10


def clean_query(raw):
    """The query as searched: control characters (NUL breaks PostgreSQL) and runs of white
    space gone, cut at MAX_QUERY_LENGTH. Returns the query and whether it was cut."""
    text = "".join(" " if not char.isprintable() else char for char in raw)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip(), len(text) > MAX_QUERY_LENGTH


class SearchView(TemplateView):
    """The site search: `?q=` over the published content in the visitor's language."""

    template_name = "search/results.html"

    def get(self, request, *args, **kwargs):
        self.query, self.truncated = clean_query(request.GET.get("q", ""))
        set_language_changer(request, self.url_in)
        return super().get(request, *args, **kwargs)

    def url_in(self, language):
        """This search in another language: the switcher leads there."""
        with translation.override(language):
            url = reverse("search:results")
        return f"{url}?{urlencode({'q': self.query})}" if self.query else url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = query_terms(self.query)
        context.update(
            search_query=self.query, truncated=self.truncated, max_length=MAX_QUERY_LENGTH, terms=terms
        )
        if not terms:
            return context
        documents = SearchDocument.objects.in_language(translation.get_language()).visible().matching(terms)
        page = Paginator(documents, RESULTS_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            results=[
                {
                    "url": document.url,
                    "kind": registry.label(document.kind),
                    "title": highlight(document.title, terms),
                    "snippet": snippet(document.body, terms),
                }
                for document in page
            ],
            page_query=urlencode({"q": self.query}),
        )
        return context

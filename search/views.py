from django.core.paginator import Paginator
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from jeiweb.i18n import TranslatedViewMixin
from search import indexing
from search.analysis import MAX_QUERY_LENGTH, query_terms
from search.highlight import highlight, snippet
from search.models import SearchDocument

RESULTS_PER_PAGE = 10


def clean_query(raw):
    """The query as searched: control characters (NUL breaks PostgreSQL) and runs of white
    space gone, cut at MAX_QUERY_LENGTH. Returns the query and whether it was cut."""
    text = "".join(" " if not char.isprintable() else char for char in raw)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip(), len(text) > MAX_QUERY_LENGTH


class SearchView(TranslatedViewMixin, TemplateView):
    """The site search: `?q=` over the published content in the visitor's language.
    The switcher leads to the same search in the other language."""

    template_name = "search/results.html"
    url_name = "search:results"

    def get(self, request, *args, **kwargs):
        self.query, self.truncated = clean_query(request.GET.get("q", ""))
        return super().get(request, *args, **kwargs)

    def get_url_query(self):
        return {"q": self.query}

    def get_meta(self):
        title = _("Search: %(search_query)s") % {"search_query": self.query} if self.query else _("Search")
        description = _("Search the website of the CQMU–UoL Joint Educational Institute.")
        return {"title": title, "description": description}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = query_terms(self.query)
        context.update(
            meta=self.get_meta(),
            search_query=self.query,
            truncated=self.truncated,
            max_length=MAX_QUERY_LENGTH,
            terms=terms,
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
                    "kind": indexing.label(document.kind),
                    "title": highlight(document.title, terms),
                    "snippet": snippet(document.body, terms),
                }
                for document in page
            ],
            page_query=urlencode({"q": self.query}),
        )
        return context

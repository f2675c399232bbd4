from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search import fulltext
from search.analysis import is_cjk

# The weight of a document whose provider does not say (search/documents.py).
DEFAULT_WEIGHT = 10


def _term_lookup(field, term):
    # Tokens are stored as " a b c ", so " term " finds a whole token. A single Chinese
    # character is rarely a token of its own: it matches inside longer tokens instead.
    # `contains` escapes % and _ itself.
    needle = term if is_cjk(term) and len(term) == 1 else f" {term} "
    return Q(**{f"{field}__contains": needle})


class SearchDocumentQuerySet(models.QuerySet):
    def in_language(self, language):
        return self.filter(language=language)

    def visible(self, now=None):
        """Leaves out what is indexed ahead of its publication time (a scheduled article), so
        that it turns up at that time without a save or a cron job."""
        return self.filter(Q(visible_from__isnull=True) | Q(visible_from__lte=now or timezone.now()))

    def matching(self, terms):
        """Documents that contain any of the terms, best first.

        More matched terms rank above fewer; among those, more terms in the title (or in the
        synonyms a provider adds to it) rank above fewer; then the heavier kind (a programme or
        the Contact page above a milestone: each provider's `weight`); then the shorter title
        (a page about the thing) above the longer.

        The documents are selected with the full-text index of the engine (search/fulltext.py:
        a GIN index on PostgreSQL, FTS5 on SQLite); the ranking is plain SQL (CASE and LIKE)
        over those few, so it is the same on SQLite and PostgreSQL.
        """
        if not terms:
            return self.none()
        one, zero = Value(1), Value(0)
        matched = sum(
            (Case(When(_term_lookup("tokens", term), then=one), default=zero) for term in terms),
            start=Value(0),
        )
        in_title = sum(
            (Case(When(_term_lookup("title_tokens", term), then=one), default=zero) for term in terms),
            start=Value(0),
        )
        anywhere = fulltext.candidates(terms)
        if anywhere is None:
            anywhere = Q()
            for term in terms:
                anywhere |= _term_lookup("tokens", term)
        return (
            self.filter(anywhere)
            .annotate(
                matched_terms=models.ExpressionWrapper(matched, output_field=IntegerField()),
                title_terms=models.ExpressionWrapper(in_title, output_field=IntegerField()),
                title_length=Length("title"),
            )
            .order_by("-matched_terms", "-title_terms", "-weight", "title_length", "title", "pk")
            .defer("tokens", "title_tokens", "search_vector")
        )


class SearchDocument(models.Model):
    """One page or item of the site in one language, as the site search sees it.

    Built and kept up to date by the search index from what each app registers (see
    `search/documents.py` and `search/indexing.py`); nobody edits it by hand, and
    `rebuild_search_index` recreates it.
    """

    language = models.CharField(_("language"), max_length=15, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind"), max_length=50, help_text=_("The provider that indexed it."))
    # What the document stands for: a stable key per provider ("page:12").
    key = models.CharField(_("key"), max_length=200)
    url = models.CharField(_("URL"), max_length=500)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    # Pre-segmented, pre-stemmed words separated by spaces (search/analysis.py); the title's
    # include the synonyms its provider gives (a programme's, edited by staff).
    title_tokens = models.TextField(blank=True)
    tokens = models.TextField(blank=True)
    # The tokens as a tsvector under a GIN index, on PostgreSQL only (on SQLite the column is
    # empty and an FTS5 table does its work): see search/fulltext.py.
    search_vector = SearchVectorField(null=True, editable=False)
    # How much its kind weighs in the ranking (a programme above a milestone).
    weight = models.PositiveSmallIntegerField(_("weight"), default=DEFAULT_WEIGHT)
    visible_from = models.DateTimeField(_("visible from"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["language", "kind", "key"], name="search_document_unique_key"),
        ]
        indexes = [
            models.Index(fields=["language", "kind"], name="search_doc_language_kind"),
            # Created on PostgreSQL only (search/migrations/0004_full_text.py).
            GinIndex(fields=["search_vector"], name="search_doc_vector"),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"

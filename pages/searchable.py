"""What of the college the site search finds: programmes and milestones (search/documents.py)."""

from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from pages.models import Faq, Milestone, Programme
from search.documents import ModelProvider
from search.indexing import register


@register
class ProgrammeProvider(ModelProvider):
    model = Programme
    kind = "programme"
    label = _("Programme")
    # What applicants look for: a programme ranks above pages, news and milestones.
    weight = 30
    title_field = "title"
    text_fields = ("summary", "description")
    # Staff's other words for it (临床, MBBS, medicine…): found like words of the title.
    keywords_field = "synonyms"


@register
class MilestoneProvider(ModelProvider):
    """A milestone has no page of its own: it is found at its year on the timeline."""

    model = Milestone
    kind = "milestone"
    label = _("Milestone")
    # A line of history: below what answers a question (programmes, pages, news).
    weight = 5
    title_field = "title"
    text_fields = ("description",)


@register
class FaqProvider(ModelProvider):
    """A question is found at its place on its programme's page (or the FAQ page), by its
    question and its answer."""

    model = Faq
    kind = "faq"
    label = _("Question and answer")
    title_field = "question"
    text_fields = ("answer",)

    def get_queryset(self, language):
        return (
            super()
            .get_queryset(language)
            .select_related("programme")
            .prefetch_related("programme__translations")
        )

    def get_url(self, obj, language):
        with translation.override(language):
            try:
                return obj.get_absolute_url(language)
            except NoReverseMatch:  # the programmes page (its apphook) is missing
                return ""

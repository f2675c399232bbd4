"""What of the college the site search finds: programmes, milestones, questions, people and
teaching teams (search/documents.py)."""

from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from pypinyin import lazy_pinyin

from jeiweb.i18n.slugs import is_chinese
from pages.models import Faq, Milestone, Person, Programme, TeachingTeam
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


@register
class PersonProvider(ModelProvider):
    """A person is found by their name in either language and in pinyin (黄爱龙, Huang Ailong,
    huang ai long), and by their position."""

    model = Person
    kind = "person"
    label = _("Person")
    weight = 20
    title_field = "name"
    text_fields = ("position", "department", "biography")

    def get_keywords(self, person, language):
        """Every name of the person, and the pinyin of a Chinese one, spaced and joined."""
        names = {t.name for t in person.translations.all() if t.name}
        pinyin = [lazy_pinyin(name) for name in names if is_chinese(name)]
        words = [*names, *(" ".join(syllables) for syllables in pinyin), *("".join(s) for s in pinyin)]
        return " ".join(words)


@register
class TeamProvider(ModelProvider):
    model = TeachingTeam
    kind = "team"
    label = _("Teaching team")
    weight = 10
    title_field = "course"
    text_fields = ("description",)

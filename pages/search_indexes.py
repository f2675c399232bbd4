"""What of the college the site search finds: programmes and milestones (search/providers.py)."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from pages.models import Milestone, Programme
from search.providers import ModelProvider, register


@register
class ProgrammeProvider(ModelProvider):
    model = Programme
    kind = "programme"
    label = _("Programme")

    def get_queryset(self, language):
        return Programme.objects.published(language).prefetch_related("translations")

    def get_title(self, programme, language):
        return programme.safe_translation_getter("title", language_code=language)

    def get_text(self, programme, language):
        summary = programme.safe_translation_getter("summary", default="", language_code=language)
        description = programme.safe_translation_getter("description", default="", language_code=language)
        return f"{summary} {description}"


@register
class MilestoneProvider(ModelProvider):
    """A milestone has no page of its own: it is found at its year on the timeline."""

    model = Milestone
    kind = "milestone"
    label = _("Milestone")

    def get_queryset(self, language):
        return Milestone.objects.translated(language).prefetch_related("translations")

    def get_url(self, milestone, language):
        with translation.override(language):
            try:
                return f"{reverse('milestones:list')}#year-{milestone.date.year}"
            except NoReverseMatch:
                return ""

    def get_title(self, milestone, language):
        return milestone.safe_translation_getter("title", language_code=language)

    def get_text(self, milestone, language):
        return milestone.safe_translation_getter("description", default="", language_code=language)

"""The story of the partnership, 1993 to today, as dated milestones."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.fields import optional_link
from jeiweb.content.publishing import PublishableQuerySet, PublishedByDefault
from jeiweb.i18n import reverse_in
from jeiweb.i18n.status import last_changed_field
from pages.models.base import KeyedModel, PreciseDateMixin
from pages.models.programmes import Programme


class MilestoneCategory(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partnership")
    APPROVAL = "approval", _("Approval")
    ENROLMENT = "enrolment", _("Enrolment")
    ACCREDITATION = "accreditation", _("Accreditation and quality")
    VISIT = "visit", _("Visit")
    CEREMONY = "ceremony", _("Ceremony")


class MilestoneQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def chronological(self):
        # Within a year, a date known only to the year comes first: it is stored as 1 January.
        return self.order_by("date", "pk")


@site_content
class Milestone(KeyedModel, PreciseDateMixin, PublishedByDefault, TranslatableModel):
    """An event in the story of the partnership, dated as precisely as it is known."""

    name_field = "title"

    category = models.CharField(_("category"), max_length=20, choices=MilestoneCategory.choices)
    programme = optional_link(
        Programme,
        _("programme"),
        related_name="milestones",
        help_text=_("The programme this milestone concerns, if any: it is shown on the programme’s page."),
    )
    translations = TranslatedFields(
        changed=last_changed_field(),
        title=models.CharField(_("title"), max_length=300),
        description=models.TextField(_("description"), blank=True),
    )

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def get_absolute_url(self, language=None):
        """A milestone has no page of its own: it is at its year on the timeline, on the page
        where that year begins (the timeline is in pages: pages/timeline.py)."""
        year = self.date.year
        return f"{reverse_in(language, 'milestones:list', query={'year': year})}#year-{year}"

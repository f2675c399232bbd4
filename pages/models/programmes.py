"""The degree programmes: what prospective students find, filter and compare."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.publishing import PublishableQuerySet, PublishedByDefault
from jeiweb.i18n import translated_url
from jeiweb.i18n.slugs import slug_field
from jeiweb.i18n.status import last_changed_field
from pages.models.base import DisplayOrdered, KeyedModel, University
from pages.models.facts import ProgrammeFacts, optional_number


class Level(models.TextChoices):
    UNDERGRADUATE = "undergraduate", _("Undergraduate")
    POSTGRADUATE = "postgraduate", _("Postgraduate")


class Award(models.TextChoices):
    BSC = "bsc", _("BSc")
    MSC = "msc", _("MSc")


class EntryRoute(models.TextChoices):
    GAOKAO = "gaokao", _("National college entrance examination (gaokao)")
    MASTERS_EXAM = "masters-exam", _("National master’s entrance examination")


# Which award and entry route belong to which level: a BSc is undergraduate and admits
# through the gaokao, an MSc is postgraduate and admits through the master's examination.
LEVEL_AWARDS = {Level.UNDERGRADUATE: Award.BSC, Level.POSTGRADUATE: Award.MSC}
LEVEL_ROUTES = {Level.UNDERGRADUATE: EntryRoute.GAOKAO, Level.POSTGRADUATE: EntryRoute.MASTERS_EXAM}


class ProgrammeQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def for_listing(self, language=None, now=None):
        """The visible programmes as a list shows them, in a number of queries that does not grow with it."""
        from pages.models.costs import CostOfStudy

        costs = CostOfStudy.objects.visible(now=now).order_by("-intake_year").prefetch_related("stages")
        return self.visible(language, now).prefetch_related(
            "translations",
            "accreditations__translations",
            "degree_awards__translations",
            models.Prefetch("costs", queryset=costs, to_attr="published_costs"),
        )


def year_field(verbose_name):
    return optional_number(verbose_name, 1900, 2100)


def fact_field(verbose_name, help_text=""):
    return models.TextField(verbose_name, blank=True, help_text=help_text)


# Its degrees, curriculum, questions and accreditations are kept and restored with it.
@site_content(children=["degree_awards", "curriculum_stages", "faqs", "accreditations"])
class Programme(KeyedModel, DisplayOrdered, ProgrammeFacts, PublishedByDefault, TranslatableModel):
    """A degree programme of the institute: what prospective students find, filter and compare.

    Leave a field empty when the sources do not state it (duration, places, fees, dates...):
    an empty field is simply not shown. The numbers and dates are in `ProgrammeFacts`.
    """

    name_field = "title"

    translations = TranslatedFields(
        changed=last_changed_field(),
        title=models.CharField(_("title"), max_length=200),
        slug=slug_field(_("The last part of the programme’s address.")),
        summary=models.TextField(_("summary"), help_text=_("One or two sentences, shown on the card.")),
        description=models.TextField(_("description"), blank=True),
        language_of_instruction=models.CharField(_("language of instruction"), max_length=200, blank=True),
        entry_subjects=fact_field(
            _("entry requirements: subjects"), _("The examination subjects or choices required.")
        ),
        english_requirements=fact_field(_("entry requirements: English")),
        clinical_placements=fact_field(_("clinical placements")),
        careers=fact_field(_("careers and further study")),
        synonyms=models.TextField(
            _("synonyms for search"),
            blank=True,
            help_text=_(
                "Other words people search for to find this programme, one per line or separated "
                "by commas (e.g. 临床, MBBS, medicine). They are not shown on the site."
            ),
        ),
        meta={"unique_together": [("language_code", "slug")]},
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    award = models.CharField(_("award"), max_length=10, choices=Award.choices)
    awarded_by_cqmu = models.BooleanField(_("degree from Chongqing Medical University"), default=True)
    awarded_by_uol = models.BooleanField(_("degree from the University of Leicester"), default=True)
    entry_route = models.CharField(_("entry route"), max_length=20, choices=EntryRoute.choices)
    approved_in = year_field(_("year approved"))
    launched_in = year_field(_("year launched"))
    first_intake_in = year_field(_("year of first intake"))
    places = models.PositiveSmallIntegerField(_("places per year"), null=True, blank=True)
    modified = models.DateTimeField(_("last modified"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta(DisplayOrdered.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def get_absolute_url(self, language=None):
        """The programme's page in `language` (by default the active one), at that language's slug."""
        return translated_url(self, "programmes:detail", language)

    def clean(self):
        super().clean()
        # A trailing blank line would become an empty paragraph.
        self.description = (self.description or "").strip()
        errors = {}
        if self.level and self.award and LEVEL_AWARDS.get(self.level) != self.award:
            errors["award"] = _("A %(award)s is not awarded at %(level)s level.") % {
                "award": self.get_award_display(),
                "level": self.get_level_display().lower(),
            }
        if self.level and self.entry_route and LEVEL_ROUTES.get(self.level) != self.entry_route:
            errors["entry_route"] = _("This is not how %(level)s students are admitted.") % {
                "level": self.get_level_display().lower()
            }
        if not (self.awarded_by_cqmu or self.awarded_by_uol):
            errors["awarded_by_cqmu"] = _("At least one university awards the degree.")
        years = [("approved_in", self.approved_in), ("launched_in", self.launched_in)]
        years.append(("first_intake_in", self.first_intake_in))
        known = [(name, year) for name, year in years if year is not None]
        for (_earlier, before), (later, after) in zip(known, known[1:], strict=False):
            if after < before:
                errors[later] = _("The dates are out of order: approval, launch, then first intake.")
        if errors:
            raise ValidationError(errors)

    @property
    def awarding_universities(self):
        return [
            label
            for awarded, label in (
                (self.awarded_by_cqmu, University.CQMU.label),
                (self.awarded_by_uol, University.UOL.label),
            )
            if awarded
        ]

    @property
    def english_title(self):
        """The English title, shown under the Chinese one as a subtitle on Chinese pages."""
        if self.get_current_language() == "en":
            return ""
        english = self.safe_translation_getter("title", language_code="en") or ""
        return english if english != self.title else ""

    @property
    def degrees(self):
        """What each university awards (prefetch `degree_awards__translations` for a list)."""
        return list(self.degree_awards.all())

    @property
    def is_gaokao(self):
        """Admitted through the national college entrance examination (undergraduates)."""
        return self.entry_route == EntryRoute.GAOKAO

    @property
    def is_dual_degree(self):
        return self.awarded_by_cqmu and self.awarded_by_uol

"""What a programme leads to and consists of: the degree of each university, the curriculum."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.i18n.status import last_changed_field
from pages.models.base import University
from pages.models.programmes import Programme


@site_content
class DegreeAward(TranslatableModel):
    """The degree one university awards to a programme's graduates, in its own words.

    One record per university: a parent reads what each of the two universities awards,
    not one label for both.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="degree_awards", verbose_name=_("programme")
    )
    university = models.CharField(_("university"), max_length=10, choices=University.choices)
    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(
            _("degree"),
            max_length=200,
            help_text=_("As the university states it, e.g. the degree and the subject."),
        ),
    )

    class Meta:
        ordering = ["programme", "university"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "university"], name="one_degree_per_university")
        ]
        verbose_name = _("degree awarded")
        verbose_name_plural = _("degrees awarded")

    def __str__(self):
        name = self.safe_translation_getter("name", any_language=True) or ""
        return f"{self.get_university_display()}: {name}"


@site_content
class CurriculumStage(TranslatableModel):
    """A stage (a year, a phase or a module) of a programme's curriculum, in order."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="curriculum_stages", verbose_name=_("programme")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = TranslatedFields(
        changed=last_changed_field(),
        title=models.CharField(_("title"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("curriculum stage")
        verbose_name_plural = _("curriculum stages")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or ""

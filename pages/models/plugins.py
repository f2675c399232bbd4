"""The settings of the college's CMS plugins (pages/cms_plugins.py)."""

from cms.models import CMSPlugin
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeiweb.content.fields import optional_owner
from pages.models.governance import Committee
from pages.models.programmes import Level, Programme


class KeyFactsSubject(models.TextChoices):
    TEACHING = "teaching", _("Teaching staff")
    STUDENTS = "students", _("Students")


class KeyFactsPluginModel(CMSPlugin):
    subject = models.CharField(_("facts about"), max_length=10, choices=KeyFactsSubject.choices)

    def __str__(self):
        return self.get_subject_display()


class ProgrammeCardsPluginModel(CMSPlugin):
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, blank=True, help_text=_("Empty: every programme.")
    )

    def __str__(self):
        return self.get_level_display() or str(_("All programmes"))


def limited_to(model, verbose_name, help_text):
    """The one record a block may be limited to (deleting it deletes the block); empty: all."""
    return optional_owner(model, verbose_name, help_text=help_text)


class TimelinePluginModel(CMSPlugin):
    latest = models.PositiveSmallIntegerField(
        _("latest milestones"), null=True, blank=True, help_text=_("Empty: the whole timeline.")
    )

    def __str__(self):
        return str(self.latest or _("All milestones"))


class CommitteePluginModel(CMSPlugin):
    committee = limited_to(Committee, _("committee"), _("Empty: every committee."))

    def __str__(self):
        return str(self.committee or _("All committees"))


class AccreditationsPluginModel(CMSPlugin):
    programme = limited_to(Programme, _("programme"), _("Empty: every accreditation."))

    def __str__(self):
        return str(self.programme or _("All accreditations"))


class FaqPluginModel(CMSPlugin):
    programme = limited_to(
        Programme, _("programme"), _("Empty: the questions about the institute (those without a programme).")
    )

    def __str__(self):
        return str(self.programme or _("Questions about the institute"))

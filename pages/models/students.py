"""The students: dated snapshots of the student body, and what every student learns with."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.fields import optional_link
from jeiweb.i18n.status import last_changed_field
from pages.models.base import DisplayOrdered, KeyedModel, Snapshot
from pages.models.programmes import Programme


@site_content
class StudentBody(Snapshot, TranslatableModel):
    """A dated snapshot of the student body. The latest is shown as current; older ones are kept."""

    programme = optional_link(
        Programme,
        _("programme"),
        related_name="student_bodies",
        help_text=_("The programme these students are on; empty for the whole institute."),
    )
    students = models.PositiveIntegerField(_("students"))
    provinces = models.PositiveSmallIntegerField(
        _("provinces and municipalities"),
        validators=[MaxValueValidator(34)],
        help_text=_("China has 34 provincial-level divisions."),
    )
    intakes = models.PositiveSmallIntegerField(_("intakes"))
    translations = TranslatedFields(
        changed=last_changed_field(),
        note=models.CharField(
            _("note"), max_length=300, blank=True, help_text=_("Where the figures come from.")
        ),
    )

    as_of = _("Students as of %(date)s")

    class Meta(Snapshot.Meta):
        verbose_name = _("student body")
        verbose_name_plural = _("student bodies")

    def clean(self):
        super().clean()
        if self.students and not (self.provinces and self.intakes):
            raise ValidationError(_("Students come from at least one province and one intake."))
        if self.students is not None and self.provinces is not None and self.provinces > self.students:
            raise ValidationError({"provinces": _("More provinces than students.")})


class ResourceKind(models.TextChoices):
    PLATFORM = "platform", _("Online platform")
    DEVICE = "device", _("Device")


@site_content
class LearningResource(KeyedModel, DisplayOrdered, TranslatableModel):
    """Something every student learns with: an online platform or a device."""

    kind = models.CharField(_("kind"), max_length=10, choices=ResourceKind.choices)
    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    url = models.URLField(_("web address"), blank=True)

    class Meta(DisplayOrdered.Meta):
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")

"""Quality: who recognised or reviewed what, and when."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.fields import optional_owner
from jeiweb.i18n.status import last_changed_field
from pages.models.base import KeyedModel, PreciseDateMixin
from pages.models.programmes import Programme


class AccreditationKind(models.TextChoices):
    ACCREDITATION = "accreditation", _("Accreditation")
    STATUS = "status", _("Status")
    RECOGNITION = "recognition", _("International recognition")
    REVIEW = "review", _("Quality review")


@site_content
class Accreditation(KeyedModel, PreciseDateMixin, TranslatableModel):
    """Who recognised or reviewed what, and when."""

    name_field = "title"

    kind = models.CharField(_("kind"), max_length=20, choices=AccreditationKind.choices)
    programme = optional_owner(Programme, _("programme"), related_name="accreditations")
    translations = TranslatedFields(
        changed=last_changed_field(),
        body=models.CharField(_("awarded or carried out by"), max_length=200),
        title=models.CharField(_("title"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")

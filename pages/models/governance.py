"""The joint committees through which the two universities govern the institute."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.i18n.status import last_changed_field
from pages.models.base import KeyedModel, University


@site_content(children=["members"])
class Committee(KeyedModel, TranslatableModel):
    """A joint committee through which the two universities govern the institute."""

    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.key


class CommitteeRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice-chair", _("Vice-Chair")
    MEMBER = "member", _("Member")


@site_content
class CommitteeMember(TranslatableModel):
    """A person on a joint committee, with their role in it and their post at their university."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="members", verbose_name=_("committee")
    )
    role = models.CharField(_("role"), max_length=20, choices=CommitteeRole.choices)
    university = models.CharField(_("university"), max_length=10, choices=University.choices)
    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(
            _("name"),
            max_length=200,
            help_text=_("Names of UoL staff stay in Latin script in both languages."),
        ),
        position=models.CharField(_("position"), max_length=300),
    )
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["committee", "order", "pk"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or str(self.pk)

    def clean(self):
        super().clean()
        if self.role == CommitteeRole.CHAIR and self.committee_id:
            chairs = CommitteeMember.objects.filter(committee_id=self.committee_id, role=CommitteeRole.CHAIR)
            if chairs.exclude(pk=self.pk).exists():
                raise ValidationError({"role": _("This committee already has a chair.")})

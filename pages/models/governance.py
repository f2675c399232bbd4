"""The joint committees through which the two universities govern the institute."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.i18n.status import last_changed_field
from pages.models.base import DisplayOrdered, KeyedModel
from pages.models.people import Person


@site_content(children=("posts",))
class Committee(KeyedModel, DisplayOrdered, TranslatableModel):
    """A joint committee through which the two universities govern the institute."""

    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )

    class Meta(DisplayOrdered.Meta):
        verbose_name = _("committee")
        verbose_name_plural = _("committees")


class CommitteeRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice-chair", _("Vice-Chair")
    MEMBER = "member", _("Member")


@site_content
class Post(models.Model):
    """A person's post on a joint committee. The person (name, position at their university,
    page) is entered once and may hold several posts."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="posts", verbose_name=_("committee")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="posts", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=CommitteeRole.choices)
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["committee", "order", "pk"]
        verbose_name = _("committee post")
        verbose_name_plural = _("committee posts")

    def __str__(self):
        return f"{self.committee}: {self.get_role_display()} ({self.person})"

    def clean(self):
        super().clean()
        if self.role == CommitteeRole.CHAIR and self.committee_id:
            chairs = Post.objects.filter(committee_id=self.committee_id, role=CommitteeRole.CHAIR)
            if chairs.exclude(pk=self.pk).exists():
                raise ValidationError({"role": _("This committee already has a chair.")})

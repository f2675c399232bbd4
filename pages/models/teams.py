"""Where the teachers come from and how they teach: the schools of CQMU, and the teaching team
of each imported course with its leader, deputy leaders, teaching secretary and members."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.cache.pages import per_version
from jeiweb.content import site_content
from jeiweb.content.fields import optional_link
from jeiweb.content.publishing import PublishableQuerySet, PublishedByDefault
from jeiweb.i18n import translated_url
from jeiweb.i18n.slugs import slug_field
from jeiweb.i18n.status import last_changed_field
from pages.models.base import DisplayOrdered, KeyedModel, University
from pages.models.curriculum import CurriculumStage
from pages.models.people import Person
from pages.models.programmes import Programme


class SchoolQuerySet(PublishableQuerySet, TranslatableQuerySet):
    pass


@site_content
class School(KeyedModel, DisplayOrdered, PublishedByDefault, TranslatableModel):
    """A school or institute of a university that teachers come from (the 2022 profile names
    six of the eight schools of CQMU; add the others as they are confirmed)."""

    university = models.CharField(
        _("university"), max_length=10, choices=University.choices, default=University.CQMU
    )
    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(_("name"), max_length=200),
    )

    objects = SchoolQuerySet.as_manager()

    class Meta(DisplayOrdered.Meta):
        verbose_name = _("school")
        verbose_name_plural = _("schools")


def school_names(language):
    """{school key: (pk, name)} of the visible schools in `language`, in order, as plain data:
    read once per content change (every person card and the directory's filter name them)."""

    def read():
        schools = School.objects.visible(language).prefetch_related("translations")
        return {
            school.key: (school.pk, school.safe_translation_getter("name", language_code=language))
            for school in schools
        }

    return per_version(f"school-names:{language}", read)


class TeamQuerySet(PublishableQuerySet, TranslatableQuerySet):
    pass


@site_content(children=("roles",))
class TeachingTeam(DisplayOrdered, PublishedByDefault, TranslatableModel):
    """The teaching team of one imported course: who leads it, who teaches in it, which school
    it comes from and which programmes (and stages of their curriculum) it serves."""

    translations = TranslatedFields(
        changed=last_changed_field(),
        course=models.CharField(_("imported course"), max_length=200),
        slug=slug_field(_("The last part of the team’s address; empty: from the course.")),
        description=models.TextField(_("description"), blank=True),
        meta={"unique_together": [("language_code", "slug")]},
    )
    school = optional_link(School, _("school"), related_name="teams")
    programmes = models.ManyToManyField(
        Programme, blank=True, related_name="teams", verbose_name=_("programmes")
    )
    curriculum_stages = models.ManyToManyField(
        CurriculumStage,
        blank=True,
        related_name="teams",
        verbose_name=_("curriculum stages"),
        help_text=_("The stages of the programmes’ curricula that the course is part of."),
    )
    modified = models.DateTimeField(_("last modified"), auto_now=True)

    objects = TeamQuerySet.as_manager()

    class Meta(DisplayOrdered.Meta):
        verbose_name = _("teaching team")
        verbose_name_plural = _("teaching teams")

    def __str__(self):
        return self.safe_translation_getter("course", any_language=True) or str(self.pk)

    def get_absolute_url(self, language=None):
        return translated_url(self, "teams:detail", language)

    def roles_of(self, kind):
        """The team's people in one role (prefetch `roles__person__translations` for a list)."""
        return [role for role in self.roles.all() if role.role == kind]


class TeamRoleKind(models.TextChoices):
    LEADER = "leader", _("Group leader")
    DEPUTY = "deputy", _("Deputy group leader")
    SECRETARY = "secretary", _("Teaching secretary")
    MEMBER = "member", _("Member")


# The roles a team has at most one of.
SINGLE_ROLES = (TeamRoleKind.LEADER, TeamRoleKind.SECRETARY)


@site_content
class TeamRole(models.Model):
    """A person's place in a teaching team."""

    team = models.ForeignKey(
        TeachingTeam, on_delete=models.CASCADE, related_name="roles", verbose_name=_("team")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="team_roles", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=10, choices=TeamRoleKind.choices)
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["team", "order", "pk"]
        verbose_name = _("team role")
        verbose_name_plural = _("team roles")
        constraints = [
            models.UniqueConstraint(fields=["team", "person"], name="one_role_per_person_in_a_team"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_role_display()}"

    def clean(self):
        super().clean()
        if self.role in SINGLE_ROLES and self.team_id:
            others = TeamRole.objects.filter(team_id=self.team_id, role=self.role).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"role": _("This team already has one: %(role)s.") % {"role": self.get_role_display()}}
                )

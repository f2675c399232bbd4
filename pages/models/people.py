"""People: entered once, shown wherever they appear (a committee post, a teaching team, the
directory), each with a page in both languages.

A person's name is written per language; names of University of Leicester staff stay in Latin
script in both. What the figures of the teaching body count (title, doctorate, supervision,
overseas experience, core teacher) is stored per person, so the figures can be computed from the
roster (pages/roster.py) once it is complete.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.fields import optional_link
from jeiweb.content.publishing import PublishableQuerySet, PublishedByDefault
from jeiweb.i18n import translated_url
from jeiweb.i18n.slugs import is_chinese, name_sort_key, slug_field
from jeiweb.i18n.status import last_changed_field
from pages.models.base import University


class TitleRank(models.TextChoices):
    """The rank of a professional title, as the teaching figures count it."""

    FULL = "full", _("Professor or chief physician")
    ASSOCIATE = "associate", _("Associate professor or associate chief physician")
    OTHER = "other", _("Other title")


class Supervision(models.TextChoices):
    NONE = "", _("Not a graduate supervisor")
    DOCTORAL = "doctoral", _("Doctoral supervisor")
    MASTERS = "masters", _("Master’s supervisor")


class PersonQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def in_directory_order(self):
        """By family name (pinyin for Chinese names), then given name."""
        return self.order_by("sort_key", "pk")

    def core_teachers(self):
        return self.filter(is_core_teacher=True)


@site_content
class Person(PublishedByDefault, TranslatableModel):
    """A person the site names: a committee member, a teacher of a teaching team.

    Enter each person once; posts and team roles point to them. Write the name as the person
    writes it in each language (University of Leicester staff: in Latin script in both).
    """

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        help_text=_("A stable identifier for imports and the content loader; may stay empty."),
    )
    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(
            _("name"),
            max_length=200,
            help_text=_(
                "Without the title, e.g. Huang Ailong / 黄爱龙. UoL staff: Latin script in both languages."
            ),
        ),
        slug=slug_field(_("The last part of the person’s address; empty: made from the name (pinyin).")),
        title=models.CharField(
            _("academic title"), max_length=100, blank=True, help_text=_("e.g. Professor / 教授")
        ),
        position=models.CharField(
            _("position"), max_length=300, blank=True, help_text=_("Their post at their university.")
        ),
        department=models.CharField(_("school or department"), max_length=200, blank=True),
        biography=models.TextField(_("short biography"), blank=True),
        meta={"unique_together": [("language_code", "slug")]},
    )
    family_name = models.CharField(
        _("family name"),
        max_length=100,
        blank=True,
        help_text=_("As written in the person’s own script (黄, Robinson); empty: taken from the name."),
    )
    university = models.CharField(_("university"), max_length=10, choices=University.choices)
    school = optional_link("pages.School", _("school"), related_name="people")
    photo = FilerImageField(
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set the focal point (the face) in the media library: every crop keeps it."),
    )
    email = models.EmailField(_("public e-mail"), blank=True)
    profile_url = models.URLField(_("profile link"), blank=True)
    is_core_teacher = models.BooleanField(
        _("core teacher"),
        default=False,
        help_text=_("A group leader, deputy group leader or teaching secretary of an imported course."),
    )
    title_rank = models.CharField(_("rank of title"), max_length=10, choices=TitleRank.choices, blank=True)
    has_doctorate = models.BooleanField(_("doctoral degree"), default=False)
    supervision = models.CharField(
        _("graduate supervisor"), max_length=10, choices=Supervision.choices, blank=True, default=""
    )
    overseas_experience = models.BooleanField(_("overseas study experience"), default=False)
    sort_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    modified = models.DateTimeField(_("last modified"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.key or str(self.pk)

    def get_absolute_url(self, language=None):
        return translated_url(self, "people:detail", language)

    @property
    def school_name(self):
        """The name of their school in the active language ("" if none, or not visible): from
        the schools read once per content change, not a query per person."""
        from pages.models.teams import school_names

        names = dict(school_names(self.get_current_language()).values())
        return names.get(self.school_id, "")

    @property
    def page_url(self):
        """The person's page in the active language, or "" (no page there, or no people page)."""
        try:
            return self.get_absolute_url()
        except NoReverseMatch:
            return ""

    def clean(self):
        super().clean()
        if self.is_core_teacher and not self.title_rank:
            raise ValidationError(
                {"title_rank": _("A core teacher’s title counts in the figures: choose it.")}
            )

    def save(self, *args, **kwargs):
        self.sort_key = self.compute_sort_key()
        super().save(*args, **kwargs)

    def native_name(self):
        """The name in the person's own script: Chinese where it is written in Chinese."""
        names = [self.safe_translation_getter("name", language_code=code) or "" for code in ("zh-hans", "en")]
        return next((name for name in names if is_chinese(name)), names[1] or names[0])

    def compute_sort_key(self):
        name = self.native_name().strip()
        family = self.family_name.strip()
        if not family:
            # A Chinese name begins with the family name; a Western one ends with it.
            family = name[:1] if is_chinese(name) else (name.split() or [""])[-1]
        given = name.removeprefix(family) if is_chinese(name) else name.removesuffix(family)
        return name_sort_key(family, given.strip())

    @property
    def display_name(self):
        """The name with the academic title, as each language writes it: "Professor Huang
        Ailong", "黄爱龙教授", "Thompson Robinson 教授"."""
        name, title = self.name, self.title
        if not title:
            return name
        if is_chinese(title):
            return f"{name}{title}" if is_chinese(name) else f"{name} {title}"
        return f"{title} {name}"

    @property
    def other_name(self):
        """The name in the site's other language, where it differs (黄爱龙 on an English page)."""
        current = self.get_current_language()
        for code in self.get_available_languages():
            other = self.safe_translation_getter("name", language_code=code)
            if code != current and other and other != self.name:
                return other
        return ""

    @property
    def other_language(self):
        return next(
            (code for code in self.get_available_languages() if code != self.get_current_language()), ""
        )

    @property
    def is_senior(self):
        return self.title_rank in (TitleRank.FULL, TitleRank.ASSOCIATE)

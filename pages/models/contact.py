"""How to reach the institute: its offices as data, edited by staff in both languages.

Every field is optional and a page shows only what is filled in: the sources name no phone
number, e-mail or address, so none is loaded (fixtures/README.md lists what staff must add).
Pages read contact points through `display_contact_points()`, as plain data, once per content change:
the footer shows one on every page, and the whole-page cache (jeiweb/cache/pages.py) keeps the
rendered page, so a reader of a cached page costs none.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.cache.pages import per_version
from jeiweb.content import site_content
from jeiweb.content.fields import optional_link
from jeiweb.content.publishing import PublishableQuerySet, PublishedByDefault
from jeiweb.i18n.status import last_changed_field
from pages.models.base import KeyedModel


class ContactKind(models.TextChoices):
    ADMISSIONS = "admissions", _("Admissions office")
    INSTITUTE = "institute", _("Institute office")


class ContactPointQuerySet(PublishableQuerySet, TranslatableQuerySet):
    pass


@site_content
class ContactPoint(KeyedModel, PublishedByDefault, TranslatableModel):
    """An office that answers visitors: the admissions office or the institute office."""

    kind = models.CharField(_("kind"), max_length=20, choices=ContactKind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("As dialled from abroad, e.g. +86 23 …")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    admissions_url = models.URLField(
        _("university admissions website"),
        blank=True,
        help_text=_("The official admissions site of the university."),
    )
    person = optional_link(
        "pages.Person",
        _("contact person"),
        related_name="contact_points",
        help_text=_("Who answers, if the office names someone."),
    )
    wechat_qr = FilerImageField(
        verbose_name=_("WeChat QR code"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(_("name"), max_length=200),
        address=models.TextField(_("address"), blank=True),
        office_hours=models.CharField(_("office hours"), max_length=200, blank=True),
        wechat_account=models.CharField(_("WeChat official account"), max_length=100, blank=True),
    )

    objects = ContactPointQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")

    def display(self, language):
        """What a page in `language` shows, as plain data: the texts of that language (the name
        alone may come from another one, rather than show nothing)."""
        written = self.has_translation(language)

        def text(name):
            return (written and self.safe_translation_getter(name, language_code=language)) or ""

        name = self.safe_translation_getter("name", language_code=language, any_language=True)
        data = {
            "kind": self.kind,
            "name": name or self.key,
            "address": text("address"),
            "office_hours": text("office_hours"),
            "wechat_account": text("wechat_account"),
            "phone": self.phone,
            "email": self.email,
            "map_url": self.map_url,
            "admissions_url": self.admissions_url,
            "wechat_qr_url": self.wechat_qr.url if self.wechat_qr_id and self.wechat_qr else "",
        }
        data["person"] = self.person_display(language)
        details = ("address", "office_hours", "wechat_account", "phone", "email", "map_url", "admissions_url")
        data["has_details"] = any(data[name] for name in details) or bool(
            data["wechat_qr_url"] or data["person"]
        )
        data["phone_link"] = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return data

    def person_display(self, language):
        """The contact person's name and page in `language`, if they are visible in it."""
        person = self.person if self.person_id else None
        if person is None or not person.is_visible() or not person.has_translation(language):
            return None
        person.set_current_language(language)
        with translation.override(language):
            return {"name": person.display_name, "url": person.page_url}


def schema_contact_point(data):
    """A schema.org ContactPoint of displayed data: only the fields that are filled in."""
    kind = str(ContactKind(data["kind"]).label)
    item = {"@type": "ContactPoint", "contactType": kind, "name": data["name"]}
    for key, name in (("phone", "telephone"), ("email", "email")):
        if data[key]:
            item[name] = data[key]
    if data["admissions_url"]:
        item["url"] = data["admissions_url"]
    return item


def display_contact_points(language):
    """Every visible contact point that has something to show, as plain data: read once per
    content change (the footer of every page shows them), like every derived read."""

    def read():
        points = ContactPoint.objects.visible().select_related("wechat_qr", "person")
        points = points.prefetch_related("translations", "person__translations")
        shown = [point.display(language) for point in points]
        return [data for data in shown if data["has_details"]]

    return per_version(f"contact-points:{language}", read)

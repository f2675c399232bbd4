"""How to reach the institute: its offices as data, edited by staff in both languages.

Every field is optional and a page shows only what is filled in: the sources name no phone
number, e-mail or address, so none is loaded (fixtures/README.md lists what staff must add).
Pages read contact points through `display_contact_points()`, which caches plain data per
language: the footer shows one on every page, so it must cost no query once cached.
"""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.i18n import language_codes
from jeiweb.i18n.status import last_changed_field
from pages.models.base import KeyedModel

CACHE_KEY = "pages:contact-points:{language}"
CACHE_SECONDS = 24 * 60 * 60  # cleared on every save anyway; this bounds a missed signal


class ContactKind(models.TextChoices):
    ADMISSIONS = "admissions", _("Admissions office")
    INSTITUTE = "institute", _("Institute office")


class ContactPoint(KeyedModel, TranslatableModel):
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

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.key

    def display(self, translation, fallback=None):
        """What a page shows, as plain data (cacheable): `translation` is the one of the page's
        language (or None), `fallback` one of another language, for the name only."""

        def text(name):
            return getattr(translation, name, "") or ""

        data = {
            "kind": self.kind,
            "name": text("name") or getattr(fallback, "name", "") or self.key,
            "address": text("address"),
            "office_hours": text("office_hours"),
            "wechat_account": text("wechat_account"),
            "phone": self.phone,
            "email": self.email,
            "map_url": self.map_url,
            "admissions_url": self.admissions_url,
            "wechat_qr_url": self.wechat_qr.url if self.wechat_qr_id and self.wechat_qr else "",
        }
        details = ("address", "office_hours", "wechat_account", "phone", "email", "map_url", "admissions_url")
        data["has_details"] = any(data[name] for name in details) or bool(data["wechat_qr_url"])
        data["phone_link"] = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return data


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
    """Every contact point that has something to show, as plain data, from the cache.

    Built in one query (the translations with their contact point), as the footer of a page
    whose cache is cold asks for it too."""
    key = CACHE_KEY.format(language=language)
    points = cache.get(key)
    if points is None:
        translations = ContactPoint._parler_meta.root_model.objects.select_related("master__wechat_qr")
        by_point = {}
        for translation in translations.order_by("master__order", "master__pk"):
            by_point.setdefault(translation.master, {})[translation.language_code] = translation
        points = []
        for point, texts in by_point.items():
            fallback = next(iter(texts.values()))
            data = point.display(texts.get(language), fallback)
            if data["has_details"]:
                points.append(data)
        cache.set(key, points, CACHE_SECONDS)
    return points


def contact_point_of(kind, language):
    return next((data for data in display_contact_points(language) if data["kind"] == kind), None)


def clear_contact_cache(**kwargs):
    cache.delete_many([CACHE_KEY.format(language=language) for language in language_codes()])


for _sender in (ContactPoint, ContactPoint._parler_meta.root_model):
    for _signal in (post_save, post_delete):
        _signal.connect(clear_contact_cache, sender=_sender, dispatch_uid=f"contact-cache-{_sender.__name__}")

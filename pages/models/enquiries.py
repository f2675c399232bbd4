"""Questions from applicants and parents: every enquiry is stored before anything is sent.

The staff inbox is the admin (pages/contact_admin.py); the form is pages/forms.py and the
flow (rate limit, storing, mail) pages/enquiries.py.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jeiweb.content.fields import optional_link


class ProvinceChoice(models.TextChoices):
    """China's 34 provincial-level divisions, in the order of the national standard (GB/T 2260):
    an enquirer's province (the admissions tables use the `Province` records instead)."""

    BEIJING = "beijing", _("Beijing")
    TIANJIN = "tianjin", _("Tianjin")
    HEBEI = "hebei", _("Hebei")
    SHANXI = "shanxi", _("Shanxi")
    INNER_MONGOLIA = "inner-mongolia", _("Inner Mongolia")
    LIAONING = "liaoning", _("Liaoning")
    JILIN = "jilin", _("Jilin")
    HEILONGJIANG = "heilongjiang", _("Heilongjiang")
    SHANGHAI = "shanghai", _("Shanghai")
    JIANGSU = "jiangsu", _("Jiangsu")
    ZHEJIANG = "zhejiang", _("Zhejiang")
    ANHUI = "anhui", _("Anhui")
    FUJIAN = "fujian", _("Fujian")
    JIANGXI = "jiangxi", _("Jiangxi")
    SHANDONG = "shandong", _("Shandong")
    HENAN = "henan", _("Henan")
    HUBEI = "hubei", _("Hubei")
    HUNAN = "hunan", _("Hunan")
    GUANGDONG = "guangdong", _("Guangdong")
    GUANGXI = "guangxi", _("Guangxi")
    HAINAN = "hainan", _("Hainan")
    CHONGQING = "chongqing", pgettext_lazy("province", "Chongqing")
    SICHUAN = "sichuan", _("Sichuan")
    GUIZHOU = "guizhou", _("Guizhou")
    YUNNAN = "yunnan", _("Yunnan")
    TIBET = "tibet", _("Tibet")
    SHAANXI = "shaanxi", _("Shaanxi")
    GANSU = "gansu", _("Gansu")
    QINGHAI = "qinghai", _("Qinghai")
    NINGXIA = "ningxia", _("Ningxia")
    XINJIANG = "xinjiang", _("Xinjiang")
    TAIWAN = "taiwan", _("Taiwan")
    HONG_KONG = "hong-kong", _("Hong Kong")
    MACAO = "macao", _("Macao")
    OUTSIDE = "outside", _("Outside China")


class EnquiryStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class EnquiryQuerySet(models.QuerySet):
    def expired(self, now=None):
        """Closed enquiries older than ENQUIRY_RETENTION_DAYS: what the privacy notice says we delete."""
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
        return self.filter(status=EnquiryStatus.CLOSED, created__lt=cutoff)


class VisitorContact(models.Model):
    """Who wrote to us and how to reach them, as a public form asks (an enquiry, a booking):
    a name, an e-mail or a phone (the form requires one), the province, the programme in mind."""

    name = models.CharField(pgettext_lazy("person", "name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    province = models.CharField(_("province"), max_length=20, choices=ProvinceChoice.choices)

    class Meta:
        abstract = True

    @staticmethod
    def programme_field(related_name, verbose_name):
        """The programme the visitor has in mind, if any (kept when the programme is deleted)."""
        return optional_link("pages.Programme", verbose_name, related_name=related_name)


class Enquiry(VisitorContact):
    programme = VisitorContact.programme_field("enquiries", _("programme"))
    question = models.TextField(_("question"), max_length=3000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EnquiryStatus.choices, default=EnquiryStatus.NEW, db_index=True
    )
    staff_notes = models.TextField(_("staff notes"), blank=True)
    mail_sent = models.BooleanField(
        _("mail sent"), default=False, help_text=_("Whether the office was e-mailed (False: read it here).")
    )

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def __str__(self):
        return f"{self.name} ({self.created:%Y-%m-%d})"

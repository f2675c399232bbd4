"""The names the admin shows for the packages' apps and models, in the editor's language.

Django cannot translate a package's name that is not marked for translation, or that is made
from a class name; and a name that says "django" means nothing to the institute's editors.
Those are named here. Our catalogue (locale/zh_Hans, ahead of the packages' in LOCALE_PATHS)
has the Chinese of these names, and of the packages' translatable names that ship no Chinese
(axes' models).
"""

from django.apps import apps
from django.db.models.signals import class_prepared
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

APP_NAMES = {
    "axes": _("Login protection"),
    "cms": _("Website pages"),
    "menus": _("Menus"),
    "djangocms_versioning": _("Versions"),
    "djangocms_alias": _("Reusable content"),
    "djangocms_text": _("Rich text"),
    "djangocms_link": _("Links"),
    "easy_thumbnails": _("Thumbnails"),
    # The staff's second factor (jeiweb/admin/second_factor/).
    "otp_totp": _("Authenticator apps"),
    "otp_static": _("Recovery codes"),
    "django_otp_webauthn": _("Passkeys"),
    "reversion": pgettext_lazy("the app of earlier versions", "History"),
}

# Models the packages name after their class or in their jargon: (singular, plural).
MODEL_NAMES = {
    "otp_totp.totpdevice": (_("authenticator app"), _("authenticator apps")),
    "otp_static.staticdevice": (_("set of recovery codes"), _("sets of recovery codes")),
    "otp_static.statictoken": (_("recovery code"), _("recovery codes")),
    "django_otp_webauthn.webauthncredential": (_("passkey"), _("passkeys")),
}


def name_version_proxy(sender, **kwargs):
    """djangocms-versioning makes a proxy model of its Version for each versioned content
    model, named after its class ("PageContentVersion"): name it after the content's name."""
    source = getattr(sender, "_source_model", None)
    if sender._meta.app_label != "djangocms_versioning" or source is None:
        return
    sender._meta.verbose_name = format_lazy(_("{content} version"), content=source._meta.verbose_name)
    sender._meta.verbose_name_plural = format_lazy(_("{content} versions"), content=source._meta.verbose_name)


def name_package_models():
    """Name the packages' apps, and their version models (djangocms-versioning makes those
    when django CMS is ready, after the admin)."""
    for label, name in APP_NAMES.items():
        apps.get_app_config(label).verbose_name = name
    for label, (singular, plural) in MODEL_NAMES.items():
        opts = apps.get_model(label)._meta
        opts.verbose_name, opts.verbose_name_plural = singular, plural
    for model in apps.get_app_config("djangocms_versioning").get_models():
        name_version_proxy(model)
    class_prepared.connect(name_version_proxy, dispatch_uid="name_version_proxy")

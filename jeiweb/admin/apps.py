from django.contrib.admin.apps import AdminConfig


class EditingAdminConfig(AdminConfig):
    """Django's admin app, with our site as the default one (jeiweb/admin/site.py)."""

    default_site = "jeiweb.admin.site.EditingSite"

    def ready(self):
        super().ready()  # every app's admin module registers its model admins on the site
        from cms.models import Page, Placeholder, UserSettings
        from django.contrib import admin
        from django_otp_webauthn.admin import WebAuthnCredentialAdmin
        from django_otp_webauthn.models import WebAuthnCredential
        from filer.models import File, Folder, Image

        from jeiweb.admin.cms_admins import RolePageAdmin, RolePlaceholderAdmin, RoleSettingsAdmin
        from jeiweb.admin.media import RoleFileAdmin, RoleFolderAdmin, RoleImageAdmin
        from jeiweb.admin.names import name_package_models
        from jeiweb.admin.related import register_translated_filters

        # The packages' admins, narrowed to what each role may read and enter.
        for model, model_admin in (
            (Page, RolePageAdmin),
            (Placeholder, RolePlaceholderAdmin),
            (UserSettings, RoleSettingsAdmin),
            (File, RoleFileAdmin),
            (Image, RoleImageAdmin),
            (Folder, RoleFolderAdmin),
            # The package defines it without registering it: a superuser removes a lost passkey here.
            (WebAuthnCredential, WebAuthnCredentialAdmin),
        ):
            admin.site.replace(model, model_admin)
        name_package_models()
        register_translated_filters()
        register_audit_trail()


def register_audit_trail():
    """django-reversion's revisions, read as the audit trail (jeiweb/admin/audit.py)."""
    from django.contrib import admin
    from django.utils.translation import gettext_lazy as _
    from reversion.models import Revision

    from jeiweb.admin.audit import AuditTrailAdmin

    Revision._meta.verbose_name = _("recorded change")
    Revision._meta.verbose_name_plural = _("audit trail")
    admin.site.replace(Revision, AuditTrailAdmin)

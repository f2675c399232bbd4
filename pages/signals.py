"""Keep the CMS page cache honest: pages render these records through plugins."""

from cms.cache import invalidate_cms_page_cache
from django.db.models.signals import post_delete, post_save
from parler.models import TranslatableModel


def register():
    from pages import models

    for model in (
        models.Programme,
        models.Committee,
        models.CommitteeMember,
        models.TeachingStaffProfile,
        models.SourceSchool,
        models.StudentBody,
        models.LearningResource,
        models.Accreditation,
        models.Milestone,
    ):
        # Text lives in the translation models: an edit to it alone must show at once too.
        senders = [model]
        if issubclass(model, TranslatableModel):
            senders.append(model._parler_meta.root_model)
        for sender in senders:
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(invalidate, sender=sender, dispatch_uid=f"invalidate-{sender._meta.label}-{name}")


def invalidate(**kwargs):
    # While fixtures load there is nothing cached yet; otherwise a staff edit shows at once.
    if kwargs.get("raw"):
        return
    invalidate_cms_page_cache()

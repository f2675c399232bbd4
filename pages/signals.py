"""Keep cached pages honest: CMS pages render these records through our plugins.

django CMS caches rendered placeholders and whole pages; it clears them when a page is
edited, not when a record that a plugin shows changes. So saving or deleting a record clears
the placeholders that hold one of our plugins, and the page cache.
"""

from cms.cache import invalidate_cms_page_cache
from cms.cache.placeholder import clear_placeholder_cache
from cms.models import CMSPlugin, Placeholder
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from parler.models import TranslatableModel

COLLEGE_PLUGINS = [
    "KeyFactsPlugin",
    "ProgrammeCardsPlugin",
    "TimelinePlugin",
    "CommitteePlugin",
    "ResourcesPlugin",
    "AccreditationsPlugin",
]


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
                signal.connect(
                    invalidate, sender=sender, dispatch_uid=f"invalidate-{sender._meta.label}-{name}"
                )


def invalidate(**kwargs):
    if kwargs.get("raw"):
        return
    placed = CMSPlugin.objects.filter(plugin_type__in=COLLEGE_PLUGINS).values_list(
        "placeholder_id", "language"
    )
    for placeholder_id, language in placed.distinct():
        clear_placeholder_cache(Placeholder(pk=placeholder_id), language, settings.SITE_ID)
    invalidate_cms_page_cache()

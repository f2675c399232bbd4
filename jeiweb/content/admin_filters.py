"""The admin's view of the publishing rule (jeiweb/content/publishing.py)."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeiweb.content.publishing import Status


class PublishingStateFilter(admin.SimpleListFilter):
    """Draft, scheduled (published with a future time) or published and visible (for a
    question, on a visible programme too: what visitors see)."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("draft", _("Draft")), ("scheduled", _("Scheduled")), ("published", _("Published"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "draft":
            return queryset.filter(status=Status.DRAFT)
        if self.value() == "scheduled":
            return queryset.visible(scheduled=True).exclude(pk__in=queryset.visible(now=now).values("pk"))
        if self.value() == "published":
            return queryset.visible(now=now)
        return queryset

"""History and no lost updates in every model admin of site content (`HistoryAdmin`).

- **History** (django-reversion's VersionAdmin): every save from the admin stores a revision
  with its user and comment; deleting stores one too (so the record can be recovered from
  "Recover deleted …" with its children and translations, and the audit trail says who deleted
  it). The history page lists the revisions, newest first, each with what it changed in each
  language; any of them can be restored, which the page cache and the search index hear of
  (jeiweb/content/history.py).
- **No lost update**: the change form carries the version it was opened on (a hidden
  `_history_version`). Saving over a record that has a newer version since is refused with a
  form error: what the editor typed stays in the form, and the changes made meanwhile are shown
  above it; text fields the editor had not touched take the other save's text. The form then
  carries the newer version, so saving again is a deliberate choice that keeps both changes.
"""

from dataclasses import dataclass

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from jeiweb.content.changes import LinkedNames, compare, field_of, state, versions_of_revisions
from jeiweb.content.history import (
    BASELINE,
    DELETED,
    announce_restored,
    describe,
    history_comment,
    latest_version,
    record_state,
)

TOKEN = "_history_version"
HISTORY_PAGE_SIZE = 50


def token_of(version):
    return str(version.pk) if version is not None else "0"


@dataclass
class Conflict:
    """The record changed after the editor opened the form."""

    obj: object
    opened: str  # the token the form was opened on
    current: object  # the newest Version

    def opened_version(self):
        """The version the form showed. A record without history when its form was opened
        ("0") was as its oldest version says: the state kept before the first recorded save."""
        versions = Version.objects.get_for_object(self.obj)
        if self.opened == "0":
            return versions.order_by("pk").first()
        return versions.filter(pk=self.opened).first() if self.opened.isdigit() else None

    def keep_their_changes(self, posted, language):
        """The posted form, with the other save's text in the fields this editor left as they
        were: saving again keeps both people's changes, not the stale text of the form."""
        opened = self.opened_version()
        if opened is None or self.current is None:
            return posted
        by_revision = versions_of_revisions([opened.revision_id, self.current.revision_id])
        key = (type(self.obj), str(self.obj.pk))
        before = state(by_revision[opened.revision_id]).get(key)
        after = state(by_revision[self.current.revision_id]).get(key)
        if before is None or after is None:
            return posted
        merged = posted.copy()
        for (name, field_language), theirs in after.values.items():
            if field_language not in (None, language) or name not in posted or not is_text(self.obj, name):
                continue
            was = before.values.get((name, field_language))
            typed = posted.get(name, "").replace("\r\n", "\n").strip()
            if theirs != was and typed == (was or "").strip():
                merged[name] = theirs or ""
        return merged

    def changes(self):
        """What changed between the version the form was opened on and the current one."""
        opened = self.opened_version()
        if opened is None or self.current is None:
            return []
        by_revision = versions_of_revisions([opened.revision_id, self.current.revision_id])
        before, after = state(by_revision[opened.revision_id]), state(by_revision[self.current.revision_id])
        return compare(before, after)


def is_text(obj, name):
    """A plain text field (of the record or of its translations), compared as typed."""
    from django.db import models

    model_field = field_of(type(obj), name)
    return isinstance(model_field, models.CharField | models.TextField) and not model_field.choices


class HistoryAdmin(VersionAdmin):
    """The base of our model admins of site content (jeiweb/admin/translations.py)."""

    object_history_template = "admin/history/object_history.html"
    history_latest_first = True

    # History

    def history_view(self, request, object_id, extra_context=None):
        """Each revision of the record, newest first, with what it changed in each language:
        a bounded number of queries per page, however long the history."""
        if not self.has_view_or_change_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        versions = Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk")
        page = Paginator(versions, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        shown = list(page.object_list)
        # The version before the page's oldest, to tell what that one changed.
        older = versions.filter(pk__lt=shown[-1].pk).first() if shown else None
        by_revision = versions_of_revisions([v.revision_id for v in [*shown, *([older] if older else [])]])
        states = {revision_id: state(found) for revision_id, found in by_revision.items()}
        names = LinkedNames(states.values())
        rows = []
        for index, version in enumerate(shown):
            previous = shown[index + 1] if index + 1 < len(shown) else older
            after = states.get(version.revision_id, {})
            before = states.get(previous.revision_id, {}) if previous else None
            rows.append(
                {
                    "version": version,
                    "revision": version.revision,
                    "comment": describe(version.revision),
                    "changes": compare(before, after, names) if before is not None else None,
                    "url": self._revision_url(obj, version),
                }
            )
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change history: %s") % obj,
            "subtitle": None,
            "rows": rows,
            "page_obj": page,
            "module_name": str(opts.verbose_name_plural).capitalize(),
            "object": obj,
            "opts": opts,
            "preserved_filters": self.get_preserved_filters(request),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def _revision_url(self, obj, version):
        from django.urls import reverse

        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, version.pk]
        )

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        """Restoring (a revision or a deleted record): saved raw, so announce it."""
        request._history_restoring = True
        response = super()._reversion_revisionform_view(request, version, template_name, extra_context)
        if request.method == "POST" and response.status_code == 302:
            announce_restored(version.revision)
        return response

    def get_form_language(self, request, obj=None):
        """A version being restored is shown in a language it has (a FAQ once only in English
        is restored from its English form, whatever the admin's language)."""
        language = super().get_form_language(request, obj)
        if getattr(request, "_history_restoring", False) and obj is not None:
            available = obj.get_available_languages()
            if available and language not in available:
                return available[0]
        return language

    # Deleting keeps the record's last state (with its children and translations).

    def delete_model(self, request, obj):
        self._record_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._record_deletion(request, obj)
        super().delete_queryset(request, queryset)

    @staticmethod
    def _record_deletion(request, obj):
        """The record as it was, named in the editor's language (the list of deleted records
        shows that name)."""
        if hasattr(obj, "set_current_language"):
            obj.set_current_language(get_language())
        record_state(obj, user=request.user, comment=history_comment(DELETED))

    # No lost update

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and not getattr(request, "_history_restoring", False):
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                latest = latest_version(obj)
                opened = request.POST.get(TOKEN)
                # A form without the token (opened before this was deployed) is not checked.
                if opened is not None and opened != token_of(latest):
                    request._history_conflict = conflict = Conflict(obj, opened, latest)
                    request.POST = conflict.keep_their_changes(
                        request.POST, self.get_form_language(request, obj)
                    )
                elif latest is None:
                    # Its first recorded change: keep what it was before, to restore it.
                    record_state(obj, comment=history_comment(BASELINE))
        return super().change_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if getattr(request, "_history_conflict", None) is None:
            return form

        class RefusedForm(form):
            def clean(self):
                cleaned_data = super().clean()
                raise ValidationError(
                    _(
                        "Someone else saved this record after you opened it. Your changes are "
                        "still in the form below, not saved; what changed meanwhile is shown "
                        "above. Compare, then save again to keep your version."
                    ),
                    code="conflict",
                )
                return cleaned_data  # pragma: no cover

        return RefusedForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        conflict = getattr(request, "_history_conflict", None)
        if change and obj is not None and not getattr(request, "_history_restoring", False):
            if conflict is not None:  # saving again is a deliberate choice
                token = token_of(conflict.current)
            elif request.method == "POST":  # another form error: still the version it was opened on
                token = request.POST.get(TOKEN) or token_of(latest_version(obj))
            else:
                token = token_of(latest_version(obj))
            context["history_token_name"] = TOKEN
            context["history_token"] = token
            context["history_conflict"] = conflict
            context["history_conflict_changes"] = conflict.changes() if conflict else []
            context["history_base_template"] = getattr(
                self, "default_change_form_template", "admin/change_form.html"
            )
            context["default_change_form_template"] = "admin/history/change_form.html"
        return super().render_change_form(request, context, add, change, form_url, obj)

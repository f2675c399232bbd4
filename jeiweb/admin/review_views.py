"""The approvers' screens: what awaits review, and the decision on one record.

An approver of a model holds its publish permission (jeiweb/content/review.py). The queue
lists every submitted record of the reviewable models they approve, oldest first; the review
page links to the record's preview at its real address in each of its languages (the public
template, shown to staff as a preview, never cached) and approves it (publishes it, or
schedules it when its publication time is still to come) or returns it with a comment.
"""

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from jeiweb.admin.review import notify_writer, review_url
from jeiweb.content.review import Reviewable, ReviewState, may_approve


def approved_models(user):
    """The reviewable models registered in the admin whose submissions `user` approves."""
    return [
        model for model in admin.site._registry if issubclass(model, Reviewable) and may_approve(user, model)
    ]


def awaiting_review(model):
    return model._default_manager.filter(review_state=ReviewState.SUBMITTED)


def review_count(user):
    """How many records wait for this approver (None: not an approver of anything)."""
    models = approved_models(user)
    return sum(awaiting_review(model).count() for model in models) if models else None


def review_queue_view(request):
    models = approved_models(request.user)
    if not models:
        raise PermissionDenied
    sections = []
    for model in models:
        records = (
            awaiting_review(model)
            .select_related("submitted_by")
            .prefetch_related("translations")
            .order_by("submitted_at", "pk")
        )
        rows = [{"record": record, "url": review_url(record)} for record in records]
        sections.append({"name": model._meta.verbose_name_plural, "rows": rows})
    context = {
        **admin.site.each_context(request),
        "title": _("Awaiting review"),
        "sections": sections,
        "count": sum(len(section["rows"]) for section in sections),
    }
    return TemplateResponse(request, "admin/review/queue.html", context)


class DecisionForm(forms.Form):
    """Approve, or return with a comment (which the writer reads in their e-mail)."""

    APPROVE, RETURN = "approve", "return"

    decision = forms.ChoiceField(choices=[(APPROVE, _("Approve")), (RETURN, _("Return to the writer"))])
    comment = forms.CharField(
        label=_("Comment for the writer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("Needed to return it: say what to change."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == self.RETURN and not cleaned_data.get("comment", "").strip():
            self.add_error("comment", _("Say what the writer should change."))
        return cleaned_data


def language_name(code):
    return get_language_info(code)["name_translated"]


def reviewed_record(request, app_label, model_name, pk):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if not issubclass(model, Reviewable) or not admin.site.is_registered(model):
        raise Http404
    if not may_approve(request.user, model):
        raise PermissionDenied
    return get_object_or_404(model._default_manager.prefetch_related("translations"), pk=pk)


def review_record_view(request, app_label, model_name, pk):
    record = reviewed_record(request, app_label, model_name, pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not record.is_awaiting_review:
            messages.warning(request, _("“%(record)s” is no longer waiting for review.") % {"record": record})
            return redirect("admin:review-queue")
        if form.is_valid():
            if form.cleaned_data["decision"] == DecisionForm.APPROVE:
                record.approve(request.user)
                scheduled = record.is_scheduled_on_approval()
                done = _("“%(record)s” is scheduled.") if scheduled else _("“%(record)s” is published.")
            else:
                record.return_to_writer(request.user, form.cleaned_data["comment"].strip())
                done = _("“%(record)s” is returned to the writer.")
            notify_writer(record, request)
            messages.success(request, done % {"record": record})
            return redirect("admin:review-queue")
    opts = record._meta
    previews = [
        {"language": language_name(code), "code": code, "url": record.get_absolute_url(code)}
        for code in sorted(record.get_available_languages())
    ]
    context = {
        **admin.site.each_context(request),
        "title": _("Review: %(record)s") % {"record": record},
        "record": record,
        "opts": opts,
        "previews": previews,
        "form": form,
        "scheduled": record.is_scheduled_on_approval(),
    }
    return TemplateResponse(request, "admin/review/record.html", context)

"""The admin side of review before publishing (the rule itself: jeiweb/content/review.py).

`ReviewedAdmin` is mixed into the model admin of every reviewable model (articles, events). For
a writer (who may not publish the model) the status is read-only, a published or submitted record
cannot be changed or deleted, and a save that would change the status is refused whatever the
POST says; the form offers "Submit for review" instead. An approver who publishes a submitted
record through its form approves it, as the review page does (jeiweb/admin/review_views.py).
"""

import logging

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from jeiweb.content.publishing import Status
from jeiweb.content.review import ReviewState, may_approve, may_publish, review_required

log = logging.getLogger(__name__)

# The name of the form's "Submit for review" button (templates/admin/submit_line.html).
SUBMIT_FOR_REVIEW = "_submit_for_review"


def review_url(record):
    """The approver's page of one submitted record: preview links, approve, return."""
    opts = record._meta
    return reverse("admin:review-record", args=[opts.app_label, opts.model_name, record.pk])


def notify_writer(record, request):
    """Tell the writer, in the language they submitted in, that their record was approved or
    returned, with a link to it in the admin. Sent once the decision is committed."""
    writer = record.submitted_by
    if writer is None or not writer.email:
        return
    language = record.submitted_language or settings.LANGUAGE_CODE
    opts = record._meta
    with translation.override(language):
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        context = {
            "record": record,
            "title": str(record),
            "kind": opts.verbose_name,
            "reviewer": request.user.get_full_name() or request.user.get_username(),
            "url": request.build_absolute_uri(f"{change_url}?language={language}"),
            "scheduled": record.is_scheduled_on_approval(),
        }
        template = f"admin/review/mail_{record.review_state}"
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(subject, body, to=[writer.email])

    def send():
        try:
            message.send()
        except Exception:  # the decision stands; the writer also sees it on the record's form
            log.exception("Review of %s %s saved, but the writer could not be mailed", opts.label, record.pk)

    transaction.on_commit(send)


class ReviewedAdmin:
    """Mixed into the ModelAdmin of a `Reviewable` model, before its admin base."""

    def may_publish(self, request):
        return may_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "review_summary"]
        if not self.may_publish(request):
            fields.append("status")  # a writer's records stay drafts
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or (obj.review_state == ReviewState.NOT_SUBMITTED and not review_required()):
            return fieldsets
        return [*fieldsets, (_("Review"), {"fields": ["review_summary"]})]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or self.may_publish(request):
            return allowed
        return obj.is_writable_by_writer()

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if not allowed or obj is None or self.may_publish(request):
            return allowed
        return obj.is_writable_by_writer()

    def save_model(self, request, obj, form, change):
        user = request.user
        if not self.may_publish(request):
            stored = self.model.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
            if obj.status != (stored if change and stored else Status.DRAFT):
                raise PermissionDenied  # a forged status: the form never offers it to a writer
            if SUBMIT_FOR_REVIEW in request.POST and review_required():
                obj.submit_for_review(user, translation.get_language())
                message = _("“%(record)s” is submitted for review: an approver will publish it or return it.")
                self.message_user(request, message % {"record": obj}, messages.SUCCESS)
            return super().save_model(request, obj, form, change)
        approving = obj.is_awaiting_review and obj.status == Status.PUBLISHED
        super().save_model(request, obj, form, change)
        if approving:  # published through its form: that is the approval
            obj.approve(user)
            notify_writer(obj, request)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_submit_for_review"] = (
            review_required()
            and not self.may_publish(request)
            and (add or self.has_change_permission(request, obj))
        )
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only, in every language tab: parler offers a missing translation's tab as an
            # addition, with save buttons a writer's POST would only meet with a 403.
            context.update(show_save=False, show_save_and_continue=False, show_save_and_add_another=False)
        if obj is not None and obj.is_awaiting_review and may_approve(request.user, self.model):
            context["review_url"] = review_url(obj)  # the approver's way to the review page
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("review"))
    def review_summary(self, obj):
        """Where the record is in review: who submitted it, who decided, the comment."""
        if obj is None or obj.pk is None:
            return "–"
        lines = [obj.get_review_state_display()]
        if obj.submitted_at:
            lines.append(
                _("Submitted by %(user)s on %(time)s")
                % {"user": obj.submitted_by or "–", "time": _local(obj.submitted_at)}
            )
        if obj.reviewed_at and obj.review_state != ReviewState.SUBMITTED:
            lines.append(
                _("Reviewed by %(user)s on %(time)s")
                % {"user": obj.reviewed_by or "–", "time": _local(obj.reviewed_at)}
            )
        summary = format_html_join("", "<p>{}</p>", ((line,) for line in lines))
        if obj.review_comment:
            comment = mark_safe(linebreaks(obj.review_comment, autoescape=True))  # escaped by linebreaks
            summary += format_html('<div class="review-comment">{}</div>', comment)
        return summary


def _local(moment):
    return date_format(localtime(moment), "DATETIME_FORMAT")

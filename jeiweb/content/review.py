"""Review before publishing (the two-person rule): who may publish, and where a record is in review.

The publishing rule (jeiweb/content/publishing.py) stays the only rule of what visitors see:
`status` and `publication_start`. Review is a separate concern, kept here: a `Reviewable`
record also remembers whether a writer submitted it, and whether an approver returned it
(with a comment) or approved it, who and when. Nothing a visitor sees reads these fields.

Who may publish a reviewable model is who holds its `<app_label>.publish_<model_name>`
permission (the approvers: jeiweb/admin/roles.py); the others write drafts and submit them.
With `REVIEW_REQUIRED` off (a one-person office), whoever may change a record may publish it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeiweb.content.fields import staff_account_field
from jeiweb.content.history import record_state
from jeiweb.content.publishing import Status


def review_required():
    return settings.REVIEW_REQUIRED


def publish_permission(model):
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def may_publish(user, model):
    """May `user` publish or schedule records of `model` (and approve what writers submit)?"""
    if not review_required():
        return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    return user.has_perm(publish_permission(model))


def may_approve(user, model):
    """An approver of `model`: the two-person rule's second pair of eyes."""
    return user.has_perm(publish_permission(model))


class ReviewState(models.TextChoices):
    NOT_SUBMITTED = "", _("Not submitted")
    SUBMITTED = "submitted", _("Awaiting review")
    RETURNED = "returned", _("Returned to the writer")
    APPROVED = "approved", _("Approved")


class Reviewable(models.Model):
    """A `Publishable` record that writers submit for review and approvers publish or return.

    The model declares the permission `publish_<model_name>` (in its Meta) that makes an approver.
    The e-mail that tells the writer of the outcome is in the language the writer submitted in
    (`submitted_language`: the language of the admin they used), so no language is stored per user.
    """

    review_state = models.CharField(
        _("review"),
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.NOT_SUBMITTED,
        blank=True,
        db_index=True,  # the review queue, and its count on the admin index
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    submitted_by = staff_account_field(_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_language = models.CharField(_("language of the writer"), max_length=15, blank=True)
    reviewed_by = staff_account_field(_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    REVIEW_FIELDS = [
        "status",
        "review_state",
        "review_comment",
        "submitted_by",
        "submitted_at",
        "submitted_language",
        "reviewed_by",
        "reviewed_at",
    ]

    class Meta:
        abstract = True

    @property
    def is_awaiting_review(self):
        return self.review_state == ReviewState.SUBMITTED

    def is_writable_by_writer(self):
        """A writer (who may not publish) changes a draft that is not waiting for review."""
        return self.status == Status.DRAFT and not self.is_awaiting_review

    def submit_for_review(self, user, language, now=None):
        """Mark the draft as submitted by `user`, writing in `language` (the caller saves)."""
        self.review_state = ReviewState.SUBMITTED
        self.review_comment = ""
        self.submitted_by = user
        self.submitted_at = now or timezone.now()
        self.submitted_language = language
        self.reviewed_by = self.reviewed_at = None

    def approve(self, user, now=None):
        """Publish it: at once, or from its publication time if that is still to come (scheduled)."""
        self.status = Status.PUBLISHED
        self.review_state = ReviewState.APPROVED
        self.reviewed_by = user
        self.reviewed_at = now or timezone.now()
        self.save(update_fields=self.REVIEW_FIELDS)
        # In its history like any save, so that an editor with the form still open is warned.
        record_state(self, user, _("Approved"))

    def return_to_writer(self, user, comment, now=None):
        """Send it back as a draft with the approver's comment."""
        self.status = Status.DRAFT
        self.review_state = ReviewState.RETURNED
        self.review_comment = comment
        self.reviewed_by = user
        self.reviewed_at = now or timezone.now()
        self.save(update_fields=self.REVIEW_FIELDS)
        record_state(self, user, _("Returned to the writer: %(comment)s") % {"comment": comment})

    def is_scheduled_on_approval(self, now=None):
        """Whether approving it now schedules it rather than publishing it at once."""
        return self.publication_start > (now or timezone.now())

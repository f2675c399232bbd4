"""Model fields that records of several apps declare alike."""

from django.conf import settings
from django.db import models


def staff_account_field(verbose_name, related_name="+"):
    """The staff account that wrote, submitted or reviewed a record: optional, and emptied
    (the record kept) when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
    )

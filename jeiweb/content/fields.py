"""Model fields that records of several apps declare alike."""

from django.conf import settings
from django.db import models


def optional_link(to, verbose_name, *, related_name, **kwargs):
    """A foreign key that may stay empty, and is emptied (the record kept) when what it points
    to is deleted: a person's school, a milestone's programme, an event's article…"""
    return optional_key(to, models.SET_NULL, verbose_name, related_name, **kwargs)


def optional_owner(to, verbose_name, *, related_name=None, **kwargs):
    """A foreign key that may stay empty, and whose record is deleted with what it points to:
    a programme's question (empty: one about the institute), a block limited to one committee…"""
    return optional_key(to, models.CASCADE, verbose_name, related_name, **kwargs)


def optional_key(to, on_delete, verbose_name, related_name, **kwargs):
    """A foreign key that may stay empty; what becomes of its record is the caller's `on_delete`."""
    return models.ForeignKey(
        to,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **kwargs,
    )


def staff_account_field(verbose_name, related_name="+"):
    """The staff account that wrote, submitted or reviewed a record."""
    return optional_link(settings.AUTH_USER_MODEL, verbose_name, related_name=related_name)

"""The enquiry flow: rate limit, store first, then mail the office and confirm to the visitor.

An enquiry is saved before any mail is attempted and mail is sent only after the transaction
commits, so a mail server that is down loses nothing: the failure is logged, the enquiry keeps
`mail_sent=False`, and staff read it in the admin inbox.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from jeiweb.security.rate_limits import RateLimit
from pages.models import ContactKind, ContactPoint, Enquiry

log = logging.getLogger(__name__)


# Enquiries per visitor address per window (jeiweb/security/rate_limits.py).
RATE_LIMIT = RateLimit("enquiry", "ENQUIRY_RATE_LIMIT", "ENQUIRY_RATE_WINDOW_SECONDS")


def rate_limited(address):
    """Whether this address has sent ENQUIRY_RATE_LIMIT enquiries within the window."""
    return RATE_LIMIT.exceeded(address)


def count_submission(address):
    """One more enquiry from this address; the window starts with the first one."""
    RATE_LIMIT.count(address)


def recipients():
    """Who reads enquiries: ENQUIRY_RECIPIENTS, else the admissions office's e-mail, else ADMINS."""
    if settings.ENQUIRY_RECIPIENTS:
        return list(settings.ENQUIRY_RECIPIENTS)
    offices = ContactPoint.objects.filter(kind=ContactKind.ADMISSIONS).exclude(email="")
    office = offices.order_by("order", "pk").first()
    if office:
        return [office.email]
    return [address for _name, address in settings.ADMINS]


def submit(form, language):
    """Store the enquiry of a valid form; its mails go out once it is committed."""
    with transaction.atomic():
        enquiry = form.save(commit=False)
        enquiry.language = language
        enquiry.save()
        transaction.on_commit(lambda: send_mails(enquiry.pk))
    return enquiry


def message(template, enquiry, to, connection, **kwargs):
    context = {"enquiry": enquiry}
    subject = render_to_string(f"pages/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"pages/email/{template}.txt", context)
    return EmailMessage(subject, body, to=to, connection=connection, **kwargs)


def send_mails(pk):
    """Mail the office (in English: staff read both) and confirm to the visitor in their language.

    Returns whether the office was mailed; any failure is logged and leaves `mail_sent` False."""
    enquiry = Enquiry.objects.select_related("programme").get(pk=pk)
    office = recipients()
    try:
        connection = get_connection()
        messages = []
        if office:
            reply_to = [enquiry.email] if enquiry.email else None
            with translation.override(settings.LANGUAGE_CODE):
                messages.append(message("enquiry_office", enquiry, office, connection, reply_to=reply_to))
        if enquiry.email:
            with translation.override(enquiry.language):
                messages.append(message("enquiry_confirmation", enquiry, [enquiry.email], connection))
        connection.send_messages(messages)
    except Exception:  # whatever the mail server does: the enquiry is stored, staff see it in the admin
        log.exception("Enquiry %s stored, but its mail could not be sent", pk)
        return False
    Enquiry.objects.filter(pk=pk).update(mail_sent=bool(office))
    return bool(office)

"""An e-mail backend that fails like a mail server that is down (for the enquiry tests)."""

from django.core.mail.backends.base import BaseEmailBackend


class BrokenEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused (the test's mail server is down)")

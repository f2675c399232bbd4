"""Remind each confirmed booking, once, BOOKING_REMINDER_HOURS before its event starts.

Run it every few minutes (cron or a systemd timer; the README shows both):
`python manage.py send_booking_reminders`. Two runs at once never send a reminder twice.
"""

from django.core.management.base import BaseCommand

from news.bookings.mail import send_reminders


class Command(BaseCommand):
    help = "Send the reminders of bookings whose event starts within BOOKING_REMINDER_HOURS (once each)."

    def handle(self, *args, **options):
        self.stdout.write(f"sent {send_reminders()} booking reminders")

"""Bookings of events (news/bookings/): reminders, retention and the booking form's rate limit."""

import environ

env = environ.Env()

# `manage.py send_booking_reminders` (cron or a systemd timer, every few minutes) reminds each
# confirmed booking once, this many hours before its event starts.
BOOKING_REMINDER_HOURS = env.int("BOOKING_REMINDER_HOURS", default=24)
# Days after its event that a booking is kept; `manage.py purge_bookings` deletes older ones
# (the privacy notice says so).
BOOKING_RETENTION_DAYS = env.int("BOOKING_RETENTION_DAYS", default=90)
# Bookings one visitor address may make per window (seconds), as for enquiries: no CAPTCHA.
BOOKING_RATE_LIMIT = env.int("BOOKING_RATE_LIMIT", default=5)
BOOKING_RATE_WINDOW_SECONDS = env.int("BOOKING_RATE_WINDOW_SECONDS", default=3600)

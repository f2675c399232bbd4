"""Events as iCalendar (RFC 5545) files, for visitors' calendars."""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as CalendarEvent


def calendar_for(events, absolute_url, name):
    """The events as one calendar; `absolute_url(path)` makes an event's address absolute
    (`request.build_absolute_uri` on a page, the site's domain in a mail)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//news//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(name))
    now = timezone.now()
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{settings.SITE_DOMAIN}")
        entry.add("dtstamp", now)
        # Times in UTC: every calendar converts them to its reader's time zone.
        entry.add("dtstart", event.start.astimezone(UTC))
        entry.add("dtend", event.end.astimezone(UTC))
        entry.add("summary", event.title)
        entry.add("description", strip_tags(event.description or "").strip())
        if event.location:
            entry.add("location", event.location)
        entry.add("url", absolute_url(event.get_absolute_url()))
        calendar.add_component(entry)
    return calendar.to_ical()

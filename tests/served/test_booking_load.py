"""No load ever books more places than an event has: 60 visitors book at once, through two real
gunicorn workers sharing PostgreSQL, for an event of 10 places; exactly 10 places are taken and
everyone else is on the waiting list, in the order their bookings were stored.

PostgreSQL only (the row lock is what is tested; SQLite runs one writer at a time anyway).
"""

import os
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import environ
import psycopg2
import pytest

from news.bookings.models import Booking, BookingStatus
from tests.support.server import served_site

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="the row lock is PostgreSQL's (DATABASE_URL=postgres://...)",
)

VISITORS = 60
CAPACITY = 10

EVENT = f"""
from datetime import timedelta
from django.utils import timezone
from news.models import Event, EventRegistration
start = timezone.now() + timedelta(days=10)
event = Event(status="published", start=start, end=start + timedelta(hours=3))
names = (("en", "Open day", "load-open-day"), ("zh-hans", "校园开放日", "load-open-day-zh"))
for language, title, slug in names:
    event.set_current_language(language)
    event.title, event.slug = title, slug
    event.save()
EventRegistration.objects.create(event=event, enabled=True, capacity={CAPACITY}, max_places_per_booking=4)
"""


def stored_bookings(database_url):
    """Every booking's (status, places) in the order they were stored, read from the site's
    database here (no `manage.py shell`: a process importing Django for one query)."""
    config = environ.Env.db_url_config(database_url)
    connection = psycopg2.connect(
        dbname=config["NAME"],
        user=config["USER"],
        password=config["PASSWORD"],
        host=config["HOST"],
        port=config["PORT"],
    )
    try:
        with connection.cursor() as cursor:
            table, key = Booking._meta.db_table, Booking._meta.pk.column
            cursor.execute(f"SELECT status, places FROM {table} ORDER BY created, {key}")
            return [tuple(row) for row in cursor.fetchall()]
    finally:
        connection.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def site(tmp_path_factory, site_seed):
    """Its own served site: two gunicorn workers, one cache, and no rate limit in the way (all
    60 visitors come from 127.0.0.1)."""
    workdir = tmp_path_factory.mktemp("bookings")
    environment = {"CACHE_URL": f"filecache://{workdir / 'cache'}", "BOOKING_RATE_LIMIT": "1000"}
    with served_site(workdir, site_seed, environment=environment) as served:
        served.manage("shell", "-c", EVENT)
        yield served


def test_sixty_simultaneous_bookings_for_ten_places_take_exactly_ten(site):
    url = site.url + "/en/news-events/events/load-open-day/"
    assert "10 places left" in urllib.request.urlopen(url, timeout=30).read().decode()
    opener = urllib.request.build_opener(NoRedirect)
    start = threading.Barrier(VISITORS)

    def book(number):
        data = urllib.parse.urlencode(
            {
                "name": f"Family {number}",
                "relation": "parent",
                "places": "1",
                "phone": f"138{number:08d}",
                "province": "chongqing",
                "consent": "on",
            }
        ).encode()
        start.wait()
        try:
            return opener.open(url, data=data, timeout=120).status
        except urllib.error.HTTPError as answer:
            return answer.code

    with ThreadPoolExecutor(VISITORS) as pool:
        statuses = list(pool.map(book, range(VISITORS)))

    assert statuses == [302] * VISITORS  # each one stored and sent to its booking's page
    rows = stored_bookings(site.environment["DATABASE_URL"])
    assert sum(places for status, places in rows if status == BookingStatus.CONFIRMED) == CAPACITY
    statuses_in_order = [status for status, _places in rows]
    assert len(statuses_in_order) == VISITORS
    # The first ten stored are the confirmed ones: the waiting list is in arrival order.
    assert statuses_in_order == ["confirmed"] * CAPACITY + ["waiting"] * (VISITORS - CAPACITY)
    # Every worker's next reader sees the event full (the content version moved in the shared cache).
    page = urllib.request.urlopen(url, timeout=30).read().decode()
    assert "All places are taken" in page and "Join the waiting list" in page

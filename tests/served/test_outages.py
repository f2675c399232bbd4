"""The site survives a Redis outage: served by gunicorn, its cache on a Redis of our own that we stop.

The cache fails open (django-redis's IGNORE_EXCEPTIONS with short timeouts): while Redis is
down every page renders from the database, the log gets one warning per worker for the whole
outage, and the cache is used again as soon as Redis returns, without a restart.
"""

import logging
import re
import time
import urllib.error
import urllib.request

from jeiweb.cache.outages import OncePerOutage
from tests.conftest import PROXIED

# CMS pages (served from the CMS page cache), apphook pages, search and a feed.
PATHS = (
    "/en/",
    "/zh-hans/",
    "/en/about/",
    "/en/programmes/",
    "/zh-hans/zhuanye/linchuang-yixue/",
    "/en/news-events/",
    "/en/milestones/",
    "/en/search/?q=medicine",
)
WARNING = "Cache unavailable, serving from the database"


def status_of(url):
    request = urllib.request.Request(url, headers=PROXIED)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def request_every_page(site_url, rounds):
    """Statuses of `rounds` passes over PATHS, and the slowest request in seconds."""
    statuses, slowest = [], 0.0
    for _ in range(rounds):
        for path in PATHS:
            started = time.monotonic()
            statuses.append(status_of(site_url + path))
            slowest = max(slowest, time.monotonic() - started)
    return statuses, slowest


def failures(statuses):
    return sum(status != 200 for status in statuses)


def cache_warnings(log_path, since=0):
    """The cache warnings in gunicorn's log (from byte `since` on), as {worker process id: count}."""
    counts = {}
    with open(log_path, "rb") as log:
        log.seek(since)
        lines = log.read().decode(errors="replace").splitlines()
    for line in lines:
        if WARNING in line:
            worker = re.search(r"\[(\d+)\]", line).group(1)
            counts[worker] = counts.get(worker, 0) + 1
    return counts


def test_pages_answer_200_while_redis_is_down_and_the_cache_works_again_after(production_site, private_redis):
    site_url = production_site.url
    before, _ = request_every_page(site_url, 2)
    assert failures(before) == 0
    assert private_redis.client().dbsize() > 0, "the pages were not cached in Redis"

    log_start = production_site.log.stat().st_size  # other tests' outages came before
    time.sleep(6)  # any earlier outage (another test's) is over: CACHE_OUTAGE_QUIET_SECONDS is 5
    private_redis.stop()
    try:
        during, slowest = request_every_page(site_url, 4)
    finally:
        private_redis.start()  # an empty Redis, as after a crash: nothing was saved
    after, _ = request_every_page(site_url, 2)

    print(
        f"\nRedis down: {failures(during)} of {len(during)} failed (slowest {slowest:.3f} s); "
        f"after: {failures(after)} of {len(after)} failed; "
        f"warnings per worker: {cache_warnings(production_site.log, log_start)}"
    )
    assert failures(during) == 0, f"{failures(during)} of {len(during)} requests failed while Redis was down"
    assert failures(after) == 0, f"{failures(after)} of {len(after)} requests failed after Redis returned"
    # A refused connection costs nothing like a request's time budget.
    assert slowest < 10
    # The cache is used again by itself: the pages just served were stored in the new Redis.
    assert private_redis.client().dbsize() > 0
    # One warning per worker for the whole outage, not one per request or per cache call.
    warnings = cache_warnings(production_site.log, log_start)
    assert warnings, "the outage was not logged"
    assert set(warnings.values()) == {1}, warnings


def test_a_hanging_redis_costs_timeouts_not_errors(production_site, private_redis):
    """A Redis that accepts connections but never answers (stopped with SIGSTOP)."""
    import signal

    private_redis.process.send_signal(signal.SIGSTOP)
    try:
        statuses, slowest = request_every_page(production_site.url, 1)
    finally:
        private_redis.process.send_signal(signal.SIGCONT)
    print(f"\nRedis hanging: {failures(statuses)} of {len(statuses)} failed, slowest {slowest:.3f} s")
    assert failures(statuses) == 0
    assert slowest < 10


def test_the_outage_filter_passes_one_record_per_outage():
    now = [0.0]
    once = OncePerOutage(quiet_seconds=60, clock=lambda: now[0])
    record = logging.LogRecord("jeiweb.cache", logging.ERROR, __file__, 1, "Exception ignored", (), None)

    passed = []
    for second in (0, 1, 30, 89, 100):  # one outage: never 60 s without a failure
        now[0] = second
        passed.append(once.filter(record))
    now[0] = 200  # 100 s of silence: the cache was back; this is a new outage
    passed.append(once.filter(record))

    assert passed == [True, False, False, False, False, True]
    assert record.levelname == "WARNING"

"""The cache's circuit breaker (jeiweb/cache/breaker.py): a hung Redis costs one timeout per window.

The state machine is driven by an injected clock; the cache backend runs against a Redis of our
own, frozen with SIGSTOP (hung, not down) or killed, and against a port where nothing listens.
"""

import logging
import shutil
import threading
import time

import pytest
from django.core.cache import cache as default_cache

from jeiweb.cache.breaker import CLOSED, PROBE, SKIP, BreakerRedisCache, CircuitBreaker
from jeiweb.cache.pages import VERSION_KEY
from tests.support.server import PrivateRedis, free_port

WINDOW = 5.0
SOCKET_TIMEOUT = 0.2


class Clock:
    """A monotonic clock that moves only when told (time-machine does not move `monotonic`)."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("no redis-server (apt-get install -y redis-server)")
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


def backend(location, clock):
    """The cache as settings make it for a Redis URL; each location has its own breaker."""
    cache = BreakerRedisCache(
        location,
        {
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": SOCKET_TIMEOUT,
                "BREAKER_SECONDS": WINDOW,
                "STAND_IN_MAX_ENTRIES": 50,
            }
        },
    )
    cache.breaker.clock = clock
    return cache


def timed(call, *args):
    started = time.monotonic()
    result = call(*args)
    return result, time.monotonic() - started


# The state machine.


def test_the_breaker_opens_on_the_first_failure_with_one_warning(clock, caplog):
    breaker = CircuitBreaker(WINDOW, clock)
    assert breaker.admit() is CLOSED
    with caplog.at_level(logging.INFO, logger="jeiweb.cache"):
        assert breaker.failed(CLOSED, TimeoutError("Timeout reading from socket")) is True
        for _ in range(50):
            assert breaker.admit() is SKIP
    assert breaker.is_open
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "Cache unavailable (Timeout reading from socket)" in warnings[0].getMessage()


def test_after_the_window_one_call_probes_and_the_others_still_skip(clock):
    breaker = CircuitBreaker(WINDOW, clock)
    breaker.failed(breaker.admit(), ConnectionError())
    clock.advance(WINDOW - 0.01)
    assert breaker.admit() is SKIP
    clock.advance(0.01)
    assert breaker.admit() is PROBE
    assert breaker.admit() is SKIP  # while the probe is out
    assert breaker.admit() is SKIP


def test_a_failed_probe_opens_another_window_without_another_warning(clock, caplog):
    breaker = CircuitBreaker(WINDOW, clock)
    with caplog.at_level(logging.INFO, logger="jeiweb.cache"):
        breaker.failed(breaker.admit(), ConnectionError())
        clock.advance(WINDOW)
        assert breaker.failed(breaker.admit(), ConnectionError()) is True
        clock.advance(WINDOW - 1)
        assert breaker.admit() is SKIP
        clock.advance(1)
        assert breaker.admit() is PROBE
    assert len(caplog.records) == 1


def test_a_successful_probe_closes_it_and_reports_what_the_outage_cost(clock, caplog):
    breaker = CircuitBreaker(WINDOW, clock)
    breaker.failed(breaker.admit(), ConnectionError())
    breaker.admit(), breaker.admit()  # two skipped
    clock.advance(WINDOW)
    breaker.failed(breaker.admit(), ConnectionError())  # a failed probe
    clock.advance(WINDOW)
    caplog.clear()  # the outage's warning
    with caplog.at_level(logging.INFO, logger="jeiweb.cache"):
        assert breaker.succeeded(breaker.admit()) is True
    assert not breaker.is_open
    assert breaker.admit() is CLOSED
    assert caplog.messages == ["Cache available again after 10.0 s (2 calls failed, 2 skipped)"]


def test_a_call_let_in_before_the_breaker_opened_does_not_close_it(clock):
    breaker = CircuitBreaker(WINDOW, clock)
    early, late = breaker.admit(), breaker.admit()
    assert breaker.failed(late, ConnectionError()) is True
    assert breaker.succeeded(early) is False  # answered before Redis hung: proves nothing
    assert breaker.failed(early, ConnectionError()) is False  # already open: no new window
    assert breaker.is_open


def test_a_probe_that_ends_in_an_error_of_ours_lets_the_next_call_probe(clock):
    breaker = CircuitBreaker(WINDOW, clock)
    breaker.failed(breaker.admit(), ConnectionError())
    clock.advance(WINDOW)
    breaker.release(breaker.admit())
    assert breaker.admit() is PROBE


def test_among_threads_arriving_together_after_the_window_exactly_one_probes(clock):
    breaker = CircuitBreaker(WINDOW, clock)
    breaker.failed(breaker.admit(), ConnectionError())
    clock.advance(WINDOW)
    start, tickets = threading.Barrier(8), []

    def arrive():
        start.wait()
        tickets.append(breaker.admit())

    threads = [threading.Thread(target=arrive) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(tickets) == sorted([PROBE] + [SKIP] * 7)


# The cache backend against a real Redis.


def test_a_frozen_redis_costs_one_timeout_then_the_stand_in_answers_at_memory_speed(redis_server, clock):
    cache = backend(redis_server.url, clock)
    cache.set("menu", "from redis")
    with redis_server.frozen():
        value, first = timed(cache.get, "menu")
        assert value is None  # a failed call is a miss, never an error
        assert first >= SOCKET_TIMEOUT * 0.9
        assert cache.breaker.is_open

        cache.set("menu", "from the stand-in")
        value, later = timed(cache.get, "menu")
        assert value == "from the stand-in"
        assert later < 0.02
        assert cache.get_or_set("count", 3) == 3
        assert cache.get_many(["menu", "count"]) == {"menu": "from the stand-in", "count": 3}
        assert cache.incr("count") == 4
        assert cache.delete("count") is True
        assert redis_server.unanswered_calls() == 1  # what the kernel holds for Redis to read
    assert redis_server.client().get(":1:menu") is not None  # Redis never saw the stand-in's writes
    assert cache.breaker.is_open  # thawed, but nothing probed yet


def test_the_stand_in_holds_nothing_written_before_the_window_began(redis_server, clock):
    """An edit made through another process while Redis hangs is hidden at most one window."""
    cache = backend(redis_server.url, clock)
    with redis_server.frozen():
        cache.get("content-state")  # opens the breaker
        cache.set("content-state", "version 1")
        clock.advance(WINDOW)
        assert cache.get("content-state") is None  # the probe failed: a new, empty window
        cache.set("content-state", "version 2")
        assert cache.get("content-state") == "version 2"


def test_after_the_window_a_probe_finds_redis_back_and_closes_the_breaker(redis_server, clock):
    cache = backend(redis_server.url, clock)
    cache.set("menu", "from redis")
    with redis_server.frozen():
        cache.get("menu")
        cache.set("only-here", "stand-in")
    clock.advance(WINDOW)
    assert cache.get("menu") == "from redis"  # the probe
    assert not cache.breaker.is_open
    assert cache.get("only-here") is None  # the stand-in is not read once Redis answers
    cache.set("page", "cached again")
    assert redis_server.client().exists(":1:page")


def test_every_thread_of_a_process_shares_one_breaker_and_one_stand_in(redis_server, clock):
    this_thread, other_thread = backend(redis_server.url, clock), backend(redis_server.url, clock)
    with redis_server.frozen():
        this_thread.set("menu", "rendered")  # opens the breaker, then kept in the stand-in
        assert other_thread.breaker.is_open
        value, seconds = timed(other_thread.get, "menu")
    assert value == "rendered"
    assert seconds < 0.02


def test_a_redis_that_refuses_connections_opens_the_breaker_at_once(clock):
    cache = backend(f"redis://127.0.0.1:{free_port()}/0", clock)
    value, seconds = timed(cache.get, "menu", "default")
    assert value == "default"
    assert cache.breaker.is_open
    assert seconds < SOCKET_TIMEOUT


def test_the_health_probe_asks_redis_itself_and_moves_the_breaker(redis_server, clock):
    cache = backend(redis_server.url, clock)
    with redis_server.frozen():
        assert cache.probe() is False
        assert cache.breaker.is_open
    assert cache.probe() is True  # no need to wait for the window
    assert not cache.breaker.is_open


def test_when_redis_answers_again_every_page_it_kept_from_before_the_outage_is_stale(redis_server, clock):
    # An edit during the outage bumped the content version only in a stand-in: the pages Redis
    # kept from before must not be replayed once it is back.
    cache = backend(redis_server.url, clock)
    default_cache.set(VERSION_KEY, 1)
    with redis_server.frozen():
        cache.get("menu")
    assert default_cache.get(VERSION_KEY) is not None
    clock.advance(WINDOW)
    cache.get("menu")  # the probe: Redis answers
    assert not cache.breaker.is_open
    assert default_cache.get(VERSION_KEY) is None  # the next request starts a new version

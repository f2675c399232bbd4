"""One warning per cache outage, not one per request.

With `IGNORE_EXCEPTIONS`, django-redis turns every failed cache call into a miss, and with
`DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS` it logs each one, traceback included: a busy page makes
a dozen cache calls, so a minute without Redis would write thousands of identical tracebacks
and bury everything else in the log. django-redis has no option to log less, so this filter,
attached to its logger, lets through the first failure of an outage (rewritten as a one-line
warning) and drops the rest. An outage ends when no failure has been seen for `quiet_seconds`:
django-redis logs nothing when a call succeeds, so silence is the only sign of recovery that
the log offers, and a filter needs no thread, no timer and no state beyond one timestamp.

Each gunicorn worker keeps its own timestamp, so an outage logs one line per worker.
"""

import logging
import time


class OncePerOutage(logging.Filter):
    """Pass the first record of a burst; drop the others until `quiet_seconds` pass without one."""

    def __init__(self, name="", quiet_seconds=60.0, clock=time.monotonic):
        super().__init__(name)
        self.quiet_seconds = float(quiet_seconds)
        self.clock = clock
        self.last_failure = None

    def filter(self, record):
        now = self.clock()
        new_outage = self.last_failure is None or now - self.last_failure > self.quiet_seconds
        self.last_failure = now
        if not new_outage:
            return False
        cause = record.exc_info[1] if record.exc_info else None
        cause = getattr(cause, "__cause__", None) or cause
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "Cache unavailable, serving from the database until it returns: %s"
        record.args = (cause or record.getMessage(),)
        record.exc_info = record.exc_text = None
        return True

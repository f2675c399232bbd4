"""Shared fixtures: the site content is loaded once per test session, as `make run` loads it."""

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import setup_databases, teardown_databases
from django.utils import translation

from jeiweb.content.loading import read_page_specs
from tests.support.second_factor import log_in_verified
from tests.support.server import PrivateRedis, SiteSeed, served_site

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """On PostgreSQL each worker's test database is created from the run's seeded site (a
    template database), not built anew."""
    if is_postgres():
        seed = request.getfixturevalue("site_seed")
        settings.DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = seed.template


@pytest.fixture(scope="session")
def django_db_setup(django_db_modify_db_settings, django_db_blocker, site_seed):
    """Each worker's test database is a copy of the run's seeded site (migrated and loaded once
    per run, in a process of its own, and shared with the served sites): on PostgreSQL a
    database made from it as a template, on SQLite the in-memory database Django's tests use,
    filled from the seed's file."""
    with django_db_blocker.unblock():
        if is_postgres():
            databases = setup_databases(verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS})
            yield
            teardown_databases(databases, verbosity=0)
            return
        connection = connections[DEFAULT_DB_ALIAS]
        connection.close()
        # The name Django gives an in-memory test database; it lives while a connection is open,
        # and Django keeps its connection open for the whole run.
        connection.settings_dict["NAME"] = settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = (
            connection.creation._get_test_db_name()
        )
        connection.ensure_connection()
        with sqlite3.connect(site_seed.template) as seed:
            seed.backup(connection.connection)
        yield


def is_postgres():
    return settings.DATABASES[DEFAULT_DB_ALIAS]["ENGINE"] == "django.db.backends.postgresql"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with a cold cache: the CMS page cache outlives database rollbacks."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request leaves its language active in
    the thread, so records a later test made would otherwise be written in another language."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's superuser client, its second factor passed (the admin requires it)."""
    return log_in_verified(client, admin_user)


@pytest.fixture(scope="session")
def page_specs():
    return read_page_specs()


def run_id():
    """The same in every xdist worker of one run and in its controller: the controller's pid."""
    return str(os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid())


@pytest.fixture(scope="session")
def site_seed(tmp_path_factory, request):
    """The seeded site that every test database and served site is a copy of, built once per run
    (tests/support/server.py), with the static files if the run serves the site."""
    # Under xdist each worker has a temporary folder of its own inside one shared by the run.
    shared = tmp_path_factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else None
    serves = any(
        item.get_closest_marker("served") or item.get_closest_marker("browser")
        for item in request.session.items
    )
    return SiteSeed.shared(shared or tmp_path_factory.getbasetemp(), run_id(), static=serves)


def pytest_sessionfinish(session):
    """The run's seed database goes with the run (dropped once, by xdist's controller)."""
    if not hasattr(session.config, "workerinput"):
        SiteSeed(f"jeiweb_seed_{run_id()}", Path()).drop()


@pytest.fixture(scope="session")
def served(tmp_path_factory, site_seed):
    """The whole site served by gunicorn (see tests/support/server.py), with `manage()` for its database.

    Its workers, and `manage()`, share one cache (on disk, needing no server), as production's
    share Redis: a page cached by one worker and the content version bumped by an edit are the
    same for all of them."""
    workdir = tmp_path_factory.mktemp("served")
    environment = {"CACHE_URL": f"filecache://{workdir / 'cache'}"}
    with served_site(workdir, site_seed, environment=environment) as site:
        yield site


@pytest.fixture(scope="session")
def private_redis():
    """A Redis server of our own (never the shared one), which a test may stop and restart."""
    if not shutil.which("redis-server"):
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing")
        pytest.skip("no redis-server (apt-get install -y redis-server)")
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def production_site(tmp_path_factory, private_redis, site_seed):
    """The site under production settings, its cache on `private_redis`, behind a pretend TLS proxy.

    Requests say `X-Forwarded-Proto: https` (see PROXIED), as the TLS proxy would: Django
    then treats them as HTTPS (SECURE_PROXY_SSL_HEADER). A request without it is plain http
    and is redirected to https, as in production. `site.log` is gunicorn's log.
    """
    workdir = tmp_path_factory.mktemp("production")
    log_path = workdir / "gunicorn.log"
    # An outage is over after 5 s without a failure (60 in production), so that one test's
    # outage is not taken for the continuation of an earlier test's.
    environment = {"CACHE_URL": private_redis.url, "LOG_LEVEL": "WARNING"}
    with served_site(workdir, site_seed, "jeiweb.settings.production", environment, log_path) as site:
        site.log = log_path
        yield site


PROXIED = {"X-Forwarded-Proto": "https"}


@pytest.fixture(scope="session")
def site_url(served):
    """The base URL of the served site."""
    return served.url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never Playwright's own browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


# Each kind of test that needs more than the database lives in a folder of its own and is
# marked by it, so that `-m "not browser"` (or `-m served`) picks it out.
FOLDER_MARKERS = {"browser": pytest.mark.browser, "served": pytest.mark.served}


def pytest_collection_modifyitems(config, items):
    """Mark the browser and served tests by their folder. Browser tests need Debian's Chromium:
    they skip on a machine without it, except in CI.

    Tests go to xdist's workers one by one (`--dist load`): each worker that needs a served
    site starts its own copy of the run's seed. Grouping them on one worker
    (`--dist loadgroup`) is a no-op with pytest 9.2 (pytest-xdist issue 1386), and once
    working it sends the browser tests first, and a worker whose first test holds Playwright's
    event loop cannot then create its test database (SynchronousOnlyOperation)."""
    tests_root = Path(__file__).parent
    for item in items:
        folder = Path(item.path).relative_to(tests_root).parts[0]
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])
    if os.path.exists(CHROMIUM) or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)

"""The site as `make run` sets it up, served by gunicorn: for tests about serving and the browser.

It runs in its own processes against its own database (a SQLite file, or a fresh PostgreSQL
database when DATABASE_URL names a PostgreSQL server), so what the browser sees went through
migrate, collectstatic and the content loader exactly as on a real machine.
"""

import fcntl
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import environ
import psycopg2
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _postgres_admin(url):
    config = environ.Env.db_url_config(url)
    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"],
        host=config["HOST"],
        port=config["PORT"],
    )
    admin.autocommit = True
    return admin


def _is_postgres(url):
    return url.startswith(("postgres://", "postgresql://"))


@contextmanager
def scratch_database(workdir, template=None):
    """A database URL of our own: a SQLite file, or a new PostgreSQL database dropped afterwards;
    a copy of `template` (a SiteSeed's database) when one is given."""
    url = os.environ.get("DATABASE_URL", "")
    if not _is_postgres(url):
        path = workdir / "db.sqlite3"
        if template:
            shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    # Unique: one test session may hold several scratch databases at once.
    name = f"jeiweb_served_{os.getpid()}_{secrets.token_hex(3)}"
    admin = _postgres_admin(url)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


# `manage.py migrate` then `manage.py load_site_content`, as `make setup` runs them, in one process:
# Django and django CMS are imported once, and call_command skips the system checks (tested on
# their own), which every manage.py command would run again. The seed is built while every
# test worker waits for it.
MIGRATE_AND_LOAD = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_site_content", verbosity=0)
"""


def _migrate_and_load(environment):
    subprocess.run(
        [sys.executable, "-c", MIGRATE_AND_LOAD],
        cwd=BASE_DIR,
        env=environment,
        check=True,
        capture_output=True,
    )


@dataclass
class SiteSeed:
    """The site as `make run` sets it up (migrated, static files collected, content loaded),
    built once per test run and copied for each served site: every site starts from the same
    seeded database, as if it had run migrate, collectstatic and load_site_content itself.

    xdist's workers share it: the first to need it builds it under a lock, the others wait and
    copy. `template` is a SQLite file or the name of a PostgreSQL template database. The static
    files (a minute of CPU: every file compressed twice) are collected only for a run that
    serves the site (`static`); a run of the in-process tests needs the database only."""

    template: str
    static_root: Path

    @classmethod
    def shared(cls, folder, run_id, static=True):
        folder.mkdir(parents=True, exist_ok=True)
        url = os.environ.get("DATABASE_URL", "")
        template = f"jeiweb_seed_{run_id}" if _is_postgres(url) else str(folder / f"seed-{run_id}.sqlite3")
        seed = cls(template, folder / f"static-{run_id}")
        with open(folder / f"seed-{run_id}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            built = folder / f"seed-{run_id}.built"
            if not built.exists():
                seed.build(url, static)
                built.touch()
        return seed

    def build(self, url, static=True):
        if _is_postgres(url):
            admin = _postgres_admin(url)
            with admin.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.template}"')
                cursor.execute(f'CREATE DATABASE "{self.template}"')
            admin.close()
            database_url = url.rsplit("/", 1)[0] + "/" + self.template
        else:
            database_url = f"sqlite:///{self.template}"
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "jeiweb.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(self.static_root),
        }
        environment.pop("CACHE_URL", None)  # the loader's cache writes are the seed's own
        if not static:
            _migrate_and_load(environment)
            return
        # collectstatic reads no database: it runs beside migrate and the content loader.
        collecting = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
            cwd=BASE_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        _migrate_and_load(environment)
        output, _ = collecting.communicate()
        if collecting.returncode:
            raise subprocess.CalledProcessError(collecting.returncode, collecting.args, output)

    def drop(self):
        url = os.environ.get("DATABASE_URL", "")
        if _is_postgres(url):
            admin = _postgres_admin(url)
            with admin.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
            admin.close()


def wait_until_serving(url, process, seconds=90, context=None):
    # Generous: the first request imports django CMS in each worker, and a loaded two-core
    # machine (CI running beside other work) can take many seconds over it.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            # As from the TLS proxy: production settings redirect plain http to https.
            urllib.request.urlopen(
                urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"}),
                timeout=30,
                context=context,
            )
            return
        except urllib.error.HTTPError:  # an error page is an answer: gunicorn serves
            return
        except (urllib.error.URLError, OSError):  # refused while starting, or timed out
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@dataclass
class ServedSite:
    """The served site's address (the first server's; `urls` has every server's), and its
    `manage.py` for preparing data in its own database."""

    url: str
    environment: dict
    urls: list

    def manage(self, *arguments):
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=BASE_DIR,
            env=self.environment,
            check=True,
            capture_output=True,
            text=True,
        )


@dataclass
class Server:
    url: str
    process: subprocess.Popen  # gunicorn's master; its workers are its children


@contextmanager
def gunicorn(environment, workers=2, log_path=None, address=("127.0.0.1", None), tls=None):
    """One gunicorn server of the site, yielded (a `Server`) once it answers; `log_path` keeps its
    (and Django's) log, which is dropped otherwise. It listens on `address` (host, port), a free
    port by default, and speaks HTTPS itself when `tls` names its (certificate, key) files."""
    host, port = address[0], address[1] or free_port()
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    certificate = ["--certfile", str(tls[0]), "--keyfile", str(tls[1])] if tls else []
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "jeiweb.wsgi",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
            *certificate,
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=log,
        stderr=log,
    )
    scheme, default_port = ("https", 443) if tls else ("http", 80)
    url = f"{scheme}://{host}" + ("" if port == default_port else f":{port}")
    context = ssl.create_default_context(cafile=tls[0]) if tls else None
    try:
        wait_until_serving(url + "/en/", process, context=context)
        yield Server(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a worker still busy with a slow request
            process.kill()
            process.wait(timeout=10)
        if log_path:
            log.close()


@contextmanager
def served_site(
    workdir,
    seed,
    settings_module="jeiweb.settings.dev",
    environment=None,
    log_path=None,
    servers=1,
    workers=2,
):
    """The site set up as `make run` does (a copy of `seed`), served by `servers` gunicorn servers
    that share one database and whatever else `environment` gives them (a cache, object
    storage): as app servers on separate machines behind a load balancer. Each server has
    `workers` worker processes; each one imports Django and django CMS and loads the Chinese
    dictionary (a few seconds of CPU), so a test that needs no second worker asks for one."""
    with scratch_database(workdir, seed.template) as database_url:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(seed.static_root),
            "MEDIA_ROOT": str(workdir / "media"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            **(environment or {}),
        }
        with ExitStack() as stack:
            # Several servers get a local disk each, as on separate machines: whatever they share
            # goes through the database, the cache or object storage.
            own_disk = (
                [{"MEDIA_ROOT": str(workdir / f"media-{n}")} for n in range(servers)] if servers > 1 else [{}]
            )
            urls = [
                stack.enter_context(gunicorn({**environment, **disk}, workers, log_path=log_path)).url
                for disk in own_disk
            ]
            yield ServedSite(urls[0], environment, urls)


class PrivateRedis:
    """A Redis server of our own on a free port, which a test may stop and start again.

    Never the shared one on 6379: other tests and other people use it.
    """

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    @contextmanager
    def frozen(self):
        """Redis hung, not down (SIGSTOP): connections are accepted, nothing is answered."""
        self.process.send_signal(signal.SIGSTOP)
        try:
            yield self
        finally:
            self.process.send_signal(signal.SIGCONT)

    def unanswered_calls(self):
        """While frozen: how many calls reached Redis and wait for an answer that will not come.

        Each one is a socket on Redis's side (accepted or still in the listen queue, open or
        closed by a client that gave up) holding a command Redis has not read: counted from the
        kernel (`ss`), independently of what the clients say."""
        sockets = subprocess.run(
            ["ss", "-Htn", "state", "all", f"( sport = :{self.port} )"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        return sum(1 for line in sockets if not line.startswith("LISTEN") and int(line.split()[1]) > 0)

    def client(self):
        import redis

        return redis.Redis.from_url(self.url)

"""A complete backup of the site in one file, and its restore into an empty database.

Why not `dumpdata`/`loaddata`: they go through the models' default managers, so every
CMS draft (djangocms-versioning keeps unpublished versions out of `PageContent.objects`)
is silently dropped, and with `--natural-primary` the Site comes back under another
primary key and every page answers 404. A backup must be exact, so it is taken by the
database itself: `pg_dump --format=custom` and `pg_restore` on PostgreSQL, SQLite's own
online backup API on SQLite (a consistent copy even while the site writes).

The file is a gzipped tar holding:
- `manifest.json`: format version, database engine, time, Django and django CMS versions,
  the applied migrations, the number of media files;
- `database.dump` (PostgreSQL, custom format) or `database.sqlite3` (SQLite);
- `media/`: everything under MEDIA_ROOT (uploaded photos, filer's thumbnails).
"""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import cms
import django
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.loader import MigrationLoader

FORMAT = 1
MANIFEST = "manifest.json"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


def _engine():
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _postgres_arguments():
    """Connection arguments and environment for pg_dump/pg_restore, from the Django settings."""
    database = connection.settings_dict
    arguments = ["--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    if database.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    return arguments, environment


def _run(command, environment=None):
    try:
        subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def applied_migrations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [f"{app}.{name}" for app, name in cursor.fetchall()]


def _run_postgres(command, *options, dump=None):
    """Run pg_dump or pg_restore on our database, with its connection settings (and the dump
    to restore last, after them, where pg_restore reads it)."""
    arguments, environment = _postgres_arguments()
    restored = [str(dump)] if dump else []
    _run([command, "--no-owner", "--no-privileges", *options, *arguments, *restored], environment)


def _dump_database(engine, target):
    if engine == "postgresql":
        _run_postgres("pg_dump", "--format=custom", f"--file={target}")
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()


def media_files(root=None):
    """Every file under MEDIA_ROOT, as paths relative to it."""
    root = Path(root or settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def backup(path):
    """Write the database and the media into one .tar.gz at `path`; returns the manifest."""
    engine = _engine()
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="jeiweb-backup-") as scratch:
        dump = Path(scratch) / DUMPS[engine]
        _dump_database(engine, dump)
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "django": django.get_version(),
            "django_cms": cms.__version__,
            "migrations": applied_migrations(),
            "media_files": len(media_files()),
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, DUMPS[engine])
            if Path(settings.MEDIA_ROOT).is_dir():
                archive.add(settings.MEDIA_ROOT, "media")
        partial.replace(path)  # a backup file is complete or absent, never half-written
    return manifest


def read_manifest(archive):
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("Not a backup of this site: manifest.json is missing or unreadable.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def database_is_empty():
    return not connection.introspection.table_names()


def _clear_postgres():
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")


def _restore_database(engine, dump):
    if engine == "postgresql":
        connection.close()
        _run_postgres("pg_restore", "--exit-on-error", "--single-transaction", dump=dump)
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)
        source.close()


def _restore_media(archive, scratch):
    members = [member for member in archive.getmembers() if member.name.startswith("media/")]
    archive.extractall(scratch, members=members, filter="data")  # no absolute paths, no "..", no devices
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    extracted = Path(scratch) / "media"
    if extracted.is_dir():
        shutil.copytree(extracted, root, dirs_exist_ok=True)
    return len(members)


def unknown_migrations(manifest):
    """Migrations in the backup that this code does not have (a backup from newer code)."""
    known = {
        f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    }
    return sorted(set(manifest["migrations"]) - known)


def restore(path, force=False):
    """Restore a backup file into this (empty) database and MEDIA_ROOT; returns the manifest."""
    engine = _engine()
    with (
        tarfile.open(path, "r:gz") as archive,
        tempfile.TemporaryDirectory(prefix="jeiweb-restore-") as scratch,
    ):
        manifest = read_manifest(archive)
        if manifest["engine"] != engine:
            raise BackupError(
                f"This backup is of a {manifest['engine']} database; this site runs on {engine}. "
                "Restore it into the same kind of database."
            )
        if not database_is_empty():
            if not force:
                raise BackupError(
                    "The database is not empty: restore into an empty database, or pass --force "
                    "to replace everything in it."
                )
            if engine == "postgresql":
                _clear_postgres()
        try:
            archive.extract(DUMPS[engine], scratch, filter="data")
        except KeyError as error:
            raise BackupError(f"The backup holds no {DUMPS[engine]}.") from error
        _restore_database(engine, Path(scratch) / DUMPS[engine])
        _restore_media(archive, scratch)
    # The cache may hold pages and menus of the database that was there before.
    cache.clear()
    return manifest

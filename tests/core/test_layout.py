"""The code stays in its rooms: the core serves every app and depends on none."""

import ast
from pathlib import Path

import pytest
from cms.plugin_pool import plugin_pool
from django.conf import settings

from jeiweb.cache.plugins import RecordsPlugin

ROOT = Path(settings.BASE_DIR)
APPS = ("pages", "news", "search")
# The project's wiring names the apps, as every Django project's settings and root URLconf do;
# the core's own modules must not.
WIRING = {"jeiweb/urls.py", "jeiweb/wsgi.py"}
LIMIT = 400


def python_modules(folder):
    for path in sorted((ROOT / folder).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


CORE_MODULES = [
    path
    for path in python_modules("jeiweb")
    if str(path.relative_to(ROOT)) not in WIRING and "settings" not in path.parts
]


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_core_imports_no_app(path):
    apps = [name for name in imported_modules(path) if name.split(".")[0] in APPS]
    assert not apps, f"{path.relative_to(ROOT)} imports {apps}: apps declare what the core needs"


@pytest.mark.parametrize(
    "path",
    [path for folder in ("jeiweb", *APPS) for path in python_modules(folder)],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_no_module_outgrows_a_reader(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"{path.relative_to(ROOT)} has {lines} lines: split it by concept"


def test_every_plugin_that_shows_records_declares_them():
    """The college's and the news' plugins render records: each names their models, so that
    a change to one clears the cached pages showing it (jeiweb/cache/plugins.py)."""
    plugin_pool.discover_plugins()
    ours = [plugin for plugin in plugin_pool.plugins.values() if issubclass(plugin, RecordsPlugin)]
    assert {plugin.__module__.split(".")[0] for plugin in ours} == {"pages", "news"}
    assert all(plugin.invalidated_by for plugin in ours)

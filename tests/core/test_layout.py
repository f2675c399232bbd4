"""The code stays in its rooms: the core serves every app and depends on none."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from jeiweb.content.registry import is_site_content

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


def test_every_model_of_the_apps_is_site_content_but_the_enquiries_and_bookings():
    """What starts the page cache afresh is declared beside each model (`@site_content`,
    jeiweb/content/registry.py); a visitor's enquiry or booking is not content (a booking's
    places start the cache afresh through news/bookings/services.py)."""
    models = [model for app in ("pages", "news") for model in apps.get_app_config(app).get_models()]
    assert {model._meta.label for model in models if not is_site_content(model)} == {
        "pages.Enquiry",
        "news.Booking",
    }

"""Every admin URL, built from the admin's own URL patterns with real objects for their ids.

`admin_urls(samples)` walks `admin.site._registry` (each model admin's `get_urls()`: the
changelist, add, change, delete and history pages and every extra view of cms,
djangocms-versioning, filer…) and the site's own views, and fills each pattern's arguments:
an object id is a real object of that admin's model (or of the model `samples` names for
that argument), so a role walk asks for things that exist.
"""

import re
from dataclasses import dataclass

from django.contrib import admin
from django.urls import URLPattern, URLResolver
from django.urls.resolvers import RegexPattern

# Views not walked: logging out (POST) would end the role's session; the catch-all answers
# any path; the login page and the password reset are the public part of the admin.
SKIPPED_NAMES = {"logout", "login"}

_ROUTE_ARGUMENT = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_GROUP = re.compile(r"\((?:\?P<(?P<name>\w+)>)?(?P<body>[^()]*)\)")


@dataclass(frozen=True)
class AdminURL:
    path: str
    name: str
    model: str  # app_label.model_name of the model admin, or "site"

    @property
    def area(self):
        """The app the URL belongs to: "news", "filer", "cms"… or "site" for the admin's own."""
        return self.model.split(".")[0]


def _value(name, body, model, samples):
    """A sample value for one argument of a pattern."""
    if name in samples:
        return str(samples[name])
    if body and "a-z" in body:
        return "en"
    if name == "size":
        return "40"
    return str(samples.get(model, 1))


def _fill(pattern, model, samples, url_name=None):
    """The pattern's text with its arguments filled in. Unnamed regex groups take the values
    `samples[url_name]` lists, in order, else a sample of the admin's model."""
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        values = iter(samples.get(url_name, ()))

        def group(match):
            if match.group("name"):
                return _value(match.group("name"), match.group("body"), model, samples)
            value = next(values, None)
            return str(value) if value is not None else _value(None, match.group("body"), model, samples)

        text = _REGEX_GROUP.sub(group, text)
        text = text.replace("^", "").replace("$", "").replace("\\", "")
    return _ROUTE_ARGUMENT.sub(lambda match: _value(match.group("name"), None, model, samples), text)


def _walk(patterns, prefix, model, samples, out):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _walk(pattern.url_patterns, prefix + _fill(pattern.pattern, model, samples), model, samples, out)
        elif isinstance(pattern, URLPattern):
            if pattern.name in SKIPPED_NAMES or str(pattern.pattern) in ("<path:object_id>/", "(?P<url>.*)$"):
                continue
            if "<path:object_id>" in str(pattern.pattern) and model not in samples:
                continue  # no object of that model exists: nothing real to ask for
            path = prefix + _fill(pattern.pattern, model, samples, pattern.name)
            out.append(AdminURL(path, pattern.name or "", model))
    return out


def admin_urls(samples, language="en", site=admin.site):
    """Every admin URL under /<language>/admin/, each once."""
    root = f"/{language}/admin/"
    urls = []
    for model, model_admin in site._registry.items():
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        prefix = f"{root}{model._meta.app_label}/{model._meta.model_name}/"
        _walk(model_admin.get_urls(), prefix, label, samples, urls)
    app_labels = sorted({model._meta.app_label for model in site._registry})
    site_views = (
        "",
        "password_change/",
        "password_change/done/",
        "jsi18n/",
        "autocomplete/",
        "translations/",
        "guide/",
    )
    for view in site_views:
        urls.append(AdminURL(root + view, view or "index", "site"))
    for app_label in app_labels:
        urls.append(AdminURL(f"{root}{app_label}/", "app_list", app_label))
    seen, unique = set(), []
    for url in urls:
        if url.path not in seen:
            seen.add(url.path)
            unique.append(url)
    return unique


def status_of(client, url, post=True):
    """GET the URL; a view that takes POST only (405) is asked again with an empty POST."""
    client.raise_request_exception = False  # a crash is counted as a 500, not raised
    response = client.get(url.path)
    if response.status_code == 405 and post:
        response = client.post(url.path, {})
    return response

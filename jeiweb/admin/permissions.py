"""Each role sees its part of the admin, and nothing else answers a crash.

`guarded_admin_urls(site)` is the admin's URL list (as `site.urls` gives it) with every model
admin's views wrapped in a check that the staff user holds a permission on that model (or on
what the model serves, AREA_PERMISSIONS): a news editor asking for any URL of cms, versioning,
aliases, users, groups, sites or axes gets 403 before the view runs. Django and the packages
check permissions view by view; some of their views (django CMS's draft previews, its
placeholder endpoints, the version list) let any staff user in. Superusers pass; anonymous
visitors and users who are not staff are sent to the login page, as the admin's own views do.

Within the areas a role may enter, django CMS's page and plugin endpoints crash (500) on
malformed input (a missing or non-numeric field, a page moved into itself): BAD_INPUT_VIEWS
answer those with 400 instead, inside a transaction that undoes any partial write.
"""

from functools import wraps

from cms.models import PageContent
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.urls import URLPattern, URLResolver, reverse
from treebeard.exceptions import InvalidMoveToDescendant, InvalidPosition

# What entering a model admin's URLs needs, where a permission on the model itself does not
# say it (any one of the listed permissions is enough).
PAGE_EDITING = ("cms.change_page",)
AREA_PERMISSIONS = {
    "cms.page": PAGE_EDITING,
    "cms.pagecontent": PAGE_EDITING,
    "cms.placeholder": PAGE_EDITING + ("djangocms_alias.change_aliascontent",),
    "djangocms_versioning.pagecontentversion": PAGE_EDITING,
    "djangocms_versioning.aliascontentversion": ("djangocms_alias.change_aliascontent",),
    "djangocms_link.link": ("djangocms_link.add_link", "djangocms_link.change_link"),
    # The clipboard is how filer uploads; its model has no permissions of its own.
    "filer.clipboard": ("filer.add_file", "filer.add_image"),
}
# Every staff user's own toolbar settings (language, clipboard) in django CMS.
OPEN_TO_STAFF = {"cms.usersettings"}

# django CMS views that crash on malformed input, and what that input raises.
BAD_INPUT_VIEWS = {
    "cms_page_move_page",
    "cms_page_copy_page",
    "cms_placeholder_move_plugin",
    "cms_placeholder_copy_plugins",
    "cms_placeholder_add_plugin",
    "cms_placeholder_clear_placeholder",
    "cms_placeholder_delete_plugin",
    "cms_pagecontent_copy_language",
}
BAD_INPUT_ERRORS = (
    KeyError,
    ValueError,
    TypeError,
    AssertionError,
    RuntimeError,
    ObjectDoesNotExist,
    InvalidPosition,
    InvalidMoveToDescendant,
)
# Draft previews and the structure board render a content object as it is being edited.
DRAFT_VIEWS = {
    "cms_placeholder_render_object_edit",
    "cms_placeholder_render_object_structure",
    "cms_placeholder_render_object_preview",
}


def may_enter(user, label):
    if label in OPEN_TO_STAFF:
        return True
    app_label, model_name = label.split(".")
    needed = AREA_PERMISSIONS.get(
        label, [f"{app_label}.{action}_{model_name}" for action in ("add", "change", "delete", "view")]
    )
    return any(user.has_perm(permission) for permission in needed)


def may_read_drafts_of(user, content_type_id):
    """Editing (and so seeing unpublished) content of a type needs the right to change it."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, ValueError):
        raise Http404 from None
    if model is None:
        raise Http404
    if issubclass(model, PageContent):
        return user.has_perm("cms.change_page")
    return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def _guard(view, label, url_name):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        if not (user.is_active and user.is_staff):
            # What the admin's own views do; some package views answer 200 or 403 instead.
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not user.is_superuser:
            if not may_enter(user, label):
                raise PermissionDenied
            if url_name in DRAFT_VIEWS and not may_read_drafts_of(user, args[0]):
                raise PermissionDenied
        if url_name not in BAD_INPUT_VIEWS:
            return view(request, *args, **kwargs)
        try:
            with transaction.atomic():
                return view(request, *args, **kwargs)
        except BAD_INPUT_ERRORS as error:
            return HttpResponseBadRequest(f"Bad request: {type(error).__name__}")

    return guarded


def _wrap(patterns, label):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _wrap(pattern.url_patterns, label)
        elif isinstance(pattern, URLPattern):
            pattern.callback = _guard(pattern.callback, label, pattern.name)


def guarded_admin_urls(site):
    """`site.urls`, with each registered model's views guarded by its area's permission."""
    patterns, app_name, namespace = site.urls
    prefixes = {f"{model._meta.app_label}/{model._meta.model_name}/": model for model in site._registry}
    for pattern in patterns:
        model = prefixes.get(str(pattern.pattern)) if isinstance(pattern, URLResolver) else None
        if model is not None:
            _wrap(pattern.url_patterns, f"{model._meta.app_label}.{model._meta.model_name}")
    return patterns, app_name, namespace

"""What django CMS's admin views need beyond the role check of the site (jeiweb/admin/site.py).

- Its draft previews and structure board render any content object by content type and id:
  reading a draft needs the right to change that kind of content (DRAFT_VIEWS).
- Its page and plugin endpoints crash (500) on malformed input (a missing or non-numeric
  field, a page moved into itself): BAD_INPUT_VIEWS answer those with 400 instead, inside a
  transaction that undoes any partial write.
(Its page and placeholder admins are replaced by ours: jeiweb/admin/cms_admins.py.)
"""

from cms.models import PageContent
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from treebeard.exceptions import InvalidMoveToDescendant, InvalidPosition

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


def answer_bad_input(view, url_name, request, *args, **kwargs):
    """The view's response; for BAD_INPUT_VIEWS, 400 (and nothing written) where the input
    makes django CMS crash."""
    if url_name not in BAD_INPUT_VIEWS:
        return view(request, *args, **kwargs)
    try:
        with transaction.atomic():
            return view(request, *args, **kwargs)
    except BAD_INPUT_ERRORS as error:
        return HttpResponseBadRequest(f"Bad request: {type(error).__name__}")

"""django-filer's admin, narrowed to what a role may read and edit.

With FILER_ENABLE_PERMISSIONS, filer checks a file's or folder's *edit* permission before a
change, a move or a rename, but it leaves gaps that this module closes:
- it treats "delete" as "edit" (a news editor who may rename could delete): here deleting
  also needs Django's delete permission for the model;
- its change, history and delete pages, the expand and icon views and the folder listing
  open any object by id: here they only find what the user may read (else 404);
- unfiled uploads are a shared inbox for every user of the media library, listed in search
  results and in "files with missing metadata": here a user sees only their own.
Superusers are not narrowed. These admins replace filer's on the site (jeiweb/admin/apps.py).
"""

from contextvars import ContextVar

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from filer.admin.fileadmin import FileAdmin
from filer.admin.folderadmin import FolderAdmin
from filer.admin.imageadmin import ImageAdmin
from filer.models import File, FolderPermission

# The user whose folder listing is being built: filer's search filter receives no request.
_listing_user = ContextVar("listing_user", default=None)


def readable_folders(user):
    """Q over Folder: those the user may open (filer permissions, or their own)."""
    read_ids = FolderPermission.objects.get_read_id_list(user)
    if user.is_superuser or read_ids == "All":
        return Q()
    return Q(owner=user) | Q(id__in=read_ids)


def readable_files(user):
    """Q over File: in a folder the user may open, or uploaded by the user."""
    read_ids = FolderPermission.objects.get_read_id_list(user)
    if user.is_superuser or read_ids == "All":
        return Q()
    return Q(owner=user) | Q(folder_id__in=read_ids)


def may_delete(request, model, obj):
    """Django's delete permission for the model, and filer's edit permission on the object."""
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"):
        return False
    return obj is None or obj.has_edit_permission(request)


class NotFoundMixin:
    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Django redirects to the admin's index; a file one may not read is simply not found.
        raise Http404


class ReadableFilesMixin(NotFoundMixin):
    def get_queryset(self, request):
        return super().get_queryset(request).filter(readable_files(request.user))

    def has_delete_permission(self, request, obj=None):
        return may_delete(request, self.model, obj)

    def expand_view(self, request, file_id):
        if not self.get_queryset(request).filter(pk=file_id).exists():
            raise Http404
        return super().expand_view(request, file_id)

    def icon_view(self, request, file_id, size):
        if not File.objects.filter(readable_files(request.user), pk=file_id).exists():
            raise Http404
        return super().icon_view(request, file_id, size)


class RoleFileAdmin(ReadableFilesMixin, FileAdmin):
    pass


class RoleImageAdmin(ReadableFilesMixin, ImageAdmin):
    pass


class RoleFolderAdmin(NotFoundMixin, FolderAdmin):
    def get_queryset(self, request):
        return super().get_queryset(request).filter(readable_folders(request.user))

    def has_delete_permission(self, request, obj=None):
        return may_delete(request, self.model, obj)

    def directory_listing(self, request, folder_id=None, viewtype=None):
        if viewtype == "images_with_missing_data" and not request.user.is_superuser:
            # Lists every file of the library by design; editors have their folders.
            raise PermissionDenied
        token = _listing_user.set(request.user)
        try:
            # filer evaluates its querysets here, before the response is rendered.
            return super().directory_listing(request, folder_id=folder_id, viewtype=viewtype)
        finally:
            _listing_user.reset(token)

    def filter_file(self, qs, terms=()):
        qs = super().filter_file(qs, terms)
        user = _listing_user.get()
        return qs if user is None else qs.filter(readable_files(user))

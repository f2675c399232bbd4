"""Staff roles: the "Page editors" group, and a media folder of its own for each role.

A role is a Django group whose permissions the content loader resets to exactly what is
listed here (news/services.py does the same for "News editors"). Media (django-filer) is
shared by every role, so FILER_ENABLE_PERMISSIONS is on and each role gets one folder where
it may read, upload, rename and move; outside it, a member sees only the files they uploaded
themselves (see jeiweb/admin/media.py for what filer's admin does not enforce by itself).
"""

from cms.plugin_pool import plugin_pool
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from filer.models import Folder, FolderPermission

PAGE_EDITORS = "Page editors"
PAGE_PHOTOS_FOLDER = "Page photos / 页面图片"

# Edit pages (their content and plugins), make drafts and publish them through
# djangocms-versioning, upload photos into their folder. Not: delete pages, change page
# permissions, users, groups, sites or any setting.
PAGE_EDITOR_PERMISSIONS = {
    ("cms", "page"): ["add_page", "change_page", "view_page", "publish_page"],
    ("cms", "placeholder"): ["use_structure"],
    # The version list, compare and publish views of pages (publishing itself also needs
    # cms.publish_page).
    ("djangocms_versioning", "pagecontentversion"): ["change_pagecontentversion", "view_pagecontentversion"],
    ("filer", "file"): ["add_file", "change_file", "view_file"],
    ("filer", "image"): ["add_image", "change_image", "view_image"],
    ("filer", "folder"): ["view_folder", "change_folder", "can_use_directory_listing"],
}


def plugin_permissions():
    """Add, change, delete and view every plugin model the page editors may put on a page."""
    models = {plugin.model for plugin in plugin_pool.get_all_plugins()}
    content_types = ContentType.objects.get_for_models(*models).values()
    return Permission.objects.filter(
        content_type__in=content_types,
        codename__regex=r"^(add|change|delete|view)_",
    ).exclude(content_type__app_label="cms", content_type__model="cmsplugin")


def listed_permissions(listing):
    query = Q(pk__in=[])
    for (app_label, model), codenames in listing.items():
        query |= Q(content_type__app_label=app_label, content_type__model=model, codename__in=codenames)
    permissions = list(Permission.objects.filter(query).select_related("content_type"))
    found = {(p.content_type.app_label, p.content_type.model, p.codename) for p in permissions}
    missing = {(app, model, name) for (app, model), names in listing.items() for name in names} - found
    if missing:
        raise RuntimeError(f"Role permissions missing (run `manage.py migrate` first?): {sorted(missing)}")
    return permissions


def role_folder(group, name, owner=None):
    """The media folder of a role: its members read, upload into, rename and move inside it
    (and its subfolders). Created once; its permission is reset to exactly that."""
    folder = Folder.objects.filter(name=name, parent=None).first()
    if folder is None:
        folder = Folder.objects.create(name=name, owner=owner)
    FolderPermission.objects.filter(group=group).exclude(folder=folder).delete()
    FolderPermission.objects.update_or_create(
        folder=folder,
        group=group,
        defaults={
            "type": FolderPermission.CHILDREN,
            "can_read": FolderPermission.ALLOW,
            "can_edit": FolderPermission.ALLOW,
            "can_add_children": FolderPermission.ALLOW,
        },
    )
    return folder


def setup_page_editors(owner=None):
    """Create the "Page editors" group and its folder, or reset them to what is listed here."""
    group, _created = Group.objects.get_or_create(name=PAGE_EDITORS)
    group.permissions.set([*listed_permissions(PAGE_EDITOR_PERMISSIONS), *plugin_permissions()])
    role_folder(group, PAGE_PHOTOS_FOLDER, owner=owner)
    return group

"""Staff roles, and what each may enter: the one place that declares them.

A role is a Django group whose permissions the content loader resets to exactly what is
declared here (`setup_roles`, called by jeiweb/apps.py). Permissions are named by app label,
model and codename, so the core declares the news role without importing the news app.

Media (django-filer) is shared by every role, so FILER_ENABLE_PERMISSIONS is on and each role
gets one folder where it may read, upload, rename and move; outside it, a member sees only the
files they uploaded themselves (see jeiweb/admin/media.py for what filer's admin does not
enforce by itself).

Entering the admin pages of a model needs a permission on that model, or on what the model
serves (AREA_PERMISSIONS); jeiweb/admin/site.py checks it for every admin view.
"""

from dataclasses import dataclass

from cms.plugin_pool import plugin_pool
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from filer.models import Folder, FolderPermission

PAGE_EDITORS = "Page editors"  # 页面编辑
NEWS_EDITORS = "News editors"  # 新闻编辑
NEWS_WRITERS = "News writers"  # 新闻撰稿人
PAGE_PHOTOS_FOLDER = "Page photos / 页面图片"
NEWS_PHOTOS_FOLDER = "News photos / 新闻图片"

# Approving what a News writer submits (the two-person rule, jeiweb/content/review.py): read,
# preview, correct and publish articles and events. An approver holds this.
NEWS_APPROVAL = {
    ("news", "article"): ["view_article", "change_article", "publish_article"],
    ("news", "event"): ["view_event", "change_event", "publish_event"],
}

# Every role uploads and manages the images (and their folders) its work uses.
MEDIA_PERMISSIONS = {
    ("filer", "file"): ["add_file", "change_file", "view_file"],
    ("filer", "image"): ["add_image", "change_image", "view_image"],
}


def record_permissions(app_label, models):
    """Add, change, delete and view each of `models` of an app."""
    return {
        (app_label, model): [f"{action}_{model}" for action in ("add", "change", "delete", "view")]
        for model in models
    }


@dataclass(frozen=True)
class Role:
    """A staff group: exactly these permissions, and a media folder of its own."""

    name: str
    permissions: dict  # (app_label, model) → [codename, …]
    folder: str
    # Also add, change, delete and view every plugin model that can be put on a page.
    plugins: bool = False


ROLES = (
    # Edit pages (their content and plugins), make drafts and publish them through
    # djangocms-versioning, upload photos into their folder. Not: delete pages, change page
    # permissions, users, groups, sites or any setting.
    Role(
        PAGE_EDITORS,
        {
            ("cms", "page"): ["add_page", "change_page", "view_page", "publish_page"],
            ("cms", "placeholder"): ["use_structure"],
            # The version list, compare and publish views of pages (publishing itself also
            # needs cms.publish_page).
            ("djangocms_versioning", "pagecontentversion"): [
                "change_pagecontentversion",
                "view_pagecontentversion",
            ],
            # Page editors also approve the news writers' articles and events.
            **NEWS_APPROVAL,
            # Take over a draft a colleague left locked (DJANGOCMS_VERSIONING_LOCK_VERSIONS).
            ("djangocms_versioning", "version"): ["delete_versionlock"],
            # The people the pages name (and their photos), the schools and teaching teams, the
            # committee posts people hold; a roster is imported through the people's admin.
            **record_permissions("pages", ("person", "school", "teachingteam", "teamrole", "post")),
            ("pages", "committee"): ["change_committee", "view_committee"],
            **MEDIA_PERMISSIONS,
            ("filer", "folder"): ["view_folder", "change_folder", "can_use_directory_listing"],
            # The admissions tables (imported a year at a time: add and delete), the costs of
            # study and the charters; the provinces are reference data they may correct.
            ("pages", "admissionrecord"): [
                "add_admissionrecord",
                "change_admissionrecord",
                "delete_admissionrecord",
                "view_admissionrecord",
            ],
            ("pages", "costofstudy"): [
                "add_costofstudy",
                "change_costofstudy",
                "delete_costofstudy",
                "view_costofstudy",
            ],
            ("pages", "coststage"): [
                "add_coststage",
                "change_coststage",
                "delete_coststage",
                "view_coststage",
            ],
            ("pages", "admissionscharter"): [
                "add_admissionscharter",
                "change_admissionscharter",
                "view_admissionscharter",
            ],
            ("pages", "province"): ["change_province", "view_province"],
        },
        PAGE_PHOTOS_FOLDER,
        plugins=True,
    ),
    # Write, publish and delete articles, events and categories; approve what writers submit;
    # read the milestones (to link them); see and serve the events' bookings. No CMS pages,
    # users, groups or settings.
    Role(
        NEWS_EDITORS,
        {
            ("news", "article"): [
                "add_article",
                "change_article",
                "delete_article",
                "view_article",
                "publish_article",
            ],
            ("news", "event"): ["add_event", "change_event", "delete_event", "view_event", "publish_event"],
            # Registration on the site, with each event; the bookings: see them (and the CSV),
            # check people in at the door, write to everyone confirmed, delete one on request.
            ("news", "eventregistration"): [
                "add_eventregistration",
                "change_eventregistration",
                "delete_eventregistration",
                "view_eventregistration",
            ],
            ("news", "booking"): ["view_booking", "change_booking", "delete_booking", "email_booking"],
            ("news", "category"): ["add_category", "change_category", "delete_category", "view_category"],
            # An article's related milestones are chosen with an autocomplete, which answers only
            # those who may read the milestones (Django's rule): read, never change.
            ("pages", "milestone"): ["view_milestone"],
            **MEDIA_PERMISSIONS,
            # Filer's media library (folders and the upload button) needs its own permission.
            ("filer", "folder"): ["add_folder", "change_folder", "view_folder", "can_use_directory_listing"],
        },
        NEWS_PHOTOS_FOLDER,
    ),
    # Write articles and events as drafts and submit them for review (the two-person rule):
    # never publish or schedule them, change nothing published, delete nothing. Categories are
    # chosen, not made. Photos go to the news editors' folder.
    Role(
        NEWS_WRITERS,
        {
            ("news", "article"): ["add_article", "change_article", "view_article"],
            ("news", "event"): ["add_event", "change_event", "view_event"],
            ("news", "category"): ["view_category"],
            **MEDIA_PERMISSIONS,
            ("filer", "folder"): ["view_folder", "change_folder", "can_use_directory_listing"],
        },
        NEWS_PHOTOS_FOLDER,
    ),
)

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


def may_enter(user, label):
    """May this staff user enter the admin pages of the model `label` ("app_label.model")?"""
    if user.is_superuser or label in OPEN_TO_STAFF:
        return True
    app_label, model_name = label.split(".")
    needed = AREA_PERMISSIONS.get(
        label, [f"{app_label}.{action}_{model_name}" for action in ("add", "change", "delete", "view")]
    )
    return any(user.has_perm(permission) for permission in needed)


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


def setup_role(role, owner=None):
    """Create the role's group and folder, or reset them to what the role declares."""
    group, _created = Group.objects.get_or_create(name=role.name)
    permissions = listed_permissions(role.permissions)
    if role.plugins:
        permissions += plugin_permissions()
    group.permissions.set(permissions)
    role_folder(group, role.folder, owner=owner)
    return group


def setup_roles(owner=None):
    """Every role's group and folder, as declared here; returns the groups."""
    return [setup_role(role, owner=owner) for role in ROLES]

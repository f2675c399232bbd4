"""Least privilege, proven: every admin URL walked as each role, and the media library."""

from collections import Counter

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import ProtectedError
from djangocms_versioning.models import Version
from filer.models import Folder

from jeiweb.admin.roles import NEWS_EDITORS, NEWS_PHOTOS_FOLDER, PAGE_EDITORS
from tests.news.factories import make_article, make_image
from tests.support.admin_walk import admin_urls, status_of
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db


def make_user(username, group=None, **fields):
    user = get_user_model().objects.create_user(username, password="x", is_staff=group is not None, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def world(django_user_model):
    """A superuser with a private folder and photo, a news editor's photo, a page draft."""
    root = django_user_model.objects.create_superuser("root", "root@example.edu.cn", "x")
    news_editor = make_user("news-editor", NEWS_EDITORS)
    page_editor = make_user("page-editor", PAGE_EDITORS)
    private = Folder.objects.create(name="Board papers", owner=root)
    secret = make_image(name="board.jpg")
    secret.owner, secret.folder = root, private
    secret.save()
    news_photo = make_image(name="graduation.jpg")
    news_photo.owner, news_photo.folder = news_editor, Folder.objects.get(name=NEWS_PHOTOS_FOLDER)
    news_photo.save()
    live = PageContent.objects.get(page__reverse_id="contact", language="en")
    draft = Version.objects.get_for_content(live).copy(root).content
    placeholder = draft.get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "TextPlugin", "en", body="<p>Draft: the new dean is …</p>")
    article = make_article(featured_image=secret)
    return {
        "root": root,
        "news_editor": news_editor,
        "page_editor": page_editor,
        "private": private,
        "secret": secret,
        "news_photo": news_photo,
        "draft": draft,
        "placeholder": placeholder,
        "plugin": plugin,
        "article": article,
    }


def samples_for(world):
    pagecontent_type = ContentType.objects.get_for_model(PageContent).pk
    draft = world["draft"]
    samples = {
        "cms.page": draft.page_id,
        "cms.pagecontent": draft.pk,
        "cms.placeholder": world["placeholder"].pk,
        "djangocms_versioning.pagecontentversion": Version.objects.get_for_content(draft).pk,
        "filer.image": world["secret"].pk,
        "filer.file": world["secret"].pk,
        "filer.folder": world["private"].pk,
        "news.article": world["article"].pk,
        "auth.user": world["root"].pk,
        "file_id": world["secret"].pk,
        "folder_id": world["private"].pk,
        "plugin_pk": world["plugin"].pk,
        "cms_placeholder_render_object_edit": (pagecontent_type, draft.pk),
        "cms_placeholder_render_object_structure": (pagecontent_type, draft.pk),
        "cms_placeholder_render_object_preview": (pagecontent_type, draft.pk),
        "cms_placeholder_edit_plugin": (world["plugin"].pk,),
        "cms_placeholder_delete_plugin": (world["plugin"].pk,),
        "cms_placeholder_edit_field": (world["plugin"].pk, "body"),
        "cms_placeholder_clear_placeholder": (world["placeholder"].pk,),
    }
    from django.contrib import admin

    for model in admin.site._registry:
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        if label not in samples:
            first = model._default_manager.order_by("pk").first() if model._meta.proxy is False else None
            if first is not None:
                samples[label] = first.pk
    return samples


# The parts of the admin each role works in (model labels, or a whole app). Everything else
# must answer 403 or 404; the superuser may enter everything.
AREAS = {
    "news_editor": {
        "news",
        "pages.milestone",
        "filer.file",
        "filer.image",
        "filer.folder",
        "filer.clipboard",
    },
    "page_editor": {
        # Page editors approve the news writers' articles and events (the two-person rule).
        "news.article",
        "news.event",
        # What families decide with (issue 19): admission figures, costs, charters, provinces.
        "pages.admissionrecord",
        "pages.province",
        "pages.costofstudy",
        "pages.coststage",
        "pages.admissionscharter",
        "cms.page",
        "cms.pagecontent",
        "cms.placeholder",
        "djangocms_versioning.pagecontentversion",
        "djangocms_link.link",
        "filer.file",
        "filer.image",
        "filer.folder",
        "filer.clipboard",
        # The people the pages name, schools, teaching teams (and their roles), committees' posts.
        "pages.person",
        "pages.school",
        "pages.teachingteam",
        "pages.teamrole",
        "pages.post",
        "pages.committee",
    },
}
# Every staff user's own: the admin's index, their password, the CMS toolbar's settings.
OWN = {"site", "cms.usersettings"}
STANDARD_VIEWS = ("_changelist", "_add", "_change", "_delete", "_history")


def private_object(url, world):
    """URLs that ask for the superuser's own photo or folder, whoever the role."""
    return any(
        f"/filer/{kind}/{pk}/" in url.path or url.path.endswith(f"/{pk}/list/") or f"/{pk}/40" in url.path
        for kind, pk in (
            ("image", world["secret"].pk),
            ("file", world["secret"].pk),
            ("folder", world["private"].pk),
        )
    )


def forbidden(role, url, world, user):
    if role == "root":
        return False
    if url.name == "app_list":
        return not any(p.startswith(f"{url.model}.") for p in user.get_all_permissions())
    areas = AREAS[role]
    if url.model in OWN:
        return False
    if url.model not in areas and url.area not in areas:
        return True
    return private_object(url, world)


def must_open(role, world):
    """Pages each role works with, which must answer 200."""
    if role is None:
        return []
    article, draft = world["article"].pk, world["draft"]
    pagecontent = ContentType.objects.get_for_model(PageContent).pk
    news = (
        [f"/en/admin/news/{model}/" for model in ("article", "event", "category")]
        + [f"/en/admin/news/article/{article}/{view}/" for view in ("change", "history", "delete")]
        + ["/en/admin/news/article/add/", "/en/admin/filer/folder/"]
    )
    pages = [
        "/en/admin/cms/pagecontent/",
        f"/en/admin/cms/placeholder/object/{pagecontent}/preview/{draft.pk}/",
        f"/en/admin/cms/placeholder/object/{pagecontent}/structure/{draft.pk}/",
        f"/en/admin/djangocms_versioning/pagecontentversion/?page={draft.page_id}",
        "/en/admin/filer/folder/",
        # People (and their roster import), schools and teaching teams.
        "/en/admin/pages/person/",
        "/en/admin/pages/person/import/",
        "/en/admin/pages/teachingteam/add/",
        "/en/admin/pages/school/",
    ]
    return {
        "news_editor": news + [f"/en/admin/filer/image/{world['news_photo'].pk}/change/"],
        "page_editor": pages,
        "root": news + pages,
    }[role]


@pytest.mark.parametrize("role", [None, "news_editor", "page_editor", "root"])
def test_every_admin_url_answers_each_role_as_its_permissions_say(client, world, role):
    urls = admin_urls(samples_for(world))
    user = world[role] if role else None
    if user:
        log_in_verified(client, user)
    # Before the walk, whose empty POSTs may change what they touch.
    refused = [
        (path, status) for path in must_open(role, world) if (status := client.get(path).status_code) != 200
    ]
    wrong, crashes = [], []
    counts = Counter()
    for url in urls:
        response = status_of(client, url, post=role != "root")
        status = response.status_code
        counts[status] += 1
        if status >= 500:
            crashes.append((status, url.path))
        if role is None:
            if status != 302 or not response["Location"].startswith("/en/admin/login/"):
                wrong.append((status, url.path))
        elif forbidden(role, url, world, user) and status not in (403, 404):
            wrong.append((status, url.path))
    print(
        f"\nrole walk {role or 'anonymous'}: {len(urls)} URLs, {dict(counts)}, "
        f"forbidden answered otherwise: {len(wrong)}, crashes: {len(crashes)}"
    )
    assert len(urls) > 200
    assert refused == []
    assert crashes == []
    assert wrong == [], wrong


def test_a_page_editor_edits_and_publishes_a_page(client, world):
    log_in_verified(client, world["page_editor"])
    live = PageContent.objects.get(page__reverse_id="contact", language="en")
    # "Edit" on the live page leads to its draft (the one the fixture made).
    response = client.post(
        f"/en/admin/djangocms_versioning/pagecontentversion/{Version.objects.get_for_content(live).pk}/edit-redirect/"
    )
    assert response.status_code == 302
    draft = Version.objects.get_for_content(world["draft"])
    assert client.get(response["Location"]).status_code == 200
    response = client.post(f"/en/admin/djangocms_versioning/pagecontentversion/{draft.pk}/publish/")
    assert response.status_code == 302
    assert Version.objects.get(pk=draft.pk).state == "published"
    client.logout()
    assert "Draft: the new dean is" in client.get("/en/contact/").content.decode()


@pytest.mark.parametrize(
    "path", ["auth/user/", "auth/group/", "sites/site/", "news/category/", "axes/accessattempt/"]
)
def test_a_page_editor_has_nothing_in_users_groups_settings_or_news_categories(client, world, path):
    log_in_verified(client, world["page_editor"])
    assert client.get(f"/en/admin/{path}").status_code == 403


def test_a_news_editor_cannot_rename_or_delete_a_superusers_photo(client, world):
    secret = world["secret"]
    log_in_verified(client, world["news_editor"])
    change = f"/en/admin/filer/image/{secret.pk}/change/"
    assert client.get(change).status_code == 404
    assert client.post(change, {"name": "mine now", "owner": world["news_editor"].pk}).status_code == 404
    assert client.post(f"/en/admin/filer/image/{secret.pk}/delete/", {"post": "yes"}).status_code in (
        403,
        404,
    )
    assert client.get(f"/en/admin/filer/folder/{world['private'].pk}/list/").status_code == 404
    # The folder listing's bulk actions (delete, move, rename) refuse it too.
    listing = f"/en/admin/filer/folder/{world['private'].pk}/list/"
    for action in ("delete_files_or_folders", "move_files_and_folders", "rename_files"):
        response = client.post(
            listing, {"action": action, "_selected_action": [f"file-{secret.pk}"], "post": "yes"}
        )
        assert response.status_code in (403, 404)
    secret.refresh_from_db()
    assert (secret.name, secret.owner, secret.folder) == ("", world["root"], world["private"])
    assert secret.file.storage.exists(secret.file.name)


def test_a_news_editor_does_not_see_a_superusers_photo_in_the_media_library(client, world):
    log_in_verified(client, world["news_editor"])
    for path in (
        "/en/admin/filer/folder/",
        "/en/admin/filer/folder/unfiled_images/",
        "/en/admin/filer/folder/?q=board",
    ):
        page = client.get(path).content.decode()
        assert "board.jpg" not in page
        assert "Board papers" not in page
    assert client.get(f"/en/admin/filer/image/expand/{world['secret'].pk}").status_code == 404
    assert client.get("/en/admin/filer/folder/images_with_missing_data/").status_code == 403


def test_a_news_editor_works_in_the_news_photos_folder(client, world):
    photo = world["news_photo"]
    log_in_verified(client, world["news_editor"])
    folder = Folder.objects.get(name=NEWS_PHOTOS_FOLDER)
    listing = client.get(f"/en/admin/filer/folder/{folder.pk}/list/")
    assert listing.status_code == 200
    assert "graduation.jpg" in listing.content.decode()
    response = client.post(
        f"/en/admin/filer/image/{photo.pk}/change/",
        {"name": "Graduation 2026", "original_filename": "graduation.jpg", "owner": world["news_editor"].pk},
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.name == "Graduation 2026"


def test_a_photo_an_article_shows_cannot_be_deleted_from_under_it(client, world):
    secret, article = world["secret"], world["article"]
    log_in_verified(client, world["root"])
    page = client.get(f"/en/admin/filer/image/{secret.pk}/delete/")
    assert page.status_code == 200
    assert "protected" in page.content.decode().lower()
    client.post(f"/en/admin/filer/image/{secret.pk}/delete/", {"post": "yes"})
    article.refresh_from_db()
    assert article.featured_image_id == secret.pk
    with pytest.raises(ProtectedError):
        secret.delete()


def test_a_news_editor_cannot_read_a_page_draft(client, world):
    pagecontent = ContentType.objects.get_for_model(PageContent).pk
    draft = world["draft"]
    log_in_verified(client, world["news_editor"])
    for view in ("preview", "edit", "structure"):
        response = client.get(f"/en/admin/cms/placeholder/object/{pagecontent}/{view}/{draft.pk}/")
        assert response.status_code == 403
        assert "the new dean" not in response.content.decode()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("cms/page/{page}/move-page/", {"target": "abc", "position": "x"}),
        ("cms/page/{page}/move-page/", {"target": "{page}", "position": "99"}),
        ("cms/placeholder/move-plugin/", {}),
        (
            "cms/placeholder/move-plugin/",
            {"plugin_id": "{plugin}", "target_language": "en", "placeholder_id": "x"},
        ),
        ("cms/placeholder/copy-plugins/", {}),
    ],
)
def test_malformed_cms_requests_get_400_not_500(client, world, path, data):
    log_in_verified(client, world["root"])
    client.raise_request_exception = False
    values = {"page": world["draft"].page_id, "plugin": world["plugin"].pk}
    data = {key: value.format(**values) for key, value in data.items()}
    response = client.post("/en/admin/" + path.format(**values), data)
    assert response.status_code == 400
    # News editors are refused before the view reads anything.
    log_in_verified(client, world["news_editor"])
    assert client.post("/en/admin/" + path.format(**values), data).status_code == 403

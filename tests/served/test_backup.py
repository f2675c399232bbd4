"""Back up the production-like site and restore it into an empty database: nothing is lost.

The source is the site of the `production_site` fixture (its own database: SQLite, or a fresh
PostgreSQL database when DATABASE_URL is PostgreSQL), with content made here: a CMS draft (a
new unpublished version of a published page), a new published page, a page that was never
published, and an article with an uploaded photo. `manage.py backup_site` writes one file;
`manage.py restore_site` loads it into a new, empty database and media folder. Then every
public page type renders byte for byte the same, and the drafts, the versions, the Site and
the media files are all there.
"""

import json
import subprocess
import sys

import pytest
from django.conf import settings

from tests.support.audit import AUDIT_EVENT, audited_paths
from tests.support.server import scratch_database

CONTENT = """
import json
from cms.api import create_page
from cms.models import PageContent, PageUrl
from django.contrib.auth.models import User
from djangocms_versioning.models import Version
from tests.news.factories import make_article, make_image

user, _ = User.objects.get_or_create(username="backup-editor", defaults={"is_staff": True})
# A draft: a new version of a published page, changed and not published.
about = PageUrl.objects.get(language="en", path="about").page
live = PageContent.objects.get(page=about, language="en")
draft = Version.objects.get_for_content(live).copy(user).content
draft.title = "About the institute (draft, not yet published)"
draft.save()
# A new page, published, and one never published.
for slug, publish in (("backup-published", True), ("backup-unpublished", False)):
    page = create_page(slug.replace("-", " ").title(), "pages/page.html", "en", slug=slug, created_by=user)
    if publish:
        Version.objects.get_for_content(PageContent.admin_manager.get(page=page, language="en")).publish(user)
# An article with an uploaded photo.
article = make_article(title="Backed up with its photo", featured_image=make_image(name="backup-photo.jpg"))
print(json.dumps(article.get_absolute_url("en")))
"""

# What must survive, read in the same way from the source and the restored site: the records
# that matter, and every page as Django's test client renders it, in a process of its own
# with a cold per-process cache, so that what is compared comes from the database.
SNAPSHOT = """
import json, os, re
from cms.models import PageContent
from django.contrib.sites.models import Site
from django.test import Client
from djangocms_versioning.models import Version
from jeiweb.ops.backup import media_files
from news.models import Article

with_photo = Article.objects.exclude(featured_image=None)
state = {
    "sites": sorted([site.pk, site.domain, site.name] for site in Site.objects.all()),
    "versions": sorted(
        [version.content_type.model, version.object_id, version.number, version.state]
        for version in Version.objects.all()
    ),
    "page contents": sorted(
        [content.pk, content.page_id, content.language, content.title]
        for content in PageContent.admin_manager.all()
    ),
    "drafts": Version.objects.filter(state="draft").count(),
    "photos": sorted(str(article.featured_image.file.name) for article in with_photo),
    "media": media_files(),
}
client = Client()
pages = {}
for path in json.loads(os.environ["RENDER_PATHS"]):
    response = client.get(path, secure=True)
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    pages[path] = [response.status_code, html]
print(json.dumps({"state": state, "pages": pages}))
"""


def manage(environment, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def shell(environment, script, **extra):
    output = manage({**environment, **extra}, "shell", "-c", script)
    return json.loads(output.strip().splitlines()[-1])


def renderer(environment):
    """Production settings, a cold in-process cache, Django's test client as the visitor."""
    return {**environment, "CACHE_URL": "locmemcache://", "ALLOWED_HOSTS": "testserver"}


@pytest.fixture(scope="module")
def source(production_site):
    environment = renderer(production_site.environment)
    # One process makes the audit's event and this module's content (the content's line is last).
    article_url = shell(environment, AUDIT_EVENT + CONTENT)
    paths = [path for _kind, path in audited_paths()]
    paths += [article_url, "/en/backup-published/", "/en/backup-unpublished/", "/en/about/"]
    return environment, paths


# The backup, then the snapshot of the site it was taken from, in one process of their own: the
# backup reads the database and leaves nothing the pages render from in the process (its cache
# stays cold), so the snapshot still comes from the database.
BACKUP_THEN_SNAPSHOT = """
from django.core.management import call_command
call_command("backup_site", {archive!r}, verbosity=0)
"""


@pytest.fixture(scope="module")
def backed_up(source, tmp_path_factory):
    """The source site's backup file (`manage.py backup_site`, once for the module), and the
    snapshot of the source site taken with it."""
    environment, paths = source
    archive = tmp_path_factory.mktemp("backup") / "site.tar.gz"
    script = BACKUP_THEN_SNAPSHOT.format(archive=str(archive)) + SNAPSHOT
    original = shell(environment, script, RENDER_PATHS=json.dumps(paths))
    assert archive.is_file()
    return archive, original


def test_a_backup_restores_only_into_an_empty_database_and_then_renders_every_page_the_same(
    source, backed_up, tmp_path
):
    # One test, not two: xdist shares tests out one by one, and a second test of this module on
    # the other worker would make the whole backup (and its snapshot) a second time.
    environment, paths = source
    archive, original = backed_up

    with pytest.raises(subprocess.CalledProcessError) as refused:
        manage(environment, "restore_site", str(archive))  # into the source site's own database
    assert "not empty" in refused.value.stderr

    with scratch_database(tmp_path) as empty_database:
        restored = {
            **environment,
            "DATABASE_URL": empty_database,
            "MEDIA_ROOT": str(tmp_path / "restored-media"),
        }
        manage(restored, "restore_site", str(archive))
        copy = shell(restored, SNAPSHOT, RENDER_PATHS=json.dumps(paths))
    before, original_pages = original["state"], original["pages"]
    after, restored_pages = copy["state"], copy["pages"]

    assert before["drafts"] >= 2  # the new version of /about/ and the page never published
    assert "About the institute (draft, not yet published)" in json.dumps(before["page contents"])
    assert before["photos"] and all(photo in before["media"] for photo in before["photos"])
    assert after == before
    assert [site[:2] for site in after["sites"]] == [[settings.SITE_ID, after["sites"][0][1]]]
    differing = [path for path in paths if original_pages[path] != restored_pages[path]]
    assert differing == []
    assert original_pages["/en/backup-published/"][0] == 200
    assert original_pages["/en/backup-unpublished/"][0] == 404  # the draft stays a draft
    assert "Backed up with its photo" in original_pages[paths[-4]][1]

"""`load_site_content`: builds the published tree once, and never touches it again."""

import pytest
from cms.api import add_plugin
from cms.models import CMSPlugin, Page, PageContent
from django.contrib.auth import get_user_model
from django.core.management import call_command
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Page.objects.count(),
        PageContent.admin_manager.count(),
        list(Version.objects.order_by("pk").values_list("pk", "state")),
        CMSPlugin.objects.count(),
    )


def test_every_page_and_language_is_published(page_specs):
    for spec in page_specs:
        page = Page.objects.get(reverse_id=spec.reverse_id)
        for language in ("en", "zh-hans"):
            content = PageContent.objects.get(page=page, language=language)
            assert content.title == spec.title[language]
            assert Version.objects.get_for_content(content).state == PUBLISHED


def test_the_tree_has_its_sections(page_specs):
    about = Page.objects.get(reverse_id="about")
    children = {page.reverse_id for page in about.get_child_pages()}
    assert children == {"overview", "governance", "teaching-teams"}
    assert Page.objects.get(reverse_id="home").is_home


def test_running_the_loader_again_changes_nothing():
    before = snapshot()
    call_command("load_site_content", verbosity=0)
    assert snapshot() == before


def test_the_loader_leaves_a_page_that_staff_have_edited_alone(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "secret")
    live = PageContent.objects.get(page__reverse_id="contact", language="en")
    draft = Version.objects.get_for_content(live).copy(editor).content
    placeholder = draft.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", "en", body="<p>Visit us on the Chongqing campus.</p>")
    draft_version = Version.objects.get_for_content(draft)
    assert draft_version.state == DRAFT
    draft_version.publish(editor)

    call_command("load_site_content", verbosity=0)

    assert "Visit us on the Chongqing campus." in client.get("/en/contact/").content.decode()
    assert PageContent.admin_manager.filter(page__reverse_id="contact", language="en").count() == 2


def test_the_loader_adds_a_missing_language_without_touching_the_other(page_specs):
    page = Page.objects.get(reverse_id="milestones")
    english_version = Version.objects.get_for_content(PageContent.objects.get(page=page, language="en"))
    chinese = PageContent.admin_manager.get(page=page, language="zh-hans")
    Version.objects.get_for_content(chinese).delete()  # deletes the content with it
    page.urls.filter(language="zh-hans").delete()

    call_command("load_site_content", verbosity=0)

    assert PageContent.objects.get(page=page, language="zh-hans").title == "发展历程"
    assert Version.objects.get(pk=english_version.pk).state == PUBLISHED

"""`load_site_content`: every app's registered loader in order; the published tree built once,
and never touched again."""

import pytest
from cms.api import add_plugin
from cms.models import CMSPlugin, Page, PageContent
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from jeiweb.content.loading import LoaderRegistry, load_site_content, loaders

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
    assert children == {"overview", "governance", "teaching-teams", "people"}
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


# The order of the loaders --------------------------------------------------------------------


def test_the_apps_register_their_loaders_in_the_order_of_what_they_need():
    order = [loader.name for loader in loaders.ordered()]
    assert order.index("pages") < order.index("college") < order.index("news") < order.index("search")
    # A role's permissions name every plugin's model and its folder has an owner: after the pages.
    assert order.index("pages") < order.index("roles")
    assert order[-1] == "search"  # the index is rebuilt from everything loaded before it


def test_no_app_plugs_in_by_a_load_content_method():
    assert not [config.name for config in apps.get_app_configs() if hasattr(config, "load_content")]


def noop(log):
    return 0


def test_a_loader_runs_after_those_it_names_whatever_the_order_of_registration():
    registry = LoaderRegistry()
    registry.register("index", noop, after=("news", "college"))
    registry.register("news", noop, after=("college",))
    registry.register("college", noop, after=("pages",))
    registry.register("pages", noop)
    assert [loader.name for loader in registry.ordered()] == ["pages", "college", "news", "index"]


def test_a_loader_that_follows_one_nobody_registers_is_refused():
    registry = LoaderRegistry()
    registry.register("news", noop, after=("colege",))
    with pytest.raises(ImproperlyConfigured, match="colege"):
        registry.ordered()


def test_loaders_that_wait_for_each_other_are_refused():
    registry = LoaderRegistry()
    registry.register("news", noop, after=("college",))
    registry.register("college", noop, after=("news",))
    with pytest.raises(ImproperlyConfigured, match="wait for each other"):
        registry.ordered()


def test_each_loader_reports_what_it_did_in_its_own_words():
    registry = LoaderRegistry()
    registry.register("news", lambda log: 3, reports="{} articles created")
    assert [report.line for report in registry.load_all()] == ["3 articles created"]


# Everything the loaders write: the pages, their plugins and versions, the records, the
# index, the roles and their media folders.
LOADED_APPS = ("cms", "djangocms_versioning", "pages", "news", "search", "auth", "filer")


def record_counts():
    return {
        model._meta.label: model._base_manager.count()
        for label in LOADED_APPS
        for model in apps.get_app_config(label).get_models()
    }


def test_a_second_load_creates_nothing():
    before = record_counts()

    reports = {report.loader: report.count for report in load_site_content()}

    assert reports["pages"] == reports["college"] == reports["news"] == 0
    assert record_counts() == before

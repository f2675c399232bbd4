"""History of site content: revisions per record in both languages, restore, recovery of a
deleted record with its children, a restore reaching the page cache and the search, the audit
trail and its retention."""

import io
import re
from datetime import timedelta

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from parler.models import TranslatableModel
from reversion.models import Revision, Version
from reversion.revisions import _get_options

from jeiweb.cache.pages import content_version
from jeiweb.content.batching import batched_changes
from jeiweb.content.history import purge_history, record_state, restore
from jeiweb.content.registry import children_of, declared_models
from news.models import Article
from pages import models
from search.models import SearchDocument
from tests.news.factories import make_article, make_event
from tests.pages import factories as make
from tests.support.admin_forms import form_data
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"
ZH_ADMIN = "/zh-hans/admin/"


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("root", "root@example.edu.cn", "x")


@pytest.fixture
def admin_client(client, superuser):
    return log_in_verified(client, superuser)


def edit(client, url, **changes):
    """Open the change form at `url`, change fields as an editor types, and save it."""
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, form_data(page.content.decode(), **changes))
    assert response.status_code == 302, form_errors(response)
    return response


def admin_url(obj, view="change", admin=ADMIN):
    opts = obj._meta
    return f"{admin}{opts.app_label}/{opts.model_name}/{obj.pk}/{view}/"


def revision_urls(client, obj, admin=ADMIN):
    """The "restore this version" links of the record's history page, newest first."""
    html = client.get(admin_url(obj, "history", admin)).content.decode()
    return re.findall(r'href="([^"]+/history/\d+/)"', html)


def restore_in_admin(client, url):
    """Open a version (or a deleted record) and press save, as the history page offers."""
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, form_data(page.content.decode()))
    assert response.status_code == 302, form_errors(response)


def form_errors(response):
    """What an admin form that was not saved says: the form's errors, its inlines', and any
    message (a restore that cannot be done answers with one)."""
    if response.context is None:
        return response
    return {
        "form": response.context["adminform"].form.errors,
        "inlines": [formset.formset.errors for formset in response.context["inline_admin_formsets"]],
        "messages": [str(message) for message in response.context.get("messages", [])],
    }


def texts(obj, field):
    obj = type(obj).objects.get(pk=obj.pk)
    return {code: obj.safe_translation_getter(field, language_code=code) for code in ("en", "zh-hans")}


def test_every_declared_model_has_history_with_its_translations_and_children():
    """`@site_content` alone is the declaration: a model added later gets history by it."""
    for model in declared_models():
        follow = _get_options(model).follow
        if issubclass(model, TranslatableModel):
            assert "translations" in follow, model
        assert set(children_of(model)) <= set(follow), model
        for relation in children_of(model):
            assert reversion.is_registered(model._meta.get_field(relation).related_model)
    assert {"faqs", "degree_awards", "curriculum_stages"} <= set(_get_options(models.Programme).follow)


def test_every_declared_model_with_an_admin_of_its_own_keeps_its_history_there():
    """Each save in the admin stores a revision and is refused over a newer one. (A model
    without an admin of its own is edited inline, in its parent's form and history.)"""
    from django.contrib import admin

    from jeiweb.admin.history import HistoryAdmin

    admins = {model: admin.site._registry.get(model) for model in declared_models()}
    assert models.AdmissionRecord in admins and models.CostOfStudy in admins
    assert [
        model
        for model, model_admin in admins.items()
        if model_admin and not isinstance(model_admin, HistoryAdmin)
    ] == []


def test_each_save_of_an_article_is_a_revision_showing_its_change_in_each_language(admin_client, superuser):
    article = make_article(title="Open day")
    edit(admin_client, admin_url(article) + "?language=en", title="Open day 2026")
    edit(admin_client, admin_url(article) + "?language=zh-hans", title="开放日")
    html = admin_client.get(admin_url(article, "history", ZH_ADMIN)).content.decode()
    # Newest first: who, when, Django's comment, and the change in its language.
    assert html.index("开放日") < html.index("<ins> 2026</ins>")
    assert "<dt>标题 (简体中文)</dt>" in html and "<del>Open day</del><ins>开放日</ins>" in html
    assert "<dt>标题 (英语)</dt>" in html
    assert html.count("<td>root</td>") == 2  # the two saves; the state before them has no user
    assert Version.objects.get_for_object(article).count() == 3
    assert Revision.objects.filter(user=superuser).count() == 2


def test_restoring_the_first_version_puts_back_both_languages_the_cache_and_the_search(admin_client):
    article = make_article(title="Open day")
    edit(admin_client, admin_url(article) + "?language=en", title="Renamed day")
    edit(admin_client, admin_url(article) + "?language=zh-hans", title="改名日")
    assert SearchDocument.objects.filter(key=f"article:{article.pk}", title="Renamed day").exists()
    before = content_version()
    restore_in_admin(admin_client, revision_urls(admin_client, article, ZH_ADMIN)[-1])
    assert texts(article, "title") == {"en": "Open day", "zh-hans": "Open day"}
    assert content_version() > before
    titles = set(SearchDocument.objects.filter(key=f"article:{article.pk}").values_list("title", flat=True))
    assert titles == {"Open day"}
    # The restore is itself a revision, so it can be undone.
    assert "恢复到" in admin_client.get(admin_url(article, "history", ZH_ADMIN)).content.decode()


@pytest.mark.parametrize(
    "create, field, admin",
    [
        (lambda: make_event(title="Lecture"), "title", ADMIN),
        (lambda: make.milestone(), "title", ZH_ADMIN),
        (lambda: make_faq(en=("Fees?", "See the page.")), "question", ZH_ADMIN),
        (lambda: make_contact_point(), "name", ADMIN),
    ],
    ids=["event", "milestone", "faq", "contact-point"],
)
def test_every_kind_of_record_keeps_its_history_and_is_restored(admin_client, create, field, admin):
    record = create()
    typed = {field: "新的文字", **({"answer": "新的回答"} if field == "question" else {})}
    edit(admin_client, admin_url(record, admin=admin) + "?language=zh-hans", **typed)
    assert texts(record, field)["zh-hans"] == "新的文字"
    first = revision_urls(admin_client, record, admin)[-1]
    restore_in_admin(admin_client, first)
    assert texts(record, field)["zh-hans"] != "新的文字"


def make_faq(programme=None, **languages):
    """A question in the given languages: make_faq(en=(question, answer), zh_hans=(…))."""
    faq = models.Faq(programme=programme)
    make.translated(faq, **{code: {"question": q, "answer": a} for code, (q, a) in languages.items()})
    faq.save()
    return faq


def make_contact_point():
    point = models.ContactPoint(key="test-office", kind=models.ContactKind.choices[0][0])
    make.translated(point, en={"name": "Test office"}, zh_hans={"name": "测试办公室"})
    point.save()
    return point


def programme_with_children():
    programme = make.programme()
    faq = make_faq(programme, en=("How to apply?", "Online."), zh_hans=("如何申请？", "网上申请。"))
    stage = models.CurriculumStage(programme=programme, order=1)
    stage.set_current_language("en")
    stage.title = "Year 1"
    stage.set_current_language("zh-hans")
    stage.title = "第一学年"
    stage.save()
    return programme, faq, stage


def test_restoring_a_programme_puts_back_its_children_and_reaches_their_search_documents():
    programme, faq, stage = programme_with_children()
    record_state(programme, comment="before")
    first = Revision.objects.latest("pk")
    faq.set_current_language("zh-hans")
    faq.answer = "请邮寄申请表。"
    faq.save()
    stage_pk = stage.pk
    stage.delete()
    extra = make_faq(programme, en=("Added later?", "Yes."))
    assert SearchDocument.objects.filter(key=f"faq:{faq.pk}", body__contains="邮寄").exists()
    before = content_version()
    restore(first)
    assert texts(faq, "answer") == {"en": "Online.", "zh-hans": "网上申请。"}
    assert models.CurriculumStage.objects.filter(pk=stage_pk, programme=programme).exists()
    assert not models.Faq.objects.filter(pk=extra.pk).exists()  # not in that version
    assert content_version() > before
    assert SearchDocument.objects.filter(
        key=f"faq:{faq.pk}", language="zh-hans", body__contains="网上"
    ).exists()
    assert not SearchDocument.objects.filter(key=f"faq:{faq.pk}", body__contains="邮寄").exists()


def test_a_deleted_programme_is_recovered_with_its_children_and_translations(admin_client):
    programme, faq, stage = programme_with_children()
    response = admin_client.post(admin_url(programme, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not models.Faq.objects.filter(pk=faq.pk).exists()
    recover_list = admin_client.get(ZH_ADMIN + "pages/programme/recover/").content.decode()
    assert "恢复已删除的" in recover_list
    url = re.search(r'href="([^"]+/recover/\d+/)"', recover_list).group(1)
    restore_in_admin(admin_client, url)
    assert texts(programme, "title")["zh-hans"].startswith("测试专业")
    assert texts(faq, "question") == {"en": "How to apply?", "zh-hans": "如何申请？"}
    assert models.CurriculumStage.objects.filter(pk=stage.pk).exists()
    assert SearchDocument.objects.filter(key=f"faq:{faq.pk}").exists()


def test_a_deleted_faq_is_recovered_from_its_list(admin_client):
    faq = make_faq(en=("Is there a bus?", "Yes."), zh_hans=("有班车吗？", "有。"))
    admin_client.post(admin_url(faq, "delete"), {"post": "yes"})
    recover_list = admin_client.get(ADMIN + "pages/faq/recover/").content.decode()
    assert "Is there a bus?" in recover_list
    restore_in_admin(admin_client, re.search(r'href="([^"]+/recover/\d+/)"', recover_list).group(1))
    assert texts(faq, "answer") == {"en": "Yes.", "zh-hans": "有。"}


def many_revisions(article, count, user):
    with batched_changes():  # the revisions, not the saves, are what is measured
        for number in range(count):
            article.title = f"Title {number}"
            article.save()
            record_state(article, user=user, comment=f"save {number}")


def queries_of(client, url):
    client.get(url)  # the session's and the admin's first reads
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_history_page_and_the_audit_trail_cost_the_same_queries_with_12_or_60_revisions(
    admin_client, superuser
):
    short, long = make_article(), make_article()
    many_revisions(short, 12, superuser)
    counted_short, _html = queries_of(admin_client, admin_url(short, "history"))
    trail_short, _html = queries_of(admin_client, ADMIN + "reversion/revision/")
    many_revisions(long, 60, superuser)
    counted_long, html = queries_of(admin_client, admin_url(long, "history"))
    trail_long, _html = queries_of(admin_client, ADMIN + "reversion/revision/")
    # Each at most 10, and 1 more for the second factor's device of the session.
    assert counted_short == counted_long <= 11
    assert trail_short == trail_long <= 11
    assert html.count('class="history-revision"') == 50  # a page; the rest on the next


def test_the_audit_trail_says_who_changed_what_and_is_for_superusers_only(admin_client, client, superuser):
    article = make_article(title="Audited")
    edit(admin_client, admin_url(article) + "?language=en", title="Audited twice")
    html = admin_client.get(ZH_ADMIN + f"reversion/revision/?user__id__exact={superuser.pk}").content.decode()
    assert "Audited twice" in html and admin_url(article, "history", ZH_ADMIN) in html
    assert "审计" in html  # its name in the editor's language
    editor = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    log_in_verified(client, editor)
    assert client.get(ADMIN + "reversion/revision/").status_code == 403


def test_purging_keeps_each_live_records_latest_version(superuser):
    article, gone = make_article(), make_article()
    long_ago = timezone.now() - timedelta(days=1000)
    for record in (article, gone):
        record_state(record, comment="older", date=long_ago - timedelta(days=1))
        record_state(record, comment="old", date=long_ago)
    latest_of_article = Version.objects.get_for_object(article).order_by("-pk").first()
    Article.objects.filter(pk=gone.pk).delete()
    assert purge_history(days=730) == 3
    assert list(Version.objects.get_for_object(article)) == [latest_of_article]
    output = io.StringIO()
    call_command("purge_history", "--dry-run", stdout=output)
    assert output.getvalue() == "would delete 0 revisions older than 730 days\n"
